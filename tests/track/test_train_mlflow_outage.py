"""`gotrain train --mlflow` never held hostage by MLflow, against a real
`mlflow server` (started, stopped and restarted on the same port and store
by trackhelpers.GotrainMLflow), counted with MLflow's own client:

- a server that does not answer from the start is reported before tuning,
  the job's results are unaffected and its run tree waits in the spool,
  each trial's run from the moment the trial ends (a job interrupted
  after its first trials has them spooled), and `gotrain mlflow sync`
  sends the tree to a real server exactly once;
- a server that dies after the check and stays down, or hangs (its
  processes stopped: connections accepted, never answered), costs at most
  --mlflow-wait and a request timeout: the job finishes, keeps its spool
  and says how to sync;
- rerunning the job with the same --out (after that outage, then once more
  after it finished) leaves exactly one run tree and one model version.
"""

import json
import os
import pathlib
import signal
import subprocess
import time

import pytest
from mlflow.tracking import MlflowClient

from trackhelpers import GotrainMLflow, free_port, tracking_env

SMALL = ["--ray_actors", "2", "--cpus_per_actor", "1", "--tune_samples", "2", "--rounds", "3"]
GUARD = 600  # seconds; a guard against hangs, not a timing assertion


@pytest.fixture(scope="module")
def data(gotrain, tmp_path_factory):
    d = tmp_path_factory.mktemp("data")
    subprocess.run([gotrain, "data", "generate", "--out", str(d)], check=True, capture_output=True, timeout=GUARD)
    return d


def train(gotrain, data, out, env, wait="3s"):
    """A short --mlflow-wait where the server is down; a long one (a guard)
    where it is up."""
    return subprocess.run([gotrain, "train", *SMALL, "--mlflow", "--mlflow-wait", wait, "--data", str(data),
                           "--out", str(out)], env=env, capture_output=True, text=True, timeout=GUARD)


def assert_spooled(r, out):
    assert r.returncode == 0, r.stderr
    assert (out / "dominostats.json").exists() and (out / "tune_best.json").exists(), "the job's results"
    assert (out / "mlflow-spool.jsonl").exists()
    assert f"gotrain mlflow sync {out}" in r.stderr, r.stderr


def test_unreachable_from_the_start_is_reported_before_tuning(gotrain, data, tmp_path):
    out = tmp_path / "o"
    r = train(gotrain, data, out, tracking_env(f"http://127.0.0.1:{free_port()}", "nowhere"))
    assert_spooled(r, out)
    assert "does not answer" in r.stderr and r.stderr.index("does not answer") < r.stderr.index("tuning:"), r.stderr


def spooled_runs(out):
    """The spool's run records: (parent name, ended), {child name: ended}."""
    calls = [json.loads(l) for l in (out / "mlflow-spool.jsonl").read_text().splitlines() if l.strip()]
    runs = {c["run"]: c for c in calls if c.get("kind") == "run"}
    ended = {c["run"] for c in calls if c.get("kind") == "end"}
    parents = [(r["name"], i in ended) for i, r in runs.items() if not r.get("parent")]
    children = {}
    for i, r in runs.items():
        if r.get("parent"):
            assert r["name"] not in children, f"trial {r['name']} logged twice"
            children[r["name"]] = i in ended
    return parents, children


def ended_trials(out):
    """Trials whose checkpoint says they ended."""
    done = set()
    for state in out.glob("trial_*/state.json"):
        try:
            st = json.loads(state.read_text())
        except (OSError, ValueError):
            continue  # being replaced
        if st["status"] in ("TERMINATED", "STOPPED", "ERROR"):
            done.add(st["trial_id"])
    return done


