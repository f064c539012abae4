"""Monotone and interaction constraints against XGBoost 3.2 hist (from the
venv): the same generated credit-risk data (risk rises with the debt ratio
and falls with income, not monotonically on its own) and the same
constraint parameters, in XGBoost's syntax (a tuple or a {name: sign}
object; lists of feature names).

For each case:
- our model loaded in XGBoost predicts what `gotrain predict` writes, and
  XGBoost's model read by `gotrain predict` predicts what XGBoost does,
  within 1e-6;
- the two models are the same trees (every column has at most 8·max_bin
  distinct values, where both quantile sketches are exact), so our
  predictions are XGBoost's within 1e-6;
- the constraints hold on every tree of both models: below a split on a
  feature constrained to rise, every leaf on the left is ≤ every leaf on
  the right (mirrored for falling), and every root-to-leaf path uses
  features of one interaction set (or a single feature); and predictions
  along a grid of a constrained feature never move the wrong way.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/gbdt/test_constraints_xgboost.py"""

import json
import subprocess

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb

ROUNDS = 20
PARAMS = {"max_depth": 4, "eta": 0.3, "max_bin": 64}
SETS = [["debt_ratio", "income"], ["noise", "util", "age"]]
CASES = [
    ("binary:logistic", {"monotone_constraints": "(1,-1,0,0,0)"}),
    ("binary:logistic", {"interaction_constraints": SETS}),
    ("reg:squarederror", {"monotone_constraints": {"debt_ratio": 1, "income": -1}, "interaction_constraints": SETS}),
]


def credit(n=1500, seed=1):
    rng = np.random.default_rng(seed)
    x = pd.DataFrame({
        "debt_ratio": rng.uniform(0, 2, n).round(2),
        "income": rng.lognormal(3, 0.5, n).round(0),
        "age": rng.integers(20, 70, n).astype(float),
        "noise": rng.normal(size=n).round(2),
        "util": rng.uniform(0, 1, n).round(2),
    })
    z = np.sin(3 * x.debt_ratio) + x.debt_ratio - 0.02 * x.income + 0.3 * x.noise * x.util + rng.normal(0, 0.5, n)
    return x, z.to_numpy()


def signs(mono, names):
    if isinstance(mono, dict):
        return {k: v for k, v in mono.items() if v}
    return {names[i]: int(v) for i, v in enumerate(mono.strip("()").split(",")) if int(v)}


def nodes(tree):
    """Children, split feature index and leaf value (a leaf's split_conditions)
    per node of an XGBoost JSON tree."""
    return tree["left_children"], tree["right_children"], tree["split_indices"], tree["split_conditions"]


def leaves_under(tree, n):
    left, right, _, value = nodes(tree)
    if left[n] == -1:
        return [value[n]]
    return leaves_under(tree, left[n]) + leaves_under(tree, right[n])


def check_trees(path, names, mono, sets):
    """Asserts the constraints on every tree of the model file at path."""
    trees = json.loads(path.read_text())["learner"]["gradient_booster"]["model"]["trees"]
    want = signs(mono, names) if mono else {}
    set_idx = [{names.index(f) for f in s} for s in sets] if sets else None
    constrained_splits = 0
    for t, tree in enumerate(trees):
        left, right, feat, _ = nodes(tree)
        for n in range(len(left)):
            if left[n] == -1:
                continue
            sign = want.get(names[feat[n]], 0)
            if sign:
                constrained_splits += 1
                lo, hi = leaves_under(tree, left[n]), leaves_under(tree, right[n])
                if sign > 0:
                    assert max(lo) <= min(hi), f"{path.name} tree {t} node {n}: {names[feat[n]]} must rise: left {lo} right {hi}"
                else:
                    assert min(lo) >= max(hi), f"{path.name} tree {t} node {n}: {names[feat[n]]} must fall: left {lo} right {hi}"
        if set_idx is None:
            continue

        def walk(n, used):
            if left[n] == -1:
                assert len(used) <= 1 or any(used <= s for s in set_idx), \
                    f"{path.name} tree {t}: a path uses {sorted(names[i] for i in used)}, in no one interaction set"
                return
            walk(left[n], used | {feat[n]})
            walk(right[n], used | {feat[n]})
        walk(0, frozenset())
    if want:
        assert constrained_splits > 0, f"{path.name}: no split on a constrained feature, nothing was checked"


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r


