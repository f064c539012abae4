"""TLS and the secret on every command that talks to workers, as a user
runs them: `gotrain tls` makes a --tls-dir, a worker serves it, `fit` and
`train` reach it with --tls-dir (and not without), and a short secret is
refused on a public address.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/cluster/test_tls_cli.py"""

import json
import os
import secrets
import subprocess

import pytest

from test_fit_on_workers import fit, shards  # noqa: F401  (helpers and the data fixture)
from test_worker_cli import env, start, stop

GUARD = 300  # seconds; a guard against hangs, not a timing assertion


@pytest.fixture(scope="module")
def tls_worker(gotrain, tmp_path_factory):  # noqa: F811
    d = tmp_path_factory.mktemp("tls") / "tls"
    r = subprocess.run([gotrain, "tls", "--out", str(d), "--hosts", "127.0.0.1"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    assert {p.name for p in d.iterdir()} == {"ca.pem", "cert.pem", "key.pem"}
    token = secrets.token_hex(32)
    p, addr = start(gotrain, "--tls-dir", str(d), "--cpus", "1", "--lease", "-1s", token=token)
    yield d, addr, token
    stop(p)


def test_fit_over_tls_writes_the_in_process_model(gotrain, shards, tmp_path, tls_worker):  # noqa: F811
    d, addr, token = tls_worker
    local = fit(gotrain, shards, tmp_path / "local.json")
    os.environ["GOTRAIN_TOKEN"] = token
    try:
        remote = fit(gotrain, shards, tmp_path / "tls.json", "--addresses", addr, "--tls-dir", str(d))
        single = fit(gotrain, shards, tmp_path / "tls2.json", "--addresses", addr, "--tls-ca", str(d / "ca.pem"),
                     "--tls-cert", str(d / "cert.pem"), "--tls-key", str(d / "key.pem"))
    finally:
        del os.environ["GOTRAIN_TOKEN"]
    assert remote == local and single == local


def test_fit_without_tls_is_refused_with_the_remedy(gotrain, shards, tmp_path, tls_worker):  # noqa: F811
    _, addr, token = tls_worker
    r = subprocess.run([gotrain, "fit", "--train", str(shards / "train_data_*.csv"), "--label", "credit",
                        "--out", str(tmp_path / "m.json"), "--addresses", addr, "--worker-timeout", "3s"],
                       env=env(token), capture_output=True, text=True, timeout=GUARD)
    assert r.returncode != 0
    assert addr in r.stderr and "TLS" in r.stderr and "--tls-ca" in r.stderr, r.stderr


def test_train_over_tls(gotrain, shards, tmp_path, tls_worker):  # noqa: F811
    d, addr, token = tls_worker
    o = tmp_path / "o"
    r = subprocess.run([gotrain, "train", "--workers", addr, "--tls-dir", str(d), "--tune_samples", "1", "--rounds", "3",
                        "--data", str(shards), "--out", str(o)], env=env(token), capture_output=True, text=True, timeout=GUARD)
    assert r.returncode == 0, r.stderr
    assert json.loads((o / "dominostats.json").read_text())["AUC"] > 0.5


def test_short_secret_refused_on_a_public_address(gotrain):  # noqa: F811
    r = subprocess.run([gotrain, "worker", "--listen", "0.0.0.0:0"], env=env("a"), capture_output=True, text=True, timeout=30)
    assert r.returncode != 0
    assert "1-byte secret" in r.stderr and "at least 16" in r.stderr
