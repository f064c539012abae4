"""`gotrain train`, the tutorial as a batch job, run as a user runs it.

A real process on this machine with spawned workers: data generated when
the folder is empty, every result file written, XGBoost scores the saved
best model as dominostats.json says, exit codes 0/1/2/130, the CPU check's
suggestion, and an interrupted run that resumes (fault injection: SIGINT in
the middle of tuning).
"""

import json
import os
import secrets
import signal
import sys
import subprocess

import numpy as np
import pandas as pd
import xgboost
from sklearn.metrics import roc_auc_score

SMALL = ["--ray_actors", "2", "--cpus_per_actor", "1"]
GUARD = 300  # seconds; a guard against hangs, not a timing assertion


def train(gotrain, *args):
    return subprocess.run([gotrain, "train", *args], capture_output=True, text=True, timeout=GUARD)


def test_help_documents_every_flag(gotrain):
    r = train(gotrain, "--help")
    assert r.returncode == 0
    for flag in ["--ray_actors", "--cpus_per_actor", "--tune_samples", "--data", "--out", "--workers", "--mlflow",
                 "dominostats.json", "tune_best.xgb", "trial_results.json", "130"]:
        assert flag.lstrip("-") in r.stderr, flag


def test_bad_usage_exits_2(gotrain):
    r = train(gotrain, "--no_such_flag")
    assert r.returncode == 2 and "no_such_flag" in r.stderr
    r = train(gotrain, "--tune_samples", "0")
    assert r.returncode == 2 and "at least 1" in r.stderr


def test_too_few_cpus_suggests_what_fits(gotrain, tmp_path):
    r = train(gotrain, "--ray_actors", "1000", "--cpus_per_actor", "1000", "--data", str(tmp_path / "d"))
    assert r.returncode == 2
    assert "need 1000000 CPUs" in r.stderr and "--cpus-per-worker" in r.stderr
    assert not (tmp_path / "d").exists(), "nothing is done before the check"


def test_incomplete_data_names_the_remedy(gotrain, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "test_data.csv").write_text("a,credit\n1,0\n")
    r = train(gotrain, *SMALL, "--data", str(d), "--out", str(tmp_path / "o"))
    assert r.returncode == 1
    assert "incomplete" in r.stderr and "gotrain data generate" in r.stderr


def test_out_of_range_rounds_is_one_line(gotrain, tmp_path):
    for bad in ["2000000", "x"]:
        r = train(gotrain, "--rounds", bad, "--data", str(tmp_path / "d"), "--out", str(tmp_path / "o"))
        assert r.returncode == 2
        assert len(r.stderr.strip().splitlines()) == 1 and "rounds" in r.stderr, r.stderr
    assert not (tmp_path / "d").exists() and not (tmp_path / "o").exists()


def test_data_file_instead_of_folder_is_a_clear_error(gotrain, tmp_path):
    f = tmp_path / "credit.csv"
    f.write_text("a,credit\n1,0\n")
    r = train(gotrain, *SMALL, "--data", str(f), "--out", str(tmp_path / "o"))
    assert r.returncode == 1
    assert "generating" not in r.stderr and "is a file" in r.stderr and "train_data_*.csv" in r.stderr, r.stderr
    assert not (tmp_path / "o").exists(), "a failed job leaves no empty --out"


