"""Generate the XGBoost reference fixtures for trainlib/model's Go tests.

Run from the repository root with the project's venv (XGBoost 3.2 from
tests/requirements.txt):

    .venv/bin/python trainlib/model/testdata/gen_fixtures.py

It trains small models on a slice of trainlib/datasets/UCI_Credit_Card.csv,
saves each as XGBoost JSON and UBJSON, and writes what XGBoost itself computes
for a few hundred rows: margins, probabilities, pred_contribs (TreeSHAP),
approx_contribs (decision path) and the five importance kinds. The Go tests in
trainlib/model compare our implementation with these files.

Every run is deterministic (fixed seeds, one thread), so rerunning it changes
nothing unless XGBoost changes.
"""

import json
import os
import pathlib

import numpy as np
import pandas as pd
import xgboost as xgb

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CSV = ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv"

TRAIN_ROWS = 3000  # rows 0..2999 train the models
EVAL_ROWS = 300  # rows 3000..3299 are scored for the expected values
VALID_ROWS = 1000  # rows 3300..4299 drive early stopping
LABEL = "default.payment.next.month"
FMT = "%.9g"  # enough digits to round-trip a float32


def load():
    df = pd.read_csv(CSV, nrows=TRAIN_ROWS + EVAL_ROWS + VALID_ROWS)
    y = df[LABEL].to_numpy(dtype=np.float32)
    x = df.drop(columns=["ID", LABEL])
    return x.columns.tolist(), x.to_numpy(dtype=np.float32), y


def inject_missing(x, fraction, seed):
    rng = np.random.default_rng(seed)
    x = x.copy()
    x[rng.random(x.shape) < fraction] = np.nan
    return x


def write_rows(path, names, x):
    """Write rows as CSV with a header; missing values are empty cells."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(names) + "\n")
        for row in x:
            f.write(",".join("" if np.isnan(v) else FMT % v for v in row) + "\n")


def write_matrix(path, m):
    m = np.asarray(m)
    if m.ndim == 1:
        m = m[:, None]  # one value per line
    np.savetxt(path, m, fmt=FMT, delimiter=",")


def expected(name, bst, x, iteration_end):
    """Save bst and XGBoost's outputs on x using trees [0, iteration_end)."""
    bst.save_model(HERE / f"{name}.json")
    bst.save_model(HERE / f"{name}.ubj")
    d = xgb.DMatrix(x, missing=np.nan, feature_names=bst.feature_names)
    rng = (0, iteration_end)
    write_matrix(HERE / f"{name}.margin.csv", bst.predict(d, output_margin=True, iteration_range=rng))
    write_matrix(HERE / f"{name}.pred.csv", bst.predict(d, iteration_range=rng))
    write_matrix(HERE / f"{name}.contribs.csv", bst.predict(d, pred_contribs=True, iteration_range=rng))
    write_matrix(
        HERE / f"{name}.approx.csv",
        bst.predict(d, pred_contribs=True, approx_contribs=True, iteration_range=rng),
    )
    # All trees, whatever the best iteration, for PredictOptions.IterationEnd.
    write_matrix(HERE / f"{name}.margin_all.csv", bst.predict(d, output_margin=True, iteration_range=(0, bst.num_boosted_rounds())))
    imp = {k: bst.get_score(importance_type=k) for k in ["weight", "gain", "cover", "total_gain", "total_cover"]}
    with open(HERE / f"{name}.importance.json", "w", encoding="utf-8") as f:
        json.dump(imp, f, indent=1, sort_keys=True)
    info = {"num_trees": bst.num_boosted_rounds(), "iteration_end": iteration_end}
    with open(HERE / f"{name}.info.json", "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1, sort_keys=True)


def legacy_17(name):
    """Rewrite name.json in the shape XGBoost 1.7 writes: base_score as a bare
    decimal string, default_left as booleans, no iteration_indptr, version 1.7.4."""
    with open(HERE / f"{name}.json", encoding="utf-8") as f:
        m = json.load(f)
    lp = m["learner"]["learner_model_param"]
    bs = lp["base_score"].strip("[]")
    lp["base_score"] = bs
    lp.pop("boost_from_average", None)
    gb = m["learner"]["gradient_booster"]["model"]
    gb.pop("iteration_indptr", None)
    for t in gb["trees"]:
        t["default_left"] = [bool(v) for v in t["default_left"]]
    m["version"] = [1, 7, 4]
    with open(HERE / f"{name}_v17.json", "w", encoding="utf-8") as f:
        json.dump(m, f, separators=(",", ":"))


def main():
    os.chdir(HERE)
    names, x, y = load()
    xtr, ytr = x[:TRAIN_ROWS], y[:TRAIN_ROWS]
    xev = x[TRAIN_ROWS : TRAIN_ROWS + EVAL_ROWS]
    xva, yva = x[TRAIN_ROWS + EVAL_ROWS :], y[TRAIN_ROWS + EVAL_ROWS :]
    write_rows(HERE / "credit_rows.csv", names, xev)

    base = {"tree_method": "hist", "seed": 7, "nthread": 1}

    # 1. Logistic, named features, all rounds.
    dtr = xgb.DMatrix(xtr, label=ytr, feature_names=names)
    p = dict(base, objective="binary:logistic", max_depth=4, eta=0.3, eval_metric="logloss")
    bst = xgb.train(p, dtr, num_boost_round=20)
    expected("credit_logistic", bst, xev, bst.num_boosted_rounds())
    legacy_17("credit_logistic")

    # 2. Logistic with 10% missing values, early stopping keeps a best iteration.
    xm = inject_missing(x, 0.10, seed=11)
    xmtr, xmev, xmva = xm[:TRAIN_ROWS], xm[TRAIN_ROWS : TRAIN_ROWS + EVAL_ROWS], xm[TRAIN_ROWS + EVAL_ROWS :]
    write_rows(HERE / "credit_missing_rows.csv", names, xmev)
    dtr = xgb.DMatrix(xmtr, label=ytr, missing=np.nan, feature_names=names)
    dva = xgb.DMatrix(xmva, label=yva, missing=np.nan, feature_names=names)
    p = dict(base, objective="binary:logistic", max_depth=5, eta=0.15, eval_metric="logloss", subsample=0.8)
    bst = xgb.train(p, dtr, num_boost_round=80, evals=[(dva, "val")], early_stopping_rounds=5, verbose_eval=False)
    assert bst.best_iteration + 1 < bst.num_boosted_rounds(), "early stopping did not stop early"
    expected("credit_missing", bst, xmev, bst.best_iteration + 1)

    # 3. Squared error on the 0/1 label, no feature names (importance keys f0…).
    dtr = xgb.DMatrix(xtr, label=ytr)
    p = dict(base, objective="reg:squarederror", max_depth=3, eta=0.5)
    bst = xgb.train(p, dtr, num_boost_round=10)
    expected("credit_reg", bst, xev, bst.num_boosted_rounds())


if __name__ == "__main__":
    main()
