"""Our Go tracker against a real MLflow server, checked with MLflow's client."""

import json
import queue
import subprocess
import threading
import time
import urllib.request

import mlflow
import numpy as np
import pandas as pd
import pytest
from mlflow.tracking import MlflowClient

from trackhelpers import FIXTURES, demo_args, free_port, tracking_env

ROUNDS = {"trial_0": 20, "trial_1": 22}  # trees in credit_logistic / credit_missing
TRAINED = {"trial_0": 20, "trial_1": 20, "trial_2": 20}  # demo --models "" defaults
METRICS = {"train-error", "train-logloss", "val-error", "val-logloss"}


def runs_of(client, experiment):
    exp = client.get_experiment_by_name(experiment)
    assert exp is not None, f"experiment {experiment} was not created"
    return client.search_runs([exp.experiment_id])


def check_tree(client, experiment, out, rounds=ROUNDS, refused=()):
    """The run tree, params, metric histories, artifacts and spool of one demo."""
    runs = runs_of(client, experiment)
    parents = [r for r in runs if "mlflow.parentRunId" not in r.data.tags]
    assert len(parents) == 1, [r.info.run_name for r in runs]
    parent = parents[0]
    children = {r.info.run_name: r for r in runs if r is not parent}
    assert set(children) == set(rounds)
    assert parent.info.status == "FINISHED"
    assert parent.data.params == {"metric": "val-error", "mode": "min", "num_samples": str(len(rounds))}
    tags = parent.data.tags
    assert tags["mlflow.runName"] == "tune"
    assert tags["mlflow.source.name"] == "gotrain mlflow demo"
    assert tags["gotrain.version"]
    for name, run in children.items():
        assert run.data.tags["mlflow.parentRunId"] == parent.info.run_id
        assert run.info.status == "FINISHED"
        if rounds is ROUNDS:
            assert run.data.params["model_file"] in ("credit_logistic.json", "credit_missing.json")
        else:
            assert 0.003 <= float(run.data.params["eta"]) <= 0.3
            assert int(run.data.params["max_depth"]) in range(2, 7)
        assert set(run.data.metrics) == METRICS
        for key in METRICS:
            hist = client.get_metric_history(run.info.run_id, key)
            assert sorted(m.step for m in hist) == list(range(rounds[name])), (name, key)
        arts = {a.path for a in client.list_artifacts(run.info.run_id)}
        assert "xgboost_model.json" in arts
    arts = {a.path for a in client.list_artifacts(parent.info.run_id)}
    assert {"trial_results.json", "dominostats.json", "learning_curves.png", "report.html"} <= arts
    # As with MLflow 3's log_model, the model lives in its own LoggedModel
    # (check_logged_model), not among the run's artifacts.
    assert "model" not in arts
    local = client.download_artifacts(parent.info.run_id, "trial_results.json", str(out / "dl"))
    trials = json.load(open(local))
    assert [t["trial_id"] for t in trials] == sorted(rounds)
    assert METRICS <= set(trials[0])
    png = client.download_artifacts(parent.info.run_id, "learning_curves.png", str(out / "dl"))
    assert open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    check_spool(out, refused)
    return parent


