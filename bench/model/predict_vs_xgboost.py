"""Scoring speed: gotrain's model package against XGBoost, same model, same rows.

Run from the repository root:

    .venv/bin/python bench/model/predict_vs_xgboost.py

XGBoost (hist, max_depth 6, 300 rounds, seed 42) trains on all of
trainlib/datasets/UCI_Credit_Card.csv and saves UBJSON; gotrain loads that
file. Both then score the same rows with 2 threads: margins for all
30,000 rows, pred_contribs (TreeSHAP) and approx_contribs for the first
2,000 (TreeSHAP costs trees × leaves × depth² per row). Each figure is the best of
five runs, as wall time and as CPU time (user + system, all threads; the
steadier measure on a shared machine); ratios are gotrain's over XGBoost's
(below 1 means gotrain is faster). Outputs are checked to agree first.
"""

import json
import os
import pathlib
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
import xgboost as xgb

ROOT = pathlib.Path(__file__).resolve().parents[2]
THREADS = 2
CONTRIB_ROWS = 2000


def best(fn, n=5):
    """Shortest wall and CPU time (all threads) of n runs."""
    walls, cpus = [], []
    for _ in range(n):
        c, t = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main():
    df = pd.read_csv(ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv")
    y = df.pop("default.payment.next.month").to_numpy(np.float32)
    x = df.drop(columns=["ID"])
    names = list(x.columns)
    x = x.to_numpy(np.float32)
    params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 6, "eta": 0.1, "seed": 42, "nthread": THREADS}
    bst = xgb.train(params, xgb.DMatrix(x, label=y, feature_names=names), num_boost_round=300)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        model, rows, tool = tmp / "m.ubj", tmp / "rows.csv", tmp / "modeltool"
        few = tmp / "few.csv"
        bst.save_model(model)
        pd.DataFrame(x, columns=names).to_csv(rows, index=False, float_format="%.9g")
        pd.DataFrame(x[:CONTRIB_ROWS], columns=names).to_csv(few, index=False, float_format="%.9g")
        subprocess.run(["go", "build", "-o", str(tool), "./trainlib/model/internal/modeltool"], cwd=ROOT, check=True)

        out = tmp / "margin.csv"
        subprocess.run([str(tool), "predict", "-margin", str(model), str(rows), str(out)], check=True)
        d = xgb.DMatrix(x, feature_names=names, nthread=THREADS)
        b = xgb.Booster(model_file=str(model))
        b.set_param({"nthread": THREADS})
        diff = np.abs(np.loadtxt(out) - b.predict(d, output_margin=True)).max()
        assert diff < 1e-5, f"margins differ by {diff}"

        env = dict(os.environ, GOMAXPROCS=str(THREADS))
        r = subprocess.run([str(tool), "time", str(model), str(rows), str(few)], check=True, capture_output=True, text=True, env=env)
        ours = json.loads(r.stdout)
        dfew = xgb.DMatrix(x[:CONTRIB_ROWS], feature_names=names, nthread=THREADS)
        theirs = {
            "load": best(lambda: xgb.Booster(model_file=str(model))),
            # inplace_predict: Booster.predict on a DMatrix it has seen
            # returns cached margins, which would time nothing.
            "predict": best(lambda: b.inplace_predict(x, predict_type="margin", validate_features=False)),
            "pred_contribs": best(lambda: b.predict(dfew, pred_contribs=True)),
            "approx_contribs": best(lambda: b.predict(dfew, pred_contribs=True, approx_contribs=True)),
        }
    print(f"UCI credit, {x.shape[0]} rows x {x.shape[1]} features ({CONTRIB_ROWS} rows for contributions), 300 trees depth 6, {THREADS} threads, max margin diff {diff:.2g}")
    print(f"{'step':<16}{'gotrain s':>11}{'xgboost s':>11}{'ratio':>7}{'gotrain cpu':>13}{'xgboost cpu':>13}{'ratio':>7}")
    for k in ["load", "predict", "pred_contribs", "approx_contribs"]:
        w, c = theirs[k]
        print(f"{k:<16}{ours[k]:>11.4f}{w:>11.4f}{ours[k] / w:>7.2f}{ours[k + '_cpu']:>13.4f}{c:>13.4f}{ours[k + '_cpu'] / c:>7.2f}")


if __name__ == "__main__":
    main()
