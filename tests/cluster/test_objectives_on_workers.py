"""The objectives beyond binary on real worker processes: `gotrain fit
--spawn N` deals the shards to N spawned `gotrain worker` processes that
the driver reaches over gRPC, and the model file is byte for byte the one
in-process `gotrain fit` writes from the same shards — for a native
categorical model (a 60-category text column with missing values), a
3-class softprob model and a three-quantile model, with sample weights.

Three shards over two workers deal unevenly (one worker holds two), so
the sums cannot line up by accident.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/cluster/test_objectives_on_workers.py"""

import subprocess

import numpy as np
import pandas as pd
import pytest

ROWS, SHARDS, ROUNDS = 1500, 3, 6

CASES = {
    "categorical": (["--enable-categorical", "--param", "objective=binary:logistic",
                     "--param", "max_cat_to_onehot=4", "--param", "eval_metric=auc"], "binary"),
    "multi-class": (["--param", "objective=multi:softprob", "--param", "num_class=3",
                     "--param", "eval_metric=mlogloss", "--param", "eval_metric=merror"], "class"),
    "quantiles": (["--param", "objective=reg:quantileerror", "--param", "quantile_alpha=[0.1,0.5,0.9]",
                   "--param", "eval_metric=quantile", "--weight", "w"], "value"),
}


def write_shards(d, label, seed=5):
    rng = np.random.default_rng(seed)
    effect = rng.normal(0, 1, 60)
    for s in range(SHARDS):
        cat = rng.integers(0, 60, ROWS)
        x1, x2 = rng.normal(size=ROWS), rng.exponential(size=ROWS)
        z = effect[cat] + x1 - 0.5 * x2 + rng.normal(0, 0.5, ROWS)
        df = pd.DataFrame({"shop": [f"s{c:02d}" for c in cat], "x1": x1.round(4), "x2": x2.round(4)})
        df.loc[rng.random(ROWS) < 0.05, "shop"] = np.nan
        if label != "binary":
            df = df.drop(columns=["shop"]).assign(code=cat)
        df["y"] = {"binary": (z > 0).astype(int), "class": np.digitize(z, [-0.7, 0.7]),
                   "value": (10 + 3 * z).round(3)}[label]
        df["w"] = rng.exponential(1, ROWS).round(3)
        if label != "value":
            df = df.drop(columns=["w"])
        df.to_csv(d / f"train_{s}.csv", index=False)


def fit(gotrain, d, out, extra, spawn):
    cmd = [gotrain, "fit", "--train", str(d / "train_*.csv"), "--label", "y", "--rounds", str(ROUNDS),
           "--param", "max_depth=4", "--param", "subsample=0.8", "--param", "seed=3", "--quiet",
           "--out", str(out), "--spawn", str(spawn), *extra]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return out.read_bytes()


@pytest.mark.parametrize("case", list(CASES))
def test_objective_on_spawned_workers_is_the_in_process_model(gotrain, tmp_path, case):  # noqa: F811
    extra, label = CASES[case]
    write_shards(tmp_path, label)
    local = fit(gotrain, tmp_path, tmp_path / "local.json", extra, 0)
    remote = fit(gotrain, tmp_path, tmp_path / "remote.json", extra, 2)
    # The model is the kind the case is about.
    if case == "categorical":
        assert b'"split_type"' in local and b'"shop"' in local and b'"categories_nodes"' in local
    elif case == "multi-class":
        assert b'"num_class": "3"' in local or b'"num_class":"3"' in local
    else:
        assert b"reg:quantileerror" in local
    assert len(local) > 2000
    assert remote == local, f"{case}: the model trained on 2 spawned workers differs from the in-process one"