def check_logged_model(client, experiment, parent, out):
    """Exactly one LoggedModel, as mlflow.xgboost.log_model makes it: READY,
    produced by the parent run with its params and its metrics at the linked
    step, an output of the run, its files in its own artifact location,
    loadable from models:/<model_id> and runs:/<run>/model."""
    exp = client.get_experiment_by_name(experiment)
    models = mlflow.search_logged_models(experiment_ids=[exp.experiment_id], output_format="list")
    assert len(models) == 1, [(m.model_id, m.name, m.status) for m in models]
    found = models[0]
    model = mlflow.get_logged_model(found.model_id)
    assert model.model_id == found.model_id
    assert model.name == "model"
    assert str(model.status) == "READY", model.status
    assert model.source_run_id == parent.info.run_id
    assert model.experiment_id == exp.experiment_id
    assert model.params == parent.data.params
    assert {m.key: m.value for m in model.metrics} == {"best-val-error": parent.data.metrics["best-val-error"]}
    assert all(m.run_id == parent.info.run_id and m.step == 0 for m in model.metrics)
    assert model.tags["mlflow.source.name"] == "gotrain mlflow demo"
    assert model.tags["gotrain.model_key"]
    outputs = client.get_run(parent.info.run_id).outputs.model_outputs
    assert [(o.model_id, o.step) for o in outputs] == [(model.model_id, 0)]
    files = {a.path for a in client.list_logged_model_artifacts(model.model_id)}
    assert {"MLmodel", "model.json", "requirements.txt", "conda.yaml", "python_env.yaml"} <= files, files
    info = mlflow.models.get_model_info(f"models:/{model.model_id}")
    assert info.model_id == model.model_id and info.run_id == parent.info.run_id
    assert {"xgboost", "python_function"} <= set(info.flavors)
    check_predictions(f"models:/{model.model_id}", out)
    check_predictions(f"runs:/{parent.info.run_id}/model", out)
    return model


def check_version(client, name, version, model):
    """A registered version made from the logged model, the way
    mlflow.register_model("models:/<model_id>", name) makes one: source
    models:/<model_id>, the model's run, and the link on the model's
    mlflow.modelVersions tag. (MLflow 3.17's SQL registry does not store a
    version's model_id; a version registered by MLflow's own client reads
    back the same, which check_same_as_mlflow's version shows.)"""
    v = client.get_model_version(name, version)
    assert v.source == f"models:/{model.model_id}"
    assert v.run_id == model.source_run_id
    links = json.loads(mlflow.get_logged_model(model.model_id).tags["mlflow.modelVersions"])
    assert {"name": name, "version": int(version)} in links, links
    return v


def check_spool(out, refused=()):
    """Every call in the spool was acknowledged exactly once, and refused
    only when its kind is listed in refused."""
    calls, acks = {}, []
    for line in open(out / "mlflow-spool.jsonl"):
        rec = json.loads(line)
        if "acks" in rec:
            acks.extend(rec["acks"])
            if "error" in rec:
                assert {calls[s] for s in rec["acks"]} <= set(refused), rec
        else:
            calls[rec["seq"]] = rec["kind"]
    assert sorted(acks) == sorted(calls), "calls acknowledged twice or never"


def check_predictions(uri, out):
    """MLflow's loaders predict what our Go model predicted, within 1e-6."""
    ours = np.asarray(json.load(open(out / "predictions.json"))["predictions"])
    rows = pd.read_csv(FIXTURES / "credit_rows.csv")
    got = np.asarray(mlflow.pyfunc.load_model(uri).predict(rows)).ravel()
    np.testing.assert_allclose(got, ours, atol=1e-6, rtol=0)
    import xgboost as xgb
    booster = mlflow.xgboost.load_model(uri)
    assert isinstance(booster, xgb.Booster)
    got = booster.predict(xgb.DMatrix(rows))
    np.testing.assert_allclose(got, ours, atol=1e-6, rtol=0)


def test_gotrain_mlflow_serves_locally(server):
    """`gotrain mlflow` with nothing configured started a server on loopback
    with a SQLite store, and printed its URL (checked by the fixture)."""
    with urllib.request.urlopen(server.url + "/health", timeout=10) as r:
        assert r.status == 200
    assert (server.root / "mlflow.db").exists()
    assert (server.root / "artifacts").is_dir()


