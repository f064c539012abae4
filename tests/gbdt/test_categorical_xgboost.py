"""Native categorical features against XGBoost 3.2 (from the venv): text
columns trained with `gotrain fit --enable-categorical` and XGBoost's
enable_categorical on the same rows and parameters.

- UCI credit with SEX, EDUCATION and MARRIAGE written as text, and a
  generated set with a 200-category column (plus missing values);
- our model inside XGBoost (a pandas category DataFrame) and XGBoost's
  model (JSON and UBJSON) inside `gotrain predict` (text CSV) agree with
  the other side's own predictions within 1e-6;
- test AUC within 0.01 of XGBoost's (the two differ only in quantile
  sketching of the numeric columns and in float rounding of gains);
- TreeSHAP of our model agrees with XGBoost's pred_contribs within 1e-5;
- the model trained on 2 spawned workers is byte-identical to the one
  trained in process.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/gbdt/test_categorical_xgboost.py"""

import json
import os
import pathlib
import subprocess

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb
from sklearn.metrics import roc_auc_score

ROOT = pathlib.Path(__file__).resolve().parents[2]
UCI_LABEL = "default.payment.next.month"
PARAMS = {"objective": "binary:logistic", "eta": 0.3, "max_depth": 5, "max_bin": 256,
          "max_cat_to_onehot": 4, "max_cat_threshold": 64, "tree_method": "hist"}
ROUNDS = 20
AUC_TOLERANCE = 0.01
PRED_TOLERANCE = 1e-6


@pytest.fixture(scope="module")
def gotrain(tmp_path_factory):
    path = os.environ.get("GOTRAIN_BIN")
    if path:
        return path
    out = tmp_path_factory.mktemp("bin") / "gotrain"
    subprocess.run(["go", "build", "-o", str(out), "./cmd/gotrain"], cwd=ROOT, check=True)
    return str(out)


def uci_text():
    df = pd.read_csv(ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv").drop(columns=["ID"])
    df["SEX"] = df["SEX"].map({1: "male", 2: "female"})
    df["EDUCATION"] = df["EDUCATION"].map({0: "unknown", 1: "graduate school", 2: "university",
                                           3: "high school", 4: "others", 5: "unknown5", 6: "unknown6"})
    df["MARRIAGE"] = df["MARRIAGE"].map({0: "unknown", 1: "married", 2: "single", 3: "other"})
    return df, UCI_LABEL


def high_cardinality(n=40000, k=200, seed=7):
    rng = np.random.default_rng(seed)
    effect = rng.normal(0, 1.2, k)
    cat = rng.integers(0, k, n)
    x = rng.normal(size=n)
    small = rng.integers(0, 3, n)
    z = effect[cat] + 0.8 * x - 0.5 * (small == 1) + rng.normal(size=n)
    df = pd.DataFrame({
        "merchant": np.array([f"m{c:03d}" for c in cat], dtype=object),
        "x": x,
        "channel": np.array(["web", "shop", "phone"], dtype=object)[small],
        "y": (z > 0).astype(int),
    })
    df.loc[rng.random(n) < 0.03, "merchant"] = np.nan
    return df, "y"


def split(df, seed=42):
    idx = np.random.RandomState(seed).permutation(len(df))
    a, b = int(0.7 * len(df)), int(0.85 * len(df))
    return df.iloc[idx[:a]], df.iloc[idx[a:b]], df.iloc[idx[b:]]


def as_categories(df, label):
    out = df.drop(columns=[label]).copy()
    for c in out.columns:
        if not pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].astype("category")
    return out


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return r


def fit(gotrain, tmp, label, name, extra=()):
    model = tmp / name
    cmd = [gotrain, "fit", "--train", str(tmp / "train.csv"), "--valid", str(tmp / "valid.csv"),
           "--label", label, "--rounds", str(ROUNDS), "--out", str(model), "--enable-categorical", "--quiet", *extra]
    for k, v in PARAMS.items():
        cmd += ["--param", f"{k}={v}"]
    run(cmd)
    return model


def predict(gotrain, tmp, model, label):
    out = tmp / "pred.csv"
    run([gotrain, "predict", "--model", str(model), "--data", str(tmp / "test.csv"), "--label", label, "--out", str(out)])
    return pd.read_csv(out)["prediction"].to_numpy()


