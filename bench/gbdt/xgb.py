"""Trains XGBoost hist (xgboost-cpu from the venv) on a GBDT benchmark data
set and prints one JSON line like bench/gbdt/ours: load, train (QuantileDMatrix
construction, i.e. sketch and binning, plus boosting) and total seconds, CPU
seconds and peak resident memory. Run by bench/gbdt/run.sh."""

import argparse
import json
import resource
import time

import numpy as np
import xgboost as xgb


def read_f32(path):
    with open(path, "rb") as f:
        rows, cols = np.fromfile(f, dtype="<u4", count=2)
        x = np.fromfile(f, dtype="<f4", count=int(rows) * int(cols)).reshape(int(rows), int(cols))
        y = np.fromfile(f, dtype="<f4", count=int(rows))
    return x, y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--f32")
    ap.add_argument("--csv")
    ap.add_argument("--label")
    ap.add_argument("--drop")
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--nthread", type=int, default=2)
    a = ap.parse_args()
    t0 = time.time()
    if a.csv:
        import pandas as pd
        df = pd.read_csv(a.csv)
        y = df[a.label].to_numpy(np.float32)
        x = df.drop(columns=[a.label] + ([a.drop] if a.drop else [])).to_numpy(np.float32)
    else:
        x, y = read_f32(a.f32)
    load = time.time() - t0
    c0 = time.process_time()
    t1 = time.time()
    d = xgb.QuantileDMatrix(x, label=y, max_bin=256, nthread=a.nthread)
    params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": a.depth, "nthread": a.nthread}
    b = xgb.train(params, d, a.rounds)
    train = time.time() - t1
    cpu = time.process_time() - c0
    print(json.dumps({"impl": "xgboost " + xgb.__version__, "rows": x.shape[0], "features": x.shape[1],
                      "trees": b.num_boosted_rounds(), "load_s": load, "train_s": train, "train_cpu_s": cpu,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