def test_run_tree_model_and_registry(gotrain, server, tmp_path):
    """Two jobs register two versions of one model: the first logs saved
    XGBoost models, the second trains its trials with gbdt and logs each
    round from the training callback, as the tuner does."""
    jobs = [("saved", tmp_path / "job1", []), ("trained", tmp_path / "job2", ["--models", ""])]
    for experiment, out, extra in jobs:
        args = demo_args(gotrain, out, "credit-model")
        if extra:
            args = args[:args.index("--models")] + args[args.index("--models") + 2:] + extra
        p = subprocess.run(args, env=tracking_env(server.url, experiment),
                           capture_output=True, text=True, timeout=900)
        assert p.returncode == 0, p.stderr
        assert "warning" not in p.stderr, p.stderr

    client = MlflowClient(server.url)
    mlflow.set_tracking_uri(server.url)
    saved = check_tree(client, "saved", tmp_path / "job1", ROUNDS)
    trained = check_tree(client, "trained", tmp_path / "job2", TRAINED)
    versions = client.search_model_versions("name = 'credit-model'")
    assert {v.version: v.run_id for v in versions} == {"1": saved.info.run_id, "2": trained.info.run_id}
    saved_model = check_logged_model(client, "saved", saved, tmp_path / "job1")
    trained_model = check_logged_model(client, "trained", trained, tmp_path / "job2")
    ours = check_version(client, "credit-model", "1", saved_model)
    check_version(client, "credit-model", "2", trained_model)
    check_predictions("models:/credit-model/2", tmp_path / "job2")
    check_same_as_mlflow(client, saved_model, ours)


def check_same_as_mlflow(client, model, ours):
    """MLflow's own client registers the same logged model into a version
    that reads back like ours."""
    theirs = mlflow.register_model(f"models:/{model.model_id}", "registered-by-mlflow")
    theirs = client.get_model_version("registered-by-mlflow", theirs.version)
    fields = ("source", "run_id", "model_id", "status")
    assert [getattr(ours, f) for f in fields] == [getattr(theirs, f) for f in fields]


