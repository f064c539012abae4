"""Ray Tune driving XGBoost: the peer side of bench/tune/run.sh.

End to end, as the reference workflow does with Ray: start a local Ray
(num_cpus=2, on 127.0.0.1), read the sharded CSV files, run num_samples
trials over eta log-uniform [0.003, 0.3] and max_depth 2..6
(tune.randint(2, 7): Ray's upper bound is exclusive), each trial an
xgboost.train (hist, nthread=1, one CPU per trial, so two trials at once as
gotrain's 2 workers x 1 CPU) reporting train/val logloss and error every
round, best by val-error (min); the best trial's model is saved as
tune_best.json and tune_best.xgb. Prints one JSON line. With --scheduler
asha, Ray's ASHAScheduler (grace period, reduction factor, max_t = rounds)
stops trials at its rungs, as gotrain's tune.ASHA with the same numbers.
With --points FILE (a JSON list of {"eta", "max_depth"}, as bench/tune/ours
-write-points draws), the trials are exactly those configurations
(BasicVariantGenerator(points_to_evaluate=...), num_samples = their count)
and the JSON line lists each trial's final val-error.

xgboost_ray is not used: it is archived and does not support the Ray and
XGBoost versions pinned in tests/requirements.txt; Ray Tune with plain
xgboost.train per trial is what Ray's own docs now show for tuning XGBoost.
"""

import argparse
import glob
import json
import os
import shutil
import tempfile
import time

T0 = time.time()
# The raylet's default 10 s start timeout fails on a loaded 2-core machine.
os.environ.setdefault("RAY_raylet_start_wait_time_s", "120")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import ray  # noqa: E402
import xgboost as xgb  # noqa: E402
from ray import tune  # noqa: E402
from ray.tune import Checkpoint  # noqa: E402


def load(pattern):
    files = sorted(glob.glob(pattern))
    if not files:
        raise SystemExit(f"no files match {pattern}")
    df = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    y = df.pop("credit").to_numpy(np.float32)
    return df.to_numpy(np.float32), y


def trainable(config, train=None, val=None, rounds=50):
    dtrain = xgb.DMatrix(train[0], label=train[1])
    dval = xgb.DMatrix(val[0], label=val[1])
    params = {"objective": "binary:logistic", "eval_metric": ["logloss", "error"], "tree_method": "hist",
              "nthread": 1, "eta": config["eta"], "max_depth": config["max_depth"]}

    class Report(xgb.callback.TrainingCallback):
        def after_iteration(self, model, epoch, evals_log):
            metrics = {f"{s}-{m}": v[-1] for s, ms in evals_log.items() for m, v in ms.items()}
            if epoch == rounds - 1:
                with tempfile.TemporaryDirectory() as d:
                    model.save_model(os.path.join(d, "model.json"))
                    tune.report(metrics, checkpoint=Checkpoint.from_directory(d))
            else:
                tune.report(metrics)
            return False

    xgb.train(params, dtrain, num_boost_round=rounds, evals=[(dtrain, "train"), (dval, "val")],
              callbacks=[Report()], verbose_eval=False)


def start_ray(attempts=3):
    """Start a local Ray on 127.0.0.1. On a loaded machine the raylet can
    die waiting for the dashboard agent (a fixed 15 s wait, ray-project/ray
    issue 65983), so try a few times; the time counts in the result."""
    for i in range(attempts):
        try:
            ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False)
            return
        except Exception as e:  # noqa: BLE001 - Ray raises a bare Exception
            ray.shutdown()
            if i == attempts - 1:
                raise SystemExit(f"Ray did not start after {attempts} attempts: {e}")


def scheduler(a):
    """FIFO (Ray's default) or ASHA over training iterations (rounds)."""
    if a.scheduler == "fifo":
        return None
    from ray.tune.schedulers import ASHAScheduler

    return ASHAScheduler(time_attr="training_iteration", max_t=a.rounds, grace_period=a.grace,
                         reduction_factor=a.reduction)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--samples", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scheduler", choices=["fifo", "asha"], default="fifo")
    ap.add_argument("--grace", type=int, default=5)
    ap.add_argument("--reduction", type=float, default=3)
    ap.add_argument("--points", help="JSON list of {eta, max_depth}: evaluate exactly these, one trial each")
    a = ap.parse_args()
    points = None
    if a.points:
        with open(a.points) as f:
            points = [{"eta": float(p["eta"]), "max_depth": int(p["max_depth"])} for p in json.load(f)]
        if not points:
            raise SystemExit(f"{a.points}: no configurations")
        a.samples = len(points)
    os.makedirs(a.out)
    start_ray()
    train = load(os.path.join(a.data, "train_data_*.csv"))
    val = load(os.path.join(a.data, "validation_data_*.csv"))
    space = {"eta": tune.loguniform(0.003, 0.3), "max_depth": tune.randint(2, 7)}
    tuner = tune.Tuner(
        tune.with_resources(tune.with_parameters(trainable, train=train, val=val, rounds=a.rounds), {"cpu": 1}),
        param_space=space,
        tune_config=tune.TuneConfig(num_samples=a.samples, metric="val-error", mode="min",
                                    search_alg=tune.search.BasicVariantGenerator(random_state=a.seed,
                                                                                     points_to_evaluate=points),
                                    scheduler=scheduler(a)),
        run_config=tune.RunConfig(storage_path=os.path.abspath(a.out), name="ray_results", verbose=0),
    )
    results = tuner.fit()
    # Trials ASHA stopped have no checkpoint (one is saved at the last
    # round only); the best by last val-error is a finished one.
    done = [r for r in results if r.error is None and r.checkpoint is not None]
    best = min(done, key=lambda r: r.metrics["val-error"])
    with best.checkpoint.as_directory() as d:
        bst = xgb.Booster(model_file=os.path.join(d, "model.json"))
    bst.save_model(os.path.join(a.out, "tune_best.json"))
    bst.save_model(os.path.join(a.out, "tune_best.ubj"))
    shutil.move(os.path.join(a.out, "tune_best.ubj"), os.path.join(a.out, "tune_best.xgb"))
    wall = time.time() - T0
    errors = [r.metrics.get("val-error") for r in results if r.error is None]
    per = [{"eta": r.config["eta"], "max_depth": r.config["max_depth"],
            "rounds": r.metrics.get("training_iteration"), "val_error": r.metrics.get("val-error")}
           for r in results if r.error is None]
    if points is not None:
        got = sorted((p["eta"], p["max_depth"]) for p in per)
        if got != sorted((p["eta"], p["max_depth"]) for p in points):
            raise SystemExit(f"Ray ran {got}, not the points of {a.points}")
    print(json.dumps({"impl": "ray-tune+xgboost", "searcher": "points" if points else "random", "scheduler": a.scheduler,
                      "seed": a.seed, "trials": len(errors),
                      "seconds": wall, "best_val_error": best.metrics["val-error"],
                      "best": {"eta": best.config["eta"], "max_depth": best.config["max_depth"]},
                      "per_trial": per}))
    ray.shutdown()


if __name__ == "__main__":
    main()
