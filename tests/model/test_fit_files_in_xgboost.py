"""A model trained by `gotrain fit` loads in XGBoost 3.2 and scores the same.

gotrain fits with early stopping on a slice of UCI credit and writes .json,
.ubj and .xgb; XGBoost loads each file and must agree with `gotrain predict`
within 1e-6 on margins and probabilities and within 1e-5 on pred_contribs and
approx_contribs, using the best iteration as gotrain does by default.
"""

import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parents[2]
CSV = ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv"
LABEL = "default.payment.next.month"

pytestmark = pytest.mark.filterwarnings("ignore:.*Unknown file format.*xgb")


@pytest.fixture(scope="session")
def splits(tmp_path_factory):
    d = tmp_path_factory.mktemp("credit")
    df = pd.read_csv(CSV, nrows=4300)
    parts = {"train": df[:3000], "valid": df[3000:4000], "test": df[4000:]}
    for name, part in parts.items():
        part.to_csv(d / f"{name}.csv", index=False)
    return d


def run(*args):
    r = subprocess.run([str(a) for a in args], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


def predict(gotrain, model, test, out, *flags):
    run(gotrain, "predict", "--model", model, "--data", test, "--label", LABEL, "--drop", "ID", "--out", out, *flags)
    return pd.read_csv(out).to_numpy(np.float64)


@pytest.mark.parametrize("ext", ["json", "ubj", "xgb"])
def test_fitted_model_scores_the_same_in_xgboost(gotrain, splits, tmp_path, ext):
    model = tmp_path / f"model.{ext}"
    run(gotrain, "fit", "--train", splits / "train.csv", "--valid", f"val={splits / 'valid.csv'}",
        "--label", LABEL, "--drop", "ID", "--param", "max_depth=4", "--param", "eta=0.3",
        "--param", "seed=3", "--rounds", "60", "--early-stopping", "5", "--quiet", "--out", model)

    bst = xgb.Booster(model_file=str(model))
    best = int(bst.attributes()["best_iteration"])
    assert best + 1 < bst.num_boosted_rounds(), "early stopping should keep an earlier best iteration"
    test = pd.read_csv(splits / "test.csv").drop(columns=["ID", LABEL])
    assert bst.feature_names == list(test.columns)
    d = xgb.DMatrix(test.to_numpy(np.float32), feature_names=bst.feature_names)
    rng = (0, best + 1)

    got = predict(gotrain, model, splits / "test.csv", tmp_path / "m.csv", "--margin")[:, 0]
    np.testing.assert_allclose(got, bst.predict(d, output_margin=True, iteration_range=rng), rtol=0, atol=1e-6)
    got = predict(gotrain, model, splits / "test.csv", tmp_path / "p.csv")[:, 0]
    np.testing.assert_allclose(got, bst.predict(d, iteration_range=rng), rtol=0, atol=1e-6)
    assert got.shape == (300,)

    got = predict(gotrain, model, splits / "test.csv", tmp_path / "c.csv", "--contribs")
    want = bst.predict(d, pred_contribs=True, iteration_range=rng)
    assert got.shape == want.shape == (300, 24)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)
    got = predict(gotrain, model, splits / "test.csv", tmp_path / "a.csv", "--approx-contribs")
    want = bst.predict(d, pred_contribs=True, approx_contribs=True, iteration_range=rng)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)