def test_sync_replays_a_spool_once(gotrain, server, tmp_path):
    """With no server at all, the job finishes, keeps every call in its spool
    and says how to send it; `gotrain mlflow sync` sends it, once."""
    out = tmp_path / "job"
    nowhere = tracking_env(f"http://127.0.0.1:{free_port()}", "later")
    p = subprocess.run(demo_args(gotrain, out, "later-model", "--close-timeout", "1s"),
                       env=nowhere, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr
    assert (out / "trial_results.json").exists() and (out / "dominostats.json").exists()
    assert p.stderr.count("cannot reach") == 1, p.stderr
    assert f"gotrain mlflow sync {out}" in p.stderr, p.stderr

    p = subprocess.run([gotrain, "mlflow", "sync", str(out)], env=nowhere, capture_output=True, text=True)
    assert p.returncode != 0 and "sync again" in p.stderr, p.stderr

    env = tracking_env(server.url, "ignored: the spool names the experiment")
    p = subprocess.run([gotrain, "mlflow", "sync", str(out)], env=env, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr
    assert "refused 0, left 0" in p.stdout, p.stdout
    p = subprocess.run([gotrain, "mlflow", "sync", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert p.stdout.startswith("sent 0, refused 0, left 0"), p.stdout

    client = MlflowClient(server.url)
    mlflow.set_tracking_uri(server.url)
    parent = check_tree(client, "later", out)
    versions = client.search_model_versions("name = 'later-model'")
    assert [v.run_id for v in versions] == [parent.info.run_id]
    check_version(client, "later-model", "1", check_logged_model(client, "later", parent, out))
    check_predictions("models:/later-model/1", out)


def drop_acks(out, kinds):
    """Rewrite the spool without the acknowledgements of the calls of the
    given kinds: what a crash right before writing them leaves."""
    lines = open(out / "mlflow-spool.jsonl").read().splitlines()
    recs = [json.loads(line) for line in lines]
    seqs = {r["seq"] for r in recs if r.get("kind") in kinds}
    assert len(seqs) == len(kinds), recs
    keep = [line for line, r in zip(lines, recs) if not set(r.get("acks", [])) & seqs]
    assert len(keep) == len(lines) - len(kinds)
    (out / "mlflow-spool.jsonl").write_text("\n".join(keep) + "\n")


def test_replay_after_a_crash_makes_no_second_model(gotrain, server, tmp_path):
    """Fault injection: the job's last acknowledgements (the model and its
    registration) never reached the spool, as when the process dies right
    after the server took the calls. `gotrain mlflow sync` replays them and
    finds the model by its key: still one LoggedModel, one link, one
    version."""
    out = tmp_path / "job"
    env = tracking_env(server.url, "crash")
    p = subprocess.run(demo_args(gotrain, out, "crash-model"), env=env, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr
    drop_acks(out, {"model", "register"})
    p = subprocess.run([gotrain, "mlflow", "sync", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("sent 2, refused 0, left 0"), p.stdout
    client = MlflowClient(server.url)
    mlflow.set_tracking_uri(server.url)
    parent = check_tree(client, "crash", out)
    model = check_logged_model(client, "crash", parent, out)
    assert [v.version for v in client.search_model_versions("name = 'crash-model'")] == ["1"]
    check_version(client, "crash-model", "1", model)


def test_server_down_mid_run_then_back(gotrain, server, tmp_path):
    """Fault injection: the server is stopped mid-run and started again on the
    same port and store; training carries on, the spool replays, nothing is
    lost or logged twice, and the outage is reported once."""
    out = tmp_path / "job"
    env = tracking_env(server.url, "outage")
    proc = subprocess.Popen(
        demo_args(gotrain, out, "outage-model", "--round-delay", "500ms", "--close-timeout", "15m"),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stderr, lines = [], queue.Queue()
    threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True).start()

    def read_stdout():
        for line in proc.stdout:
            lines.put((time.monotonic(), line))
        lines.put((time.monotonic(), None))

    threading.Thread(target=read_stdout, daemon=True).start()

    def next_line():
        _, line = lines.get(timeout=900)
        assert line is not None, "demo ended early: " + "".join(stderr)
        return line

    try:
        while not next_line().startswith("trial_0 round 3 "):
            pass
        server.stop()
        stopped = time.monotonic()
        with pytest.raises(OSError):
            urllib.request.urlopen(server.url + "/health", timeout=2)
        # Training carries on: a round finishes after the server is gone.
        while True:
            at, line = lines.get(timeout=900)
            assert line is not None, "demo ended early: " + "".join(stderr)
            if at > stopped and " round " in line:
                break
        server.start()
        assert proc.wait(900) == 0, "".join(stderr)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = "".join(stderr)
    assert err.count("cannot reach") == 1, err
    assert "answers again" in err, err
    assert "warning" not in err, err

    client = MlflowClient(server.url)
    mlflow.set_tracking_uri(server.url)
    parent = check_tree(client, "outage", out)
    model = check_logged_model(client, "outage", parent, out)
    check_version(client, "outage-model", "1", model)


def test_lost_model_file_marks_the_logged_model_failed(gotrain, server, tmp_path):
    """Fault injection: a spooled model file is gone before the replay (the
    upload can never succeed). The real server gets the LoggedModel marked
    FAILED, not READY, no registered version, and sync names the reason;
    the rest of the run tree arrives."""
    out = tmp_path / "job"
    nowhere = tracking_env(f"http://127.0.0.1:{free_port()}", "lost-file")
    p = subprocess.run(demo_args(gotrain, out, "lost-model", "--close-timeout", "1s"),
                       env=nowhere, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr
    calls = [json.loads(line) for line in open(out / "mlflow-spool.jsonl")]
    [model_call] = [c for c in calls if c.get("kind") == "model"]
    [lost] = [f for f in model_call["files"] if f["path"] == "model.json"]
    (out / lost["file"]).unlink()

    env = tracking_env(server.url, "ignored")
    p = subprocess.run([gotrain, "mlflow", "sync", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert ", refused 2, left 0" in p.stdout, p.stdout
    assert "upload failed for good" in p.stderr and "not registered" in p.stderr, p.stderr

    client = MlflowClient(server.url)
    mlflow.set_tracking_uri(server.url)
    parent = check_tree(client, "lost-file", out, refused={"model", "register"})
    exp = client.get_experiment_by_name("lost-file")
    models = mlflow.search_logged_models(experiment_ids=[exp.experiment_id], output_format="list")
    assert [(m.name, str(m.status), m.source_run_id) for m in models] == [("model", "FAILED", parent.info.run_id)]
    assert client.search_model_versions("name = 'lost-model'") == []
