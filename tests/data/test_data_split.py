"""`gotrain data split` on UCI credit: the 70/15/15 parts with seed 42 that
the quality checks use, read back by pandas and scored with XGBoost."""

import os
import subprocess

import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UCI = os.path.join(ROOT, "trainlib", "datasets", "UCI_Credit_Card.csv")


def split(gotrain, out, *args):
    return subprocess.run([gotrain, "data", "split", "--out", out, *args, UCI], capture_output=True, text=True, timeout=120)


def test_uci_70_15_15(gotrain, tmp_path):
    out = str(tmp_path / "uci")
    res = split(gotrain, out, "--seed", "42")
    assert res.returncode == 0, res.stderr
    parts = {n: pd.read_csv(os.path.join(out, n + ".csv")) for n in ("train", "val", "test")}
    assert [len(parts[n]) for n in ("train", "val", "test")] == [21000, 4500, 4500]
    ids = pd.concat([p["ID"] for p in parts.values()])
    assert ids.is_unique and sorted(ids) == list(range(1, 30001))
    original = pd.read_csv(UCI).set_index("ID")
    # Rows are copied as written: the same values, 5.00E+05 spellings included.
    # (dtypes may differ: a part without a 5.00E+05 spelling reads as int.)
    pd.testing.assert_frame_equal(parts["test"].set_index("ID"), original.loc[parts["test"]["ID"]], check_dtype=False)

    label = "default.payment.next.month"
    d = {n: xgb.DMatrix(p.drop(columns=["ID", label]), label=p[label]) for n, p in parts.items()}
    booster = xgb.train({"objective": "binary:logistic", "eta": 0.1, "max_depth": 4, "eval_metric": "auc",
                         "tree_method": "hist", "seed": 0, "nthread": 1},
                        d["train"], 500, evals=[(d["val"], "val")], early_stopping_rounds=20, verbose_eval=False)
    auc = roc_auc_score(parts["test"][label], booster.predict(d["test"], iteration_range=(0, booster.best_iteration + 1)))
    # ../shared/data/README.md: about 0.76 on a random 70/15/15 split.
    assert 0.74 < auc < 0.80, auc

    again = str(tmp_path / "again")
    assert split(gotrain, again, "--seed", "42").returncode == 0
    for n in ("train", "val", "test"):
        assert open(os.path.join(out, n + ".csv"), "rb").read() == open(os.path.join(again, n + ".csv"), "rb").read()
    res = split(gotrain, out, "--seed", "42")
    assert res.returncode == 1 and "train.csv already exists: pass --force" in res.stderr
