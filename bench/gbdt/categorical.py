"""Categorical benchmark: gotrain (`gotrain fit --enable-categorical`),
XGBoost 3.x hist (enable_categorical) and LightGBM 4.x (pandas category
columns) on one generated CSV with text categories, end to end from the
file (parse, encode, bin, 100 rounds at depth 6 / 63 leaves, 2 threads),
each side a separate process, sides alternating within each repeat.

Data (generated once, seed 42): ROWS rows [1,000,000] of 8 numeric
columns and 3 text columns of 200, 40 and 5 categories (a few missing),
label from per-category effects plus a numeric signal.

Prints one JSON line per run (wall s, CPU s, peak RSS MB, training AUC of
the saved model on the same file) and a median table, with the load
average before and after. Run from the repository root:

    .venv/bin/python bench/gbdt/categorical.py            # ROWS=1000000 REPEATS=3
    ROWS=20000 REPEATS=1 ROUNDS=5 .venv/bin/python bench/gbdt/categorical.py   # smoke
"""

import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROWS = int(os.environ.get("ROWS", "1000000"))
REPEATS = int(os.environ.get("REPEATS", "3"))
ROUNDS = int(os.environ.get("ROUNDS", "100"))
DEPTH = int(os.environ.get("DEPTH", "6"))
NTHREAD = int(os.environ.get("NTHREAD", "2"))
SIDES = os.environ.get("SIDES", "ours xgboost lightgbm").split()
DATA = pathlib.Path(os.environ.get("GBDT_BENCH_DATA", "/tmp/gotrain-gbdt-bench"))
TEXT = ["merchant", "region", "channel"]


def generate(path):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(42)
    cols = {}
    z = np.zeros(ROWS)
    for name, k in zip(TEXT, (200, 40, 5)):
        effect = rng.normal(0, 1, k)
        codes = rng.integers(0, k, ROWS)
        z += effect[codes]
        values = np.array([f"{name[:3]}{c:03d}" for c in range(k)], dtype=object)[codes]
        values[rng.random(ROWS) < 0.02] = None
        cols[name] = values
    for j in range(8):
        x = rng.normal(size=ROWS)
        z += 0.3 * x * (j % 3 - 1)
        cols[f"x{j}"] = x.astype(np.float32)
    cols["label"] = (z + rng.normal(size=ROWS) > 0).astype(int)
    pd.DataFrame(cols).to_csv(path, index=False)


def peer(impl, csv, model):
    """One peer run in this process (the child of the driver)."""
    import numpy as np
    import pandas as pd

    df = pd.read_csv(csv)
    for c in TEXT:
        df[c] = df[c].astype("category")
    y = df.pop("label").to_numpy(np.float32)
    if impl == "xgboost":
        import xgboost as xgb

        d = xgb.QuantileDMatrix(df, label=y, max_bin=256, nthread=NTHREAD, enable_categorical=True)
        params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": DEPTH, "nthread": NTHREAD,
                  "max_cat_to_onehot": 4, "max_cat_threshold": 64}
        b = xgb.train(params, d, ROUNDS)
        p = b.predict(xgb.DMatrix(df, enable_categorical=True, nthread=NTHREAD))
        version = "xgboost " + xgb.__version__
    else:
        import lightgbm as lgb

        params = {"objective": "binary", "max_depth": DEPTH, "num_leaves": 2 ** DEPTH - 1, "learning_rate": 0.3,
                  "lambda_l2": 1.0, "min_sum_hessian_in_leaf": 1.0, "min_data_in_leaf": 1, "max_bin": 255,
                  "num_threads": NTHREAD, "verbose": -1, "max_cat_to_onehot": 4, "max_cat_threshold": 64}
        b = lgb.train(params, lgb.Dataset(df, label=y, params=params), ROUNDS)
        p = b.predict(df, num_threads=NTHREAD)
        version = "lightgbm " + lgb.__version__
    from sklearn.metrics import roc_auc_score

    print(json.dumps({"impl": version, "train_auc": roc_auc_score(y, p)}))


def ours_auc(csv, model):
    import pandas as pd
    from sklearn.metrics import roc_auc_score

    out = DATA / "cat-pred.csv"
    subprocess.run([str(DATA / "gotrain"), "predict", "--model", str(model), "--data", str(csv), "--label", "label",
                    "--out", str(out)], check=True, capture_output=True)
    return roc_auc_score(pd.read_csv(csv, usecols=["label"])["label"], pd.read_csv(out)["prediction"])


def measure(cmd):
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.time() - t0
    out, err = proc.stdout.read(), proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err}")
    return out, {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def main():
    if len(sys.argv) == 4 and sys.argv[1] in ("xgboost", "lightgbm"):
        peer(*sys.argv[1:])
        return
    DATA.mkdir(parents=True, exist_ok=True)
    csv = DATA / f"categorical-{ROWS}.csv"
    if not csv.exists():
        generate(csv)
    subprocess.run(["go", "build", "-o", str(DATA / "gotrain"), "./cmd/gotrain"], cwd=ROOT, check=True)
    model = DATA / "cat-ours.json"
    load_before = open("/proc/loadavg").read().split()[:3]
    runs = []
    for rep in range(REPEATS):
        for side in SIDES:
            if side == "ours":
                cmd = [str(DATA / "gotrain"), "fit", "--train", str(csv), "--label", "label", "--enable-categorical",
                       "--rounds", str(ROUNDS), "--quiet", "--out", str(model), "--param", f"max_depth={DEPTH}",
                       "--param", f"nthread={NTHREAD}", "--param", "max_cat_to_onehot=4", "--param", "max_cat_threshold=64"]
                _, m = measure(cmd)
                m.update(impl="gotrain", train_auc=ours_auc(csv, model))
            else:
                out, m = measure([sys.executable, __file__, side, str(csv), str(model)])
                m.update(json.loads(out.strip().splitlines()[-1]))
            m.update(side=side, rep=rep, rows=ROWS, rounds=ROUNDS, depth=DEPTH)
            print(json.dumps(m), flush=True)
            runs.append(m)
    load_after = open("/proc/loadavg").read().split()[:3]
    print(f"\ncategorical {ROWS} rows x 11 (3 text: 200/40/5 categories), {ROUNDS} rounds, depth {DEPTH}, "
          f"{NTHREAD} threads, end to end from CSV; medians of {REPEATS}")
    print(f"{'side':<22}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'train AUC':>11}")
    for side in SIDES:
        rs = [r for r in runs if r["side"] == side]
        med = {k: statistics.median(r[k] for r in rs) for k in ("wall_s", "cpu_s", "peak_rss_mb", "train_auc")}
        print(f"{rs[0]['impl']:<22}{med['wall_s']:>9.2f}{med['cpu_s']:>9.2f}{med['peak_rss_mb']:>9.0f}{med['train_auc']:>11.4f}")
    print(f"load average before: {' '.join(load_before)}  after: {' '.join(load_after)}  (nproc {os.cpu_count()}; quiet means < 1.5)")


if __name__ == "__main__":
    main()
