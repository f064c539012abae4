"""Generate fixtures written by XGBoost 1.7, for trainlib/model's Go tests.

XGBoost 1.7 does not install next to 3.2, so this runs in its own venv:

    python3 -m venv /tmp/venv17
    /tmp/venv17/bin/pip install xgboost==1.7.6 "numpy<2" "scipy<1.14"
    /tmp/venv17/bin/python trainlib/model/testdata/gen_fixtures_17.py

It trains a logistic model with early stopping on the same slice of
trainlib/datasets/UCI_Credit_Card.csv as gen_fixtures.py (with the same
missing values: it reads them from credit_missing_rows.csv for the scored
rows and injects them the same way for training), saves it as JSON and
UBJSON as 1.7 writes them, and records 1.7's margins, probabilities,
contributions and importance for the scored rows.
"""

import csv
import json
import pathlib

import numpy as np
import xgboost as xgb

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TRAIN_ROWS, EVAL_ROWS, VALID_ROWS = 3000, 300, 1000
FMT = "%.9g"
NAME = "credit_v17"


def load():
    with open(ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1 : 1 + TRAIN_ROWS + EVAL_ROWS + VALID_ROWS]
    data = np.array(body, dtype=np.float32)
    return header[1:-1], data[:, 1:-1], data[:, -1]


def write_matrix(path, m):
    m = np.asarray(m)
    if m.ndim == 1:
        m = m[:, None]
    np.savetxt(path, m, fmt=FMT, delimiter=",")


def main():
    assert xgb.__version__.startswith("1.7"), "run this with XGBoost 1.7"
    names, x, y = load()
    x[np.random.default_rng(11).random(x.shape) < 0.10] = np.nan  # as gen_fixtures.py
    xtr, ytr = x[:TRAIN_ROWS], y[:TRAIN_ROWS]
    xev = x[TRAIN_ROWS : TRAIN_ROWS + EVAL_ROWS]
    xva, yva = x[TRAIN_ROWS + EVAL_ROWS :], y[TRAIN_ROWS + EVAL_ROWS :]
    dtr = xgb.DMatrix(xtr, label=ytr, missing=np.nan, feature_names=names)
    dva = xgb.DMatrix(xva, label=yva, missing=np.nan, feature_names=names)
    p = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 4, "eta": 0.2,
         "seed": 7, "nthread": 1, "eval_metric": "logloss"}
    bst = xgb.train(p, dtr, num_boost_round=60, evals=[(dva, "val")], early_stopping_rounds=4, verbose_eval=False)
    bst.save_model(HERE / f"{NAME}.json")
    bst.save_model(HERE / f"{NAME}.ubj")
    d = xgb.DMatrix(xev, missing=np.nan, feature_names=names)
    rng = (0, bst.best_iteration + 1)
    write_matrix(HERE / f"{NAME}.margin.csv", bst.predict(d, output_margin=True, iteration_range=rng))
    write_matrix(HERE / f"{NAME}.pred.csv", bst.predict(d, iteration_range=rng))
    write_matrix(HERE / f"{NAME}.contribs.csv", bst.predict(d, pred_contribs=True, iteration_range=rng))
    write_matrix(HERE / f"{NAME}.approx.csv", bst.predict(d, pred_contribs=True, approx_contribs=True, iteration_range=rng))
    write_matrix(HERE / f"{NAME}.margin_all.csv", bst.predict(d, output_margin=True, iteration_range=(0, bst.num_boosted_rounds())))
    imp = {k: bst.get_score(importance_type=k) for k in ["weight", "gain", "cover", "total_gain", "total_cover"]}
    with open(HERE / f"{NAME}.importance.json", "w", encoding="utf-8") as f:
        json.dump(imp, f, indent=1, sort_keys=True)
    with open(HERE / f"{NAME}.info.json", "w", encoding="utf-8") as f:
        json.dump({"num_trees": bst.num_boosted_rounds(), "iteration_end": bst.best_iteration + 1}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
