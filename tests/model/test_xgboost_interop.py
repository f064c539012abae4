"""Model files cross between gotrain and XGBoost (the real one, from the venv).

Our writer: XGBoost-trained fixtures are read by gotrain and written back as
JSON, UBJSON and .xgb; XGBoost 3.2 loads each and must predict within 1e-6 of
gotrain. Our reader: XGBoost trains a fresh model here, saves JSON and UBJSON,
and gotrain must predict within 1e-6 of XGBoost.

gotrain runs through trainlib/model/internal/modeltool, built once per session.
"""

import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parents[2]
TESTDATA = ROOT / "trainlib" / "model" / "testdata"
# XGBoost guesses UBJSON for the .xgb extension and says so; that guess is
# what .xgb means here.
pytestmark = pytest.mark.filterwarnings("ignore:.*Unknown file format.*xgb")

FIXTURES = [
    ("credit_logistic", "credit_rows.csv"),
    ("credit_missing", "credit_missing_rows.csv"),
    ("credit_reg", "credit_rows.csv"),
    ("credit_v17", "credit_missing_rows.csv"),  # written by XGBoost 1.7.6
]


@pytest.fixture(scope="session")
def modeltool(tmp_path_factory):
    exe = tmp_path_factory.mktemp("bin") / "modeltool"
    subprocess.run(["go", "build", "-o", str(exe), "./trainlib/model/internal/modeltool"], cwd=ROOT, check=True)
    return exe


def run(tool, *args):
    r = subprocess.run([str(tool), *map(str, args)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


def ours(tool, model, rows, tmp_path, margin):
    out = tmp_path / ("margin.csv" if margin else "pred.csv")
    run(tool, "predict", *(["-margin"] if margin else []), model, rows, out)
    return np.loadtxt(out, dtype=np.float64, ndmin=1)


def theirs(model, rows, margin):
    bst = xgb.Booster(model_file=str(model))
    x = pd.read_csv(rows).to_numpy(dtype=np.float32)
    d = xgb.DMatrix(x, missing=np.nan, feature_names=bst.feature_names)
    # gotrain predicts up to the best iteration by default, as XGBoost's
    # sklearn wrapper does; Booster.predict needs the range spelled out.
    end = int(bst.attributes().get("best_iteration", bst.num_boosted_rounds() - 1)) + 1
    return bst, bst.predict(d, output_margin=margin, iteration_range=(0, end)).astype(np.float64)


@pytest.mark.parametrize("name,rows", FIXTURES)
@pytest.mark.parametrize("src", ["json", "ubj"])
@pytest.mark.parametrize("dst", ["json", "ubj", "xgb"])
def test_our_files_load_in_xgboost(modeltool, tmp_path, name, rows, src, dst):
    out = tmp_path / f"ours.{dst}"
    run(modeltool, "resave", TESTDATA / f"{name}.{src}", out)
    if dst == "json":
        assert out.read_bytes().startswith(b'{"learner"')
    else:
        assert out.read_bytes()[:2] == b"{L"
    original = xgb.Booster(model_file=str(TESTDATA / f"{name}.{src}"))
    for margin in (True, False):
        bst, want = theirs(out, TESTDATA / rows, margin)
        got = ours(modeltool, out, TESTDATA / rows, tmp_path, margin)
        assert got.shape == want.shape == (300,)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-6)
    assert bst.num_boosted_rounds() == original.num_boosted_rounds()
    assert bst.attributes().get("best_iteration") == original.attributes().get("best_iteration")
    assert bst.feature_names == original.feature_names
    # XGBoost reads back the same trees: its own dump of our file matches
    # its dump of the original.
    assert bst.get_dump(with_stats=True) == original.get_dump(with_stats=True)


@pytest.mark.parametrize("fmt", ["json", "ubj"])
@pytest.mark.parametrize("objective", ["binary:logistic", "reg:squarederror"])
def test_xgboost_models_load_in_ours(modeltool, tmp_path, fmt, objective):
    rng = np.random.default_rng(5)
    df = pd.read_csv(ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv", nrows=4000)
    y = df.pop("default.payment.next.month").to_numpy(np.float32)
    x = df.drop(columns=["ID"]).to_numpy(np.float32)
    x[rng.random(x.shape) < 0.05] = np.nan
    names = [c.replace(".", "_") for c in df.columns if c != "ID"]
    d = xgb.DMatrix(x[:3000], label=y[:3000], missing=np.nan, feature_names=names)
    params = {"objective": objective, "max_depth": 6, "eta": 0.2, "tree_method": "hist", "seed": 3, "nthread": 1}
    bst = xgb.train(params, d, num_boost_round=40)
    model = tmp_path / f"theirs.{fmt}"
    bst.save_model(model)
    rows = tmp_path / "rows.csv"
    pd.DataFrame(x[3000:], columns=names).to_csv(rows, index=False, na_rep="", float_format="%.9g")
    for margin in (True, False):
        _, want = theirs(model, rows, margin)
        got = ours(modeltool, model, rows, tmp_path, margin)
        assert got.shape == want.shape == (1000,)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-6)


def test_malformed_model_gets_a_clear_error(modeltool, tmp_path):
    text = (TESTDATA / "credit_logistic.json").read_text()
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace('"left_children"', '"left_kids"', 1))
    r = subprocess.run([str(modeltool), "resave", bad, tmp_path / "out.json"], capture_output=True, text=True)
    assert r.returncode == 1
    assert "trees[0]" in r.stderr and "left_children" in r.stderr, r.stderr
    assert not (tmp_path / "out.json").exists()
