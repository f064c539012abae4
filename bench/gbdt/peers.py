"""Trains XGBoost hist (xgboost-cpu) or LightGBM from the venv on a GBDT
benchmark data set and prints one JSON line with the keys of bench/gbdt/ours:
load (f32 read or pandas.read_csv), train (binning — QuantileDMatrix or
Dataset.construct — plus boosting), boosting alone (end of the first round
to the end of the last, scaled to all rounds, as ours times it), total
seconds, CPU seconds and peak resident memory. Run by bench/gbdt/run.sh."""

import argparse
import json
import resource
import time

import numpy as np


def read_f32(path):
    with open(path, "rb") as f:
        rows, cols = np.fromfile(f, dtype="<u4", count=2)
        x = np.fromfile(f, dtype="<f4", count=int(rows) * int(cols)).reshape(int(rows), int(cols))
        y = np.fromfile(f, dtype="<f4", count=int(rows))
    return x, y


class Rounds:
    """Wall and CPU time at the end of the first round."""

    def __init__(self):
        self.first = None

    def mark(self, it):
        if it == 0:
            self.first = (time.time(), time.process_time())


def train_xgboost(x, y, a, rounds):
    import xgboost as xgb

    class CB(xgb.callback.TrainingCallback):
        def after_iteration(self, model, epoch, evals_log):
            rounds.mark(epoch)
            return False

    d = xgb.QuantileDMatrix(x, label=y, max_bin=256, nthread=a.nthread)
    params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": a.depth, "nthread": a.nthread}
    b = xgb.train(params, d, a.rounds, callbacks=[CB()])
    return "xgboost " + xgb.__version__, b.num_boosted_rounds()


def train_lightgbm(x, y, a, rounds):
    import lightgbm as lgb

    # XGBoost's defaults where LightGBM's differ (learning rate, L2, the
    # minimum hessian and no minimum row count), leaf-wise to --leaves.
    params = {"objective": "binary", "max_depth": a.depth, "num_leaves": a.leaves, "learning_rate": 0.3,
              "lambda_l2": 1.0, "min_sum_hessian_in_leaf": 1.0, "min_data_in_leaf": 1, "max_bin": 255,
              "num_threads": a.nthread, "verbose": -1}
    d = lgb.Dataset(x, label=y, params=params).construct()
    b = lgb.train(params, d, a.rounds, callbacks=[lambda env: rounds.mark(env.iteration - env.begin_iteration)])
    return "lightgbm " + lgb.__version__, b.current_iteration()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--impl", choices=["xgboost", "lightgbm"], default="xgboost")
    ap.add_argument("--f32")
    ap.add_argument("--csv")
    ap.add_argument("--label")
    ap.add_argument("--drop")
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--leaves", type=int, default=63, help="LightGBM num_leaves")
    ap.add_argument("--nthread", type=int, default=2)
    a = ap.parse_args()
    t0 = time.time()
    if a.csv:
        import pandas as pd
        df = pd.read_csv(a.csv)
        y = df[a.label].to_numpy(np.float32)
        x = df.drop(columns=[a.label] + ([a.drop] if a.drop else [])).to_numpy(np.float32)
        del df
    else:
        x, y = read_f32(a.f32)
    load = time.time() - t0
    c0 = time.process_time()
    t1 = time.time()
    rounds = Rounds()
    impl, trees = (train_xgboost if a.impl == "xgboost" else train_lightgbm)(x, y, a, rounds)
    t2, c2 = time.time(), time.process_time()
    boost = boost_cpu = 0.0
    if trees > 1 and rounds.first:
        boost = (t2 - rounds.first[0]) * trees / (trees - 1)
        boost_cpu = (c2 - rounds.first[1]) * trees / (trees - 1)
    print(json.dumps({"impl": impl, "rows": x.shape[0], "features": x.shape[1], "trees": trees,
                      "load_s": load, "train_s": t2 - t1, "train_cpu_s": c2 - c0, "boost_s": boost,
                      "boost_cpu_s": boost_cpu, "total_s": t2 - t0, "total_cpu_s": c2,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