def test_bad_data_leaves_no_empty_out(gotrain, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    for name in ["train_data_0.csv", "validation_data_0.csv", "test_data.csv"]:
        (d / name).write_text("a,credit\n1,0\nnot-a-number,1\n")
    r = train(gotrain, *SMALL, "--data", str(d), "--out", str(tmp_path / "o"))
    assert r.returncode == 1 and "not-a-number" in r.stderr, r.stderr
    assert not (tmp_path / "o").exists(), "a failed job leaves no empty --out"


def xgboost_auc(model, data):
    test = pd.read_csv(data / "test_data.csv")
    y = test.pop("credit").to_numpy()
    p = xgboost.Booster(model_file=str(model)).predict(xgboost.DMatrix(test.to_numpy(dtype=np.float32), feature_names=list(test.columns)))
    return roc_auc_score(y, p)


def test_train_writes_every_result(gotrain, tmp_path):
    d, o = tmp_path / "d", tmp_path / "o"
    r = train(gotrain, *SMALL, "--tune_samples", "3", "--data", str(d), "--out", str(o))
    assert r.returncode == 0, r.stderr
    assert "generating" in r.stderr and (d / "test_data.csv").exists()
    assert "TERMINATED" in r.stderr, "no trial progress on the terminal"
    for f in ["tune_best.json", "tune_best.xgb", "trial_results.json", "explanation.html",
              "feature_importance_gain.png", "feature_importance_weight.png", "feature_importance_cover.png"]:
        assert (o / f).stat().st_size > 0, f
    stats = json.loads((o / "dominostats.json").read_text())
    assert 0.5 < stats["Accuracy"] <= 1 and stats["AUC"] > 0.65
    assert len(json.loads((o / "trial_results.json").read_text())) == 3
    assert abs(xgboost_auc(o / "tune_best.json", d) - stats["AUC"]) < 1e-4
    assert "test AUC" in r.stdout and str(o) in r.stdout


def test_interrupted_run_exits_130_and_resumes(gotrain, tmp_path):
    d, o = tmp_path / "d", tmp_path / "o"
    args = [gotrain, "train", *SMALL, "--tune_samples", "4", "--rounds", "60", "--data", str(d), "--out", str(o)]
    p = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in p.stderr:
        if line.startswith("tuning:"):
            p.send_signal(signal.SIGINT)
            break
    rest = p.stderr.read()
    assert p.wait(timeout=GUARD) == 130, rest
    assert "interrupted" in rest and "resume" in rest
    assert "delete its directory" not in rest, "an unfinished trial resumes from its checkpoint: nothing to delete"
    assert not (o / "dominostats.json").exists()
    r = train(gotrain, *SMALL, "--tune_samples", "4", "--rounds", "60", "--data", str(d), "--out", str(o))
    assert r.returncode == 0, r.stderr
    assert "generating" not in r.stderr, "the second run reuses the data"
    assert len(json.loads((o / "trial_results.json").read_text())) == 4


def test_train_on_running_workers(gotrain, tmp_path):
    """README's remote-worker recipe on loopback: two `gotrain worker`s with a
    shared secret, the job connected with --workers."""
    env = dict(os.environ, GOTRAIN_TOKEN=secrets.token_hex(32))
    workers = [subprocess.Popen([gotrain, "worker", "--listen", "127.0.0.1:0", "--cpus", "1"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for _ in range(2)]
    try:
        addrs = [w.stdout.readline().strip().split()[-1] for w in workers]
        assert all(":" in a for a in addrs), addrs
        d, o = tmp_path / "d", tmp_path / "o"
        r = subprocess.run([gotrain, "train", "--workers", ",".join(addrs), "--tune_samples", "2",
                            "--data", str(d), "--out", str(o)], env=env, capture_output=True, text=True, timeout=GUARD)
        assert r.returncode == 0, r.stderr
        assert "2 remote workers" in r.stderr
        assert json.loads((o / "dominostats.json").read_text())["AUC"] > 0.6
        bad = subprocess.run([gotrain, "train", "--workers", ",".join(addrs), "--tune_samples", "2", "--data", str(d),
                              "--out", str(tmp_path / "o2")], env=dict(env, GOTRAIN_TOKEN="wrong"),
                             capture_output=True, text=True, timeout=GUARD)
        assert bad.returncode == 1 and "secret" in bad.stderr
    finally:
        for w in workers:
            w.terminate()
            w.wait(timeout=30)


def test_train_logs_to_a_local_mlflow(gotrain, tmp_path):
    """--mlflow without MLFLOW_TRACKING_URI: a local server from the venv,
    the run tree and the registered model end up in OUT/mlflow."""
    from mlflow import MlflowClient

    env = {k: v for k, v in os.environ.items() if k != "MLFLOW_TRACKING_URI"}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env["PATH"]
    d, o = tmp_path / "d", tmp_path / "o"
    r = subprocess.run([gotrain, "train", *SMALL, "--tune_samples", "2", "--mlflow", "--data", str(d), "--out", str(o)],
                       env=env, capture_output=True, text=True, timeout=GUARD)
    assert r.returncode == 0, r.stderr
    assert "registered as gotrain-credit" in r.stdout
    client = MlflowClient(tracking_uri="sqlite:///" + str(o / "mlflow" / "mlflow.db"))
    assert len(client.search_runs(experiment_ids=["0"])) == 3  # the parent and two trials
    assert client.get_registered_model("gotrain-credit").name == "gotrain-credit"