def test_unreachable_from_the_start_spools_each_trial_as_it_ends(gotrain, data, tmp_path):
    out = tmp_path / "o"
    env = tracking_env(f"http://127.0.0.1:{free_port()}", "from-the-start")
    args = [gotrain, "train", "--ray_actors", "2", "--cpus_per_actor", "1", "--tune_samples", "4", "--rounds", "60",
            "--mlflow", "--mlflow-wait", "1s", "--data", str(data), "--out", str(out)]
    p = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + GUARD
    while not ended_trials(out) and p.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    p.send_signal(signal.SIGINT)  # mid-tuning: two trials are still to run
    err = p.communicate(timeout=GUARD)[1]
    assert p.returncode == 130, err
    done = ended_trials(out)
    parents, children = spooled_runs(out)
    assert parents == [(parents[0][0], False)], parents  # started before tuning, not ended
    assert done and done <= set(children), (done, children, err)
    assert all(children[t] for t in done), children

    # The rerun resumes the tuning and continues the same tree.
    r = subprocess.run(args, env=env, capture_output=True, text=True, timeout=GUARD)
    assert_spooled(r, out)
    parents2, children = spooled_runs(out)
    assert parents2 == [(parents[0][0], True)], parents2
    assert len(children) == 4 and all(children.values()), children

    server = GotrainMLflow(gotrain, tmp_path / "store")
    server.start()
    try:
        env = tracking_env(server.url, "from-the-start")
        for _ in range(2):  # the second sync has nothing left to send
            r = subprocess.run([gotrain, "mlflow", "sync", str(out)], env=env, capture_output=True, text=True, timeout=GUARD)
            assert r.returncode == 0, r.stderr
            assert count(server.url, "from-the-start") == (1, 4, 1), r.stderr
    finally:
        server.stop()


def count(url, experiment):
    client = MlflowClient(url)
    exp = client.get_experiment_by_name(experiment)
    runs = client.search_runs([exp.experiment_id]) if exp else []
    parents = [r for r in runs if "mlflow.parentRunId" not in r.data.tags]
    versions = client.search_model_versions("name = 'gotrain-credit'")
    return len(parents), len(runs) - len(parents), len(versions)


def test_server_down_then_reruns_log_one_tree(gotrain, data, tmp_path):
    server = GotrainMLflow(gotrain, tmp_path / "store")
    server.start()
    try:
        env = tracking_env(server.url, "outage")
        out = tmp_path / "o"
        p = subprocess.Popen([gotrain, "train", *SMALL, "--mlflow", "--mlflow-wait", "3s", "--data", str(data),
                              "--out", str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = []
        for line in p.stderr:
            seen.append(line)
            if line.startswith("tuning:"):
                server.stop()  # after the check, before the tree is sent; it stays down
                break
        rest = p.stderr.read()
        assert p.wait(timeout=GUARD) == 0, "".join(seen) + rest
        r = subprocess.CompletedProcess(p.args, 0, "", "".join(seen) + rest)
        assert_spooled(r, out)

        server.start()  # the same port and store
        r = train(gotrain, data, out, env, wait="300s")
        assert r.returncode == 0 and "not sent" not in r.stderr, r.stderr
        assert count(server.url, "outage") == (1, 2, 1), "the rerun after the outage:\n" + r.stderr
        r = train(gotrain, data, out, env, wait="300s")
        assert r.returncode == 0 and "not sent" not in r.stderr, r.stderr
        assert count(server.url, "outage") == (1, 2, 1), "the rerun of a finished job"
    finally:
        server.stop()


def descendants(pid):
    """pid's live descendants (from /proc)."""
    parent = {}
    for d in pathlib.Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def test_server_hung_mid_run_costs_at_most_the_wait(gotrain, data, tmp_path):
    """Fault injection: every process of the server is stopped (SIGSTOP)
    once tuning starts — the kernel still accepts its connections, nothing
    answers them. The job ends on its own with its results and its spool."""
    server = GotrainMLflow(gotrain, tmp_path / "store")
    server.start()
    frozen = []
    try:
        out = tmp_path / "o"
        p = subprocess.Popen([gotrain, "train", *SMALL, "--mlflow", "--mlflow-wait", "3s", "--data", str(data),
                              "--out", str(out)], env=tracking_env(server.url, "hung"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = []
        for line in p.stderr:
            seen.append(line)
            if line.startswith("tuning:"):
                frozen = [server.proc.pid, *descendants(server.proc.pid)]
                for pid in frozen:
                    os.kill(pid, signal.SIGSTOP)
                break
        rest = p.stderr.read()
        assert frozen, "".join(seen)
        assert p.wait(timeout=GUARD) == 0, "".join(seen) + rest
        assert_spooled(subprocess.CompletedProcess(p.args, 0, "", "".join(seen) + rest), out)
    finally:
        for pid in frozen:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        server.stop()
