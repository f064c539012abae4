"""gotrain workers on a real Ray cluster (issue 9).

One Ray head for the module, started with token authentication on free
ports in its own temp dir (rayhead.py); tests/ray/driver (a small Go
program calling trainlib.Connect with Cluster.Ray) trains and tunes through
it, and one run SIGKILLs a worker's actor process mid-training. Each model
must be byte for byte the one in-process `gotrain fit` writes from the same
shards; after every run the Ray job must be STOPPED (or SUCCEEDED) and no
worker or actor process of it may be left.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q -s tests/ray"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rayhead  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RAY = Path(sys.executable).parent / "ray"
TOKEN = secrets.token_hex(32)
ROUNDS = "8"


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    out = tmp_path_factory.mktemp("bin") / "raydriver"
    subprocess.run(["go", "build", "-o", str(out), "./tests/ray/driver"], cwd=ROOT, check=True)
    return str(out)


@pytest.fixture(scope="module")
def head():
    # A short path: Ray puts unix sockets under it.
    d = tempfile.mkdtemp(prefix="gtray", dir="/tmp")
    h = rayhead.Head(str(RAY), d, {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": TOKEN})
    try:
        h.start()
        print(f"\nRay head {h.url} started in {h.start_seconds:.1f}s ({h.attempts} attempt(s))")
        yield h
    finally:
        h.stop()
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """4 training and 2 validation shards of a seeded binary problem."""
    d = tmp_path_factory.mktemp("shards")
    rng = np.random.default_rng(42)
    for split, n in (("train", 4), ("valid", 2)):
        for i in range(n):
            x = rng.normal(size=(1500, 6))
            y = (x[:, 0] + 0.5 * x[:, 1] * x[:, 2] + rng.normal(scale=0.5, size=1500) > 0).astype(int)
            rows = [",".join(f"{v:.5f}" for v in r) + f",{label}" for r, label in zip(x, y)]
            (d / f"{split}_{i}.csv").write_text(",".join(f"f{j}" for j in range(6)) + ",label\n" + "\n".join(rows) + "\n")
    return d


@pytest.fixture(scope="module")
def local_model(gotrain, shards, tmp_path_factory):
    """The in-process model: what every Ray run must reproduce."""
    out = tmp_path_factory.mktemp("local") / "model.json"
    r = subprocess.run([gotrain, "fit", "--train", str(shards / "train_*.csv"), "--label", "label",
                        "--rounds", ROUNDS, "--param", "max_depth=4", "--out", str(out), "--quiet"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    b = out.read_bytes()
    assert len(b) > 1000
    return b


def clean_env():
    return {k: v for k, v in os.environ.items() if not k.startswith("RAY_") and not k.startswith("GOTRAIN_TOKEN")}


def run_driver(driver, gotrain, shards, out, *args, env=None):
    e = clean_env()
    e.update({"GOTRAIN_BIN": gotrain, "RAY_AUTH_TOKEN": TOKEN})
    e.update(env or {})
    cmd = [driver, "--workers", "2", "--train", str(shards / "train_*.csv"), "--valid", str(shards / "valid_*.csv"),
           "--label", "label", "--rounds", ROUNDS, "--param", "max_depth=4", "--out", str(out), *args]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env={k: v for k, v in e.items() if v is not None})
    lines = r.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None
    return r, report


def ray_get(head, path, token=TOKEN):
    req = urllib.request.Request(head.url + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)


def worker_processes(head):
    """Pids of gotrain workers started from this head's temp dir."""
    out = []
    for pid in rayhead.head_pids(head.temp_dir):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if len(cmd) > 1 and cmd[0].endswith(b"/gotrain") and cmd[1] == b"worker":
            out.append(pid)
    return out


