"""`gotrain data generate` as a user runs it: a real process, the files read
back by pandas, and a real XGBoost trained on the shards and scored on the
held-out real rows."""

import glob
import os
import subprocess

import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

def run(gotrain, *args):
    return subprocess.run([gotrain, "data", "generate", *args], capture_output=True, text=True, timeout=300)


def shards(out, prefix):
    files = glob.glob(os.path.join(out, prefix + "_*.csv"))
    return sorted(files, key=lambda f: int(f.rsplit("_", 1)[1][:-4]))


def xgboost_auc(out):
    train = pd.concat([pd.read_csv(f) for f in shards(out, "train_data")])
    valid = pd.concat([pd.read_csv(f) for f in shards(out, "validation_data")])
    test = pd.read_csv(os.path.join(out, "test_data.csv"))
    dtrain = xgb.DMatrix(train.drop(columns="credit"), label=train["credit"])
    dvalid = xgb.DMatrix(valid.drop(columns="credit"), label=valid["credit"])
    booster = xgb.train({"objective": "binary:logistic", "eta": 0.1, "max_depth": 4, "seed": 0, "nthread": 1},
                        dtrain, 100, evals=[(dvalid, "val")], early_stopping_rounds=10, verbose_eval=False)
    pred = booster.predict(xgb.DMatrix(test.drop(columns="credit")), iteration_range=(0, booster.best_iteration + 1))
    return roc_auc_score(test["credit"], pred), train, test


def test_german_layout_trains_xgboost(gotrain, tmp_path):
    out = str(tmp_path / "data")
    res = run(gotrain, "--out", out, "--seed", "42")
    assert res.returncode == 0, res.stderr
    assert "done in" in res.stderr and "[10/10]" in res.stderr  # progress on stderr
    assert len(shards(out, "train_data")) == 6 and len(shards(out, "validation_data")) == 3
    auc, train, test = xgboost_auc(out)
    assert train.shape == (12000, 62) and test.shape == (200, 62)
    assert list(train.columns) == list(test.columns) and train.columns[-1] == "credit"
    features = train.drop(columns="credit")
    assert ((features >= 0) & (features <= 1)).all().all()
    assert train["credit"].mean() == 0.5
    # Trained on synthetic rows, scored on real held-out rows: the
    # oversampler must keep the signal (German credit AUCs are ~0.75-0.8).
    assert auc > 0.7, auc


def test_uci_layout_trains_xgboost(gotrain, tmp_path):
    out = str(tmp_path / "uci")
    res = run(gotrain, "--dataset", "uci", "--out", out, "--train-shards", "3", "--validation-shards", "1")
    assert res.returncode == 0, res.stderr
    auc, train, test = xgboost_auc(out)
    assert train.shape == (6000, 24) and test.shape == (6000, 24)
    assert "ID" not in train.columns and "LIMIT_BAL" in train.columns
    assert auc > 0.7, auc


def test_refuses_to_overwrite(gotrain, tmp_path):
    out = str(tmp_path / "data")
    assert run(gotrain, "--out", out, "--rows-per-shard", "100").returncode == 0
    before = {f: open(f, "rb").read() for f in glob.glob(out + "/*.csv")}
    res = run(gotrain, "--out", out, "--rows-per-shard", "100", "--seed", "7")
    assert res.returncode == 1
    assert os.path.join(out, "test_data.csv") in res.stderr and "--force" in res.stderr
    assert before == {f: open(f, "rb").read() for f in glob.glob(out + "/*.csv")}
    res = run(gotrain, "--out", out, "--rows-per-shard", "100", "--seed", "7", "--force")
    assert res.returncode == 0, res.stderr
    assert before != {f: open(f, "rb").read() for f in glob.glob(out + "/*.csv")}


def test_same_seed_same_bytes(gotrain, tmp_path):
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    for out in (a, b):
        assert run(gotrain, "--out", out, "--rows-per-shard", "300", "--seed", "5").returncode == 0
    for f in os.listdir(a):
        assert open(os.path.join(a, f), "rb").read() == open(os.path.join(b, f), "rb").read(), f


def test_help_and_bad_flags(gotrain):
    res = run(gotrain, "--help")
    assert res.returncode == 0
    for flag in ("--dataset", "--out", "--full", "--seed", "--train-shards", "--validation-shards",
                 "--rows-per-shard", "--force"):
        assert flag[2:] in res.stderr, flag
    res = run(gotrain, "--dataset", "iris", "--out", "/nonexistent-never")
    assert res.returncode == 1 and 'unknown dataset "iris": use german or uci' in res.stderr
    res = run(gotrain, "--rows-per-shard", "x")
    assert res.returncode == 2


def test_interrupt_keeps_complete_files(gotrain, tmp_path):
    """Ctrl-C during --full: exit status 1, a clear message, no temporary
    files, and every file that was written is complete."""
    import signal

    out = str(tmp_path / "full")
    proc = subprocess.Popen([gotrain, "data", "generate", "--full", "--out", out],
                            stderr=subprocess.PIPE, text=True)
    try:
        first = ""
        while not first.startswith("["):
            first = proc.stderr.readline()
            assert first, "the command ended before reporting progress"
        proc.send_signal(signal.SIGINT)
        rest = proc.stderr.read()
        assert proc.wait(timeout=120) == 1
    finally:
        proc.kill()
    assert "interrupted; files written so far are complete" in rest
    names = os.listdir(out)
    assert not [n for n in names if n.startswith(".")], names
    assert 1 <= len(names) < 25, names
    for n in names:
        with open(os.path.join(out, n), "rb") as f:
            lines = f.read().split(b"\n")
        assert lines[0].endswith(b",credit") and lines[-1] == b"", n
        assert len(lines) - 2 in (200, 100_000), (n, len(lines))
        assert all(line.count(b",") == 61 for line in lines[:-1]), n
