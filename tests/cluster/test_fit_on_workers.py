"""`gotrain fit --workers N` as a user runs it: the shards of a glob are dealt
over locally spawned workers, and the model file is byte for byte the one
in-process `gotrain fit` writes from the same shards.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/cluster"""

import os
import pathlib
import re
import signal
import subprocess

import pytest


ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shards(gotrain, tmp_path_factory):  # noqa: F811
    d = tmp_path_factory.mktemp("data")
    subprocess.run([gotrain, "data", "generate", "--out", str(d), "--seed", "7"],
                   check=True, capture_output=True)
    return d


def fit(gotrain, shards, out, *extra):  # noqa: F811
    cmd = [gotrain, "fit", "--train", str(shards / "train_data_*.csv"), "--label", "credit",
           "--valid", str(shards / "validation_data_*.csv"), "--rounds", "8",
           "--param", "max_depth=4", "--param", "eval_metric=auc", "--out", str(out), *extra]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return out.read_bytes()


@pytest.mark.parametrize("workers", ["1", "3"])
def test_fit_on_workers_writes_the_in_process_model(gotrain, shards, tmp_path, workers):  # noqa: F811
    local = fit(gotrain, shards, tmp_path / "local.json")
    remote = fit(gotrain, shards, tmp_path / "remote.json", "--workers", workers)
    assert len(local) > 1000
    assert remote == local


def test_fit_with_more_workers_than_shards_says_what_to_do(gotrain, shards, tmp_path):  # noqa: F811
    r = subprocess.run([gotrain, "fit", "--train", str(shards / "train_data_0.csv"), "--label", "credit",
                        "--out", str(tmp_path / "m.json"), "--workers", "2"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "1 train file(s) for 2 workers" in r.stderr and "fewer workers" in r.stderr, r.stderr


@pytest.mark.parametrize("bad", [["--workers", "-3"], ["--spawn", "-3"], ["--workers", "2", "--cpus-per-worker", "0"],
                                 ["--rounds", "x"]])
def test_bad_worker_counts_are_one_line_usage_errors(gotrain, shards, tmp_path, bad):  # noqa: F811
    r = subprocess.run([gotrain, "fit", "--train", str(shards / "train_data_*.csv"), "--label", "credit",
                        "--out", str(tmp_path / "m.json"), *bad], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert not (tmp_path / "m.json").exists()


def children(pid):
    """Pids whose parent is pid (from /proc)."""
    out = []
    for d in pathlib.Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def test_a_killed_spawned_worker_is_replaced_and_reported(gotrain, shards, tmp_path):  # noqa: F811
    """Fault injection: one of the two spawned workers is SIGKILLed a few
    rounds into a long fit. fit says which worker was lost and which one it
    spawned in its place, and the model is still the in-process one."""
    long = ["--rounds", "600"]
    local = fit(gotrain, shards, tmp_path / "local.json", *long, "--quiet")
    cmd = [gotrain, "fit", "--train", str(shards / "train_data_*.csv"), "--label", "credit",
           "--valid", str(shards / "validation_data_*.csv"), "--param", "max_depth=4", "--param", "eval_metric=auc",
           "--out", str(tmp_path / "remote.json"), "--spawn", "2", *long]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen, victim = [], None
    for line in p.stdout:
        seen.append(line)
        if line.startswith("[5]"):
            workers = children(p.pid)
            assert len(workers) == 2, (workers, "".join(seen))
            victim = workers[0]
            os.kill(victim, signal.SIGKILL)
            break
    seen.append(p.stdout.read())
    out = "".join(seen)
    assert p.wait(timeout=300) == 0, out
    assert victim is not None, out
    assert re.search(rf"worker 127\.0\.0\.1:\d+ \(pid {victim}\) lost: .*; spawned worker 127\.0\.0\.1:\d+ "
                     r"\(pid \d+\) in its place", out), out
    assert "[599]" in out, "every round ran"
    assert (tmp_path / "remote.json").read_bytes() == local