def alive(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def assert_cleaned_up(head, report):
    """The job has ended and none of its worker or actor processes is left
    (Ray ends actors asynchronously once the job has stopped: wait for it,
    bounded)."""
    job = ray_get(head, f"/api/jobs/{report['job_id']}")
    assert job["status"] in ("STOPPED", "SUCCEEDED"), job
    pids = report["worker_pids"] + report["actor_pids"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (any(alive(p) for p in pids) or worker_processes(head)):
        time.sleep(0.5)
    assert not [p for p in pids if alive(p)], f"processes of job {report['job_id']} left: {[p for p in pids if alive(p)]}"
    assert worker_processes(head) == []


def test_train_and_tune_through_ray_match_in_process(head, driver, gotrain, shards, local_model, tmp_path):
    out = tmp_path / "ray.json"
    r, rep = run_driver(driver, gotrain, shards, out, "--ray", head.url, "--tune", "4")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == local_model
    assert len(rep["worker_pids"]) == 2 and all(rep["actor_pids"]), rep
    assert rep["trials"] == 4 and rep["trial_status"] == ["TERMINATED"] * 4 and rep["best_trial"], rep
    assert "close_error" not in rep, rep
    # The per-job secret is nowhere in the job's metadata: only its digest,
    # and the per-job TLS CA and worker certificate the workers serve with.
    job = ray_get(head, f"/api/jobs/{rep['job_id']}")
    env = job["runtime_env"]["env_vars"]
    assert set(env) == {"GOTRAIN_TOKEN_SHA256", "GOTRAIN_TLS_CA_PEM", "GOTRAIN_TLS_CERT_PEM", "GOTRAIN_TLS_KEY_PEM"}, env
    assert len(env["GOTRAIN_TOKEN_SHA256"]) == 64, env
    assert job["runtime_env"]["working_dir"].startswith("gcs://_ray_pkg_"), job
    # The workers run the uploaded binary, unpacked by Ray on the node.
    for exe in rep["worker_exes"]:
        assert exe.startswith(head.temp_dir) and exe.endswith("/gotrain") and "_ray_pkg_" in exe, rep
    assert_cleaned_up(head, rep)


def test_killed_worker_actor_gives_the_fault_free_model(head, driver, gotrain, shards, local_model, tmp_path):
    # Found through the hosted-workspace variables (RAY_HEAD_SERVICE_PORT is
    # the Ray Client port and is not used; the dashboard port is given).
    port = head.url.rsplit(":", 1)[1]
    out = tmp_path / "fault.json"
    r, rep = run_driver(driver, gotrain, shards, out, "--ray", "auto", "--kill-after-round", "2",
                        env={"RAY_HEAD_SERVICE_HOST": "127.0.0.1", "RAY_HEAD_SERVICE_PORT": "10001",
                             "RAY_DASHBOARD_PORT": port})
    assert r.returncode == 0, r.stderr
    assert rep["killed_actor_pid"] == rep["actor_pids"][0], rep
    assert not alive(rep["killed_actor_pid"])
    assert out.read_bytes() == local_model
    assert_cleaned_up(head, rep)


def test_missing_or_wrong_ray_token_is_a_clear_error(head, driver, gotrain, shards, tmp_path):
    r, _ = run_driver(driver, gotrain, shards, tmp_path / "m.json", "--ray", head.url, env={"RAY_AUTH_TOKEN": None})
    assert r.returncode != 0
    assert "401" in r.stderr and "requires an auth token" in r.stderr and "RAY_AUTH_TOKEN" in r.stderr, r.stderr
    r, _ = run_driver(driver, gotrain, shards, tmp_path / "m.json", "--ray", head.url, env={"RAY_AUTH_TOKEN": "0" * 64})
    assert r.returncode != 0
    assert "403" in r.stderr and "rejected the auth token" in r.stderr, r.stderr
    assert "0" * 64 not in r.stderr


def test_node_binary_of_another_version_or_missing_is_a_clear_error(head, driver, gotrain, shards, tmp_path):
    old = tmp_path / "gotrain-old"
    old.write_text('#!/bin/sh\necho "gotrain 0.0.1"\n')
    old.chmod(0o755)
    env = {"RAY_ADDRESS": head.url}
    r, _ = run_driver(driver, gotrain, shards, tmp_path / "m.json", "--ray", "auto", "--node-binary", str(old), env=env)
    assert r.returncode != 0
    assert "version mismatch" in r.stderr and "gotrain 0.0.1" in r.stderr and "NodeBinary" in r.stderr, r.stderr
    r, _ = run_driver(driver, gotrain, shards, tmp_path / "m.json", "--ray", "auto", "--node-binary", str(tmp_path / "nope"), env=env)
    assert r.returncode != 0
    assert "does not exist" in r.stderr and str(tmp_path / "nope") in r.stderr, r.stderr
    assert worker_processes(head) == []


def test_gotrain_fit_with_ray_flag_writes_the_in_process_model(head, gotrain, shards, local_model, tmp_path):
    out = tmp_path / "cli.json"
    e = clean_env()
    e["RAY_AUTH_TOKEN"] = TOKEN
    r = subprocess.run([gotrain, "fit", "--train", str(shards / "train_*.csv"), "--label", "label",
                        "--rounds", ROUNDS, "--param", "max_depth=4", "--out", str(out),
                        "--ray", head.url, "--workers", "2"],
                       capture_output=True, text=True, timeout=600, env=e)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == local_model
    assert worker_processes(head) == [] or wait_no_workers(head)


def wait_no_workers(head):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not worker_processes(head):
            return True
        time.sleep(0.5)
    return False


def test_driver_killed_workers_and_job_end_by_themselves(head, driver, gotrain, shards, tmp_path):
    """A driver that dies without Close (a killed kernel) leaves nothing
    behind: its workers stop at the end of their lease (3 s here), then the
    launcher, so the job ends SUCCEEDED."""
    e = clean_env()
    e.update({"GOTRAIN_BIN": gotrain, "RAY_AUTH_TOKEN": TOKEN})
    p = subprocess.Popen([driver, "--ray", head.url, "--workers", "2", "--lease", "3s", "--hang"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e)
    try:
        line = p.stdout.readline()
        assert line.startswith("{"), (line, p.stderr.read() if p.poll() is not None else "")
        rep = json.loads(line)
    finally:
        p.kill()
        p.wait()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and ray_get(head, f"/api/jobs/{rep['job_id']}")["status"] not in ("SUCCEEDED", "FAILED", "STOPPED"):
        time.sleep(0.5)
    assert ray_get(head, f"/api/jobs/{rep['job_id']}")["status"] == "SUCCEEDED"
    assert_cleaned_up(head, rep)


def test_ray_workers_serve_only_tls(head, driver, gotrain, tmp_path):
    """Workers launched on Ray use TLS with a per-job CA without any set-up:
    a plaintext greeting gets no gotrain greeting back, and a driver without
    the job's CA (`gotrain fit --addresses`) is refused with a TLS error."""
    e = clean_env()
    e.update({"GOTRAIN_BIN": gotrain, "RAY_AUTH_TOKEN": TOKEN})
    p = subprocess.Popen([driver, "--ray", head.url, "--workers", "1", "--lease", "3s", "--hang"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e)
    try:
        line = p.stdout.readline()
        assert line.startswith("{"), (line, p.stderr.read() if p.poll() is not None else "")
        rep = json.loads(line)
        addr = rep["worker_addrs"][0]
        host, port = addr.rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=10) as s:
            s.sendall(b"GTA1" + bytes(32))
            s.settimeout(10)
            try:
                reply = s.recv(64)
            except (ConnectionResetError, socket.timeout):
                reply = b""
        assert not reply.startswith(b"GTA1"), "a Ray worker answered a plaintext gotrain greeting"
        (tmp_path / "t.csv").write_text("a,label\n1,0\n2,1\n")
        r = subprocess.run([gotrain, "fit", "--train", str(tmp_path / "t.csv"), "--label", "label", "--out", str(tmp_path / "m.json"),
                            "--addresses", addr], env=dict(clean_env(), GOTRAIN_TOKEN="x" * 64),
                           capture_output=True, text=True, timeout=120)
        assert r.returncode != 0 and addr in r.stderr and "TLS" in r.stderr, r.stderr
    finally:
        p.kill()
        p.wait()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and ray_get(head, f"/api/jobs/{rep['job_id']}")["status"] not in ("SUCCEEDED", "FAILED", "STOPPED"):
        time.sleep(0.5)
    assert_cleaned_up(head, rep)


def test_more_cpus_than_the_cluster_has_is_a_clear_error(head, driver, gotrain, shards, tmp_path):
    r, _ = run_driver(driver, gotrain, shards, tmp_path / "m.json", "--ray", head.url,
                      "--workers", "3", "--start-timeout", "60s")
    assert r.returncode != 0
    assert "could not place 3 workers x 1 CPUs (3 CPUs)" in r.stderr and "the cluster has 2 CPUs" in r.stderr, r.stderr
    assert worker_processes(head) == []


def test_gotrain_train_with_ray_flag_matches_local_workers(head, gotrain, tmp_path):
    """The batch job (`gotrain train --ray`) tunes on Ray actors and writes
    what the same job on locally spawned workers writes."""
    data = tmp_path / "data"
    r = subprocess.run([gotrain, "data", "generate", "--out", str(data), "--rows-per-shard", "500",
                        "--train-shards", "4", "--validation-shards", "2"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    flags = ["--data", str(data), "--ray_actors", "2", "--cpus_per_actor", "1", "--tune_samples", "2", "--rounds", "4"]
    e = clean_env()
    r = subprocess.run([gotrain, "train", *flags, "--out", str(tmp_path / "local")],
                       capture_output=True, text=True, timeout=600, env=e)
    assert r.returncode == 0, r.stderr
    e["RAY_AUTH_TOKEN"] = TOKEN
    r = subprocess.run([gotrain, "train", *flags, "--out", str(tmp_path / "ray"), "--ray", head.url],
                       capture_output=True, text=True, timeout=600, env=e)
    assert r.returncode == 0, r.stderr
    assert "2 Ray actors × 1 CPUs" in r.stderr, r.stderr
    for f in ("tune_best.json", "dominostats.json"):
        assert (tmp_path / "ray" / f).read_bytes() == (tmp_path / "local" / f).read_bytes(), f
    assert wait_no_workers(head)
