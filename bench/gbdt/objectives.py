"""The objectives benchmark: gotrain (`gotrain fit`), XGBoost 3.x hist and
LightGBM 4.x (both from the pinned .venv) on generated CSVs of 1M rows,
end to end from the file (parse, encode, bin, boost at depth 6 / 63
leaves, 2 threads), training time and peak memory, each side a separate
process, sides alternating within each repeat, in one invocation:

- categorical: ROWS rows [1,000,000] of 8 numeric columns and 3 text
  columns of 200, 40 and 5 categories (a few missing), binary label from
  per-category effects plus a numeric signal; native categorical splits on
  every side (gotrain --enable-categorical, XGBoost enable_categorical,
  LightGBM pandas category columns), CAT_ROUNDS [100] rounds.
- multiclass: ROWS rows of 20 numeric columns (some missing), 5 classes
  from a noisy linear score per class; multi:softprob / LightGBM
  multiclass, MC_ROUNDS [50] rounds (5 trees a round).

Data are generated once (seed 42) into GBDT_BENCH_DATA. Prints one JSON
line per run (wall s, CPU s, peak RSS MB, and the saved model's training
quality on the same file: AUC, or multi-class log loss and accuracy) and a
median table per task, with the load average before and after. Run from
the repository root, on a quiet machine:

    .venv/bin/python bench/gbdt/objectives.py                     # both tasks, REPEATS=3
    TASKS=multiclass .venv/bin/python bench/gbdt/objectives.py    # one task
    ROWS=20000 REPEATS=1 CAT_ROUNDS=5 MC_ROUNDS=3 .venv/bin/python bench/gbdt/objectives.py   # smoke
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
DEPTH = int(os.environ.get("DEPTH", "6"))
NTHREAD = int(os.environ.get("NTHREAD", "2"))
SIDES = os.environ.get("SIDES", "ours xgboost lightgbm").split()
TASKS = os.environ.get("TASKS", "categorical multiclass").split()
DATA = pathlib.Path(os.environ.get("GBDT_BENCH_DATA", "/tmp/gotrain-gbdt-bench"))
TEXT = ["merchant", "region", "channel"]
CLASSES = 5

# Per task: rounds, our fit flags, XGBoost and LightGBM parameters (the
# shared ones are added below).
TASK = {
    "categorical": {
        "rounds": int(os.environ.get("CAT_ROUNDS", "100")),
        "ours": ["--enable-categorical", "--param", "max_cat_to_onehot=4", "--param", "max_cat_threshold=64"],
        "xgboost": {"objective": "binary:logistic", "max_cat_to_onehot": 4, "max_cat_threshold": 64},
        "lightgbm": {"objective": "binary", "max_cat_to_onehot": 4, "max_cat_threshold": 64},
        "shape": "11 columns (3 text: 200/40/5 categories)",
    },
    "multiclass": {
        "rounds": int(os.environ.get("MC_ROUNDS", "50")),
        "ours": ["--param", "objective=multi:softprob", "--param", f"num_class={CLASSES}"],
        "xgboost": {"objective": "multi:softprob", "num_class": CLASSES},
        "lightgbm": {"objective": "multiclass", "num_class": CLASSES},
        "shape": f"20 numeric columns, {CLASSES} classes",
    },
}


def generate(task, path):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(42)
    cols = {}
    if task == "categorical":
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
    else:
        x = rng.normal(size=(ROWS, 20)).astype(np.float32)
        w = rng.normal(0, 0.6, (20, CLASSES))
        score = x @ w + 0.4 * np.sin(3 * x[:, :CLASSES]) + rng.gumbel(size=(ROWS, CLASSES))
        x[rng.random((ROWS, 20)) < 0.02] = np.nan
        cols = {f"x{j}": x[:, j] for j in range(20)}
        cols["label"] = score.argmax(axis=1)
    pd.DataFrame(cols).to_csv(path, index=False, float_format="%.6g")


def quality(y, p):
    """AUC of binary probabilities, or multi-class log loss and accuracy."""
    import numpy as np
    from sklearn.metrics import log_loss, roc_auc_score

    p = np.asarray(p)
    if p.ndim == 1:
        return {"train_auc": roc_auc_score(y, p)}
    return {"train_mlogloss": log_loss(y, p, labels=list(range(p.shape[1]))), "train_accuracy": float((p.argmax(1) == y).mean())}


def peer(impl, task, csv):
    """One peer run in this process (the child of the driver)."""
    import numpy as np
    import pandas as pd

    df = pd.read_csv(csv)
    if task == "categorical":
        for c in TEXT:
            df[c] = df[c].astype("category")
    y = df.pop("label").to_numpy(np.float32)
    rounds = TASK[task]["rounds"]
    if impl == "xgboost":
        import xgboost as xgb

        d = xgb.QuantileDMatrix(df, label=y, max_bin=256, nthread=NTHREAD, enable_categorical=True)
        params = {**TASK[task]["xgboost"], "tree_method": "hist", "max_depth": DEPTH, "nthread": NTHREAD}
        b = xgb.train(params, d, rounds)
        p = b.predict(xgb.DMatrix(df, enable_categorical=True, nthread=NTHREAD))
        version = "xgboost " + xgb.__version__
    else:
        import lightgbm as lgb

        params = {**TASK[task]["lightgbm"], "max_depth": DEPTH, "num_leaves": 2 ** DEPTH - 1, "learning_rate": 0.3,
                  "lambda_l2": 1.0, "min_sum_hessian_in_leaf": 1.0, "min_data_in_leaf": 1, "max_bin": 255,
                  "num_threads": NTHREAD, "verbose": -1}
        b = lgb.train(params, lgb.Dataset(df, label=y, params=params), rounds)
        p = b.predict(df, num_threads=NTHREAD)
        version = "lightgbm " + lgb.__version__
    print(json.dumps({"impl": version, **quality(y.astype(int), p)}))


def ours_quality(csv, model):
    import pandas as pd

    out = DATA / "objectives-pred.csv"
    subprocess.run([str(DATA / "gotrain"), "predict", "--model", str(model), "--data", str(csv), "--label", "label",
                    "--out", str(out)], check=True, capture_output=True)
    p = pd.read_csv(out).to_numpy()
    return quality(pd.read_csv(csv, usecols=["label"])["label"].to_numpy(), p[:, 0] if p.shape[1] == 1 else p)


def measure(cmd):
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.time() - t0
    out, err = proc.stdout.read(), proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err}")
    return out, {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def run_task(task):
    csv = DATA / f"{task}-{ROWS}.csv"
    if not csv.exists():
        generate(task, csv)
    model = DATA / f"{task}-ours.json"
    rounds = TASK[task]["rounds"]
    runs = []
    for rep in range(REPEATS):
        for side in SIDES:
            if side == "ours":
                cmd = [str(DATA / "gotrain"), "fit", "--train", str(csv), "--label", "label", "--rounds", str(rounds),
                       "--quiet", "--out", str(model), "--param", f"max_depth={DEPTH}", "--param", f"nthread={NTHREAD}",
                       *TASK[task]["ours"]]
                _, m = measure(cmd)
                m.update(impl="gotrain", **ours_quality(csv, model))
            else:
                out, m = measure([sys.executable, __file__, side, task, str(csv)])
                m.update(json.loads(out.strip().splitlines()[-1]))
            m.update(task=task, side=side, rep=rep, rows=ROWS, rounds=rounds, depth=DEPTH)
            print(json.dumps(m), flush=True)
            runs.append(m)
    return runs


def table(task, runs):
    keys = [k for k in ("train_auc", "train_mlogloss", "train_accuracy") if k in runs[0]]
    print(f"\n{task}: {ROWS} rows, {TASK[task]['shape']}, {TASK[task]['rounds']} rounds, depth {DEPTH}, "
          f"{NTHREAD} threads, end to end from CSV; medians of {REPEATS}")
    print(f"{'side':<22}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}" + "".join(f"{k:>16}" for k in keys))
    for side in SIDES:
        rs = [r for r in runs if r["side"] == side]
        med = {k: statistics.median(r[k] for r in rs) for k in ("wall_s", "cpu_s", "peak_rss_mb", *keys)}
        print(f"{rs[0]['impl']:<22}{med['wall_s']:>9.2f}{med['cpu_s']:>9.2f}{med['peak_rss_mb']:>9.0f}"
              + "".join(f"{med[k]:>16.4f}" for k in keys))


def main():
    if len(sys.argv) == 4 and sys.argv[1] in ("xgboost", "lightgbm"):
        peer(*sys.argv[1:])
        return
    unknown = [t for t in TASKS if t not in TASK]
    if unknown:
        sys.exit(f"unknown task(s) {unknown}: use {list(TASK)}")
    DATA.mkdir(parents=True, exist_ok=True)
    subprocess.run(["go", "build", "-o", str(DATA / "gotrain"), "./cmd/gotrain"], cwd=ROOT, check=True)
    load_before = open("/proc/loadavg").read().split()[:3]
    results = {task: run_task(task) for task in TASKS}
    load_after = open("/proc/loadavg").read().split()[:3]
    for task, runs in results.items():
        table(task, runs)
    print(f"\nload average before: {' '.join(load_before)}  after: {' '.join(load_after)}  "
          f"(nproc {os.cpu_count()}; quiet means < 1.5)")


if __name__ == "__main__":
    main()