def gotrain_predict(gotrain, model, data, out):
    run([gotrain, "predict", "--model", str(model), "--data", str(data), "--label", "y", "--out", str(out)])
    return pd.read_csv(out)["prediction"].to_numpy()


@pytest.mark.parametrize("objective,cons", CASES, ids=["monotone-tuple", "interaction-names", "both-regression"])
def test_constraints_match_xgboost_and_hold(gotrain, tmp_path, objective, cons):
    x, z = credit()
    y = (z > np.median(z)).astype(int) if objective == "binary:logistic" else z.round(4)
    df = x.assign(y=y)
    train, test = df.iloc[:1200], df.iloc[1200:]
    train.to_csv(tmp_path / "train.csv", index=False)
    test.to_csv(tmp_path / "test.csv", index=False)
    names = list(x.columns)
    mono, sets = cons.get("monotone_constraints"), cons.get("interaction_constraints")
    assert all(train[c].nunique() <= 8 * PARAMS["max_bin"] for c in names)

    ours = tmp_path / "ours.json"
    cmd = [gotrain, "fit", "--train", str(tmp_path / "train.csv"), "--label", "y", "--rounds", str(ROUNDS),
           "--out", str(ours), "--quiet", "--param", f"objective={objective}"]
    for k, v in {**PARAMS, **cons}.items():
        cmd += ["--param", f"{k}={json.dumps(v) if not isinstance(v, (str, int, float)) else v}"]
    run(cmd)
    booster = xgb.train({**PARAMS, **cons, "objective": objective, "tree_method": "hist"},
                        xgb.DMatrix(train[names], label=train["y"]), ROUNDS)
    theirs = tmp_path / "theirs.json"
    booster.save_model(str(theirs))

    dtest = xgb.DMatrix(test[names])
    ours_pred = gotrain_predict(gotrain, ours, tmp_path / "test.csv", tmp_path / "p1.csv")
    np.testing.assert_allclose(xgb.Booster(model_file=str(ours)).predict(dtest), ours_pred, rtol=1e-6, atol=1e-6,
                               err_msg="our model inside XGBoost")
    theirs_pred = booster.predict(dtest)
    np.testing.assert_allclose(gotrain_predict(gotrain, theirs, tmp_path / "test.csv", tmp_path / "p2.csv"),
                               theirs_pred, rtol=1e-6, atol=1e-6, err_msg="XGBoost's model inside gotrain")
    print(objective, cons, "max |ours - XGBoost's|", np.abs(ours_pred - theirs_pred).max())
    np.testing.assert_allclose(ours_pred, theirs_pred, rtol=1e-6, atol=1e-6, err_msg="our model against XGBoost's")

    for path in (ours, theirs):
        check_trees(path, names, mono, sets)

    # Predictions along a grid of each monotone feature, the others fixed
    # at 40 test rows: never the wrong way.
    if mono:
        ours_b = xgb.Booster(model_file=str(ours))
        for name, sign in signs(mono, names).items():
            grid = np.linspace(train[name].min() - 1, train[name].max() + 1, 60)
            rows = test[names].iloc[:40]
            big = pd.concat([rows.assign(**{name: g}) for g in grid])
            pred = ours_b.predict(xgb.DMatrix(big)).reshape(len(grid), len(rows))
            steps = np.diff(pred, axis=0) * sign
            assert steps.min() >= -1e-7, f"predictions move against the {name} constraint by {steps.min()}"
            assert steps.max() > 0, f"{name} never moves the prediction; the check is vacuous"