@pytest.mark.parametrize("dataset", [uci_text, high_cardinality], ids=["uci-text", "high-cardinality"])
def test_categorical_against_xgboost(gotrain, tmp_path, dataset):
    df, label = dataset()
    train, valid, test = split(df)
    for name, part in (("train", train), ("valid", valid), ("test", test)):
        part.to_csv(tmp_path / f"{name}.csv", index=False)

    ours = fit(gotrain, tmp_path, label, "ours.json")
    ours_pred = predict(gotrain, tmp_path, ours, label)

    # Our model inside XGBoost, fed the test rows as pandas categories.
    xtest = as_categories(test, label)
    in_xgb = xgb.Booster(model_file=str(ours)).predict(xgb.DMatrix(xtest, enable_categorical=True))
    diff_ours = float(np.abs(in_xgb - ours_pred).max())
    assert diff_ours <= PRED_TOLERANCE, f"our model: XGBoost predicts {diff_ours} away from gotrain"

    # XGBoost's model inside ours, from the text CSV.
    dtrain = xgb.DMatrix(as_categories(train, label), label=train[label], enable_categorical=True)
    booster = xgb.train(PARAMS, dtrain, ROUNDS)
    theirs = booster.predict(xgb.DMatrix(xtest, enable_categorical=True))
    diffs = {}
    for ext in ("json", "ubj"):
        path = tmp_path / f"xgb.{ext}"
        booster.save_model(str(path))
        diffs[ext] = float(np.abs(predict(gotrain, tmp_path, path, label) - theirs).max())
    assert max(diffs.values()) <= PRED_TOLERANCE, f"XGBoost's model in gotrain: {diffs}"

    # TreeSHAP through categorical splits: ours against XGBoost's on our model.
    out = tmp_path / "contribs.csv"
    run([gotrain, "predict", "--model", str(ours), "--data", str(tmp_path / "test.csv"), "--label", label,
         "--out", str(out), "--contribs"])
    shap_ours = pd.read_csv(out).to_numpy()
    shap_xgb = xgb.Booster(model_file=str(ours)).predict(xgb.DMatrix(xtest, enable_categorical=True), pred_contribs=True)
    diff_shap = float(np.abs(shap_ours - shap_xgb).max())
    assert diff_shap <= 1e-5, f"TreeSHAP differs from XGBoost's by {diff_shap}"

    auc_ours = roc_auc_score(test[label], ours_pred)
    auc_xgb = roc_auc_score(test[label], theirs)
    print(f"{dataset.__name__}: AUC ours {auc_ours:.4f} XGBoost {auc_xgb:.4f}; "
          f"max |diff| ours-in-XGBoost {diff_ours:.2e}, XGBoost-in-ours {diffs}, SHAP {diff_shap:.2e}")
    assert abs(auc_ours - auc_xgb) <= AUC_TOLERANCE, (auc_ours, auc_xgb)

    if dataset is high_cardinality:
        # The categorical splits must matter: one-hot-free numeric codes
        # cannot express the merchant effect as well.
        trees = json.loads(ours.read_text())["learner"]["gradient_booster"]["model"]["trees"]
        assert any(1 in t["split_type"] for t in trees), "no categorical split in our model"
        # Two shards: in process, then one per spawned worker.
        half = len(train) // 2
        train.iloc[:half].to_csv(tmp_path / "shard_0.csv", index=False)
        train.iloc[half:].to_csv(tmp_path / "shard_1.csv", index=False)
        (tmp_path / "train.csv").unlink()
        (tmp_path / "train.csv").symlink_to(tmp_path / "shard_0.csv")
        models = []
        for workers in ("0", "2"):
            model = tmp_path / f"workers{workers}.json"
            cmd = [gotrain, "fit", "--train", str(tmp_path / "shard_*.csv"), "--label", label,
                   "--rounds", "5", "--out", str(model), "--enable-categorical", "--quiet", "--workers", workers]
            for k, v in PARAMS.items():
                cmd += ["--param", f"{k}={v}"]
            run(cmd)
            models.append(model.read_bytes())
        assert b'"split_type"' in models[0] and b"merchant" in models[0]
        assert models[0] == models[1], "the 2-worker categorical model differs from the in-process one"
