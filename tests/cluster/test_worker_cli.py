"""`gotrain worker` as a user starts it by hand (systemd, Slurm, a shell):
listen policy, secret sources, the address line, hostile bytes on its port,
clean exits on SIGTERM and on a closed stdin, and no process left behind.
The training protocol itself is tested by the Go tests of trainlib/cluster
with real worker processes.

Run: GOTRAIN_BIN=bin/gotrain .venv/bin/python -m pytest -q tests/cluster"""

import os
import pathlib
import random
import signal
import socket
import subprocess


ROOT = pathlib.Path(__file__).resolve().parents[2]


def env(token=None):
    e = {k: v for k, v in os.environ.items() if k != "GOTRAIN_TOKEN"}
    if token is not None:
        e["GOTRAIN_TOKEN"] = token
    return e


def start(gotrain, *args, token="s3cret"):
    """Start a worker; return the process and the address it printed."""
    p = subprocess.Popen([gotrain, "worker", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env(token), text=True)
    line = p.stdout.readline()
    assert line.startswith("gotrain worker listening on "), (line, p.stderr.read() if p.poll() is not None else "")
    return p, line.rsplit(" ", 1)[1].strip()


def stop(p):
    if p.poll() is None:
        p.kill()
    p.wait(timeout=10)


def test_refuses_public_address_without_secret(gotrain):
    r = subprocess.run([gotrain, "worker", "--listen", "0.0.0.0:0"], env=env(None),
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0
    assert "refusing to listen on 0.0.0.0:0 without a secret" in r.stderr
    assert "GOTRAIN_TOKEN" in r.stderr


def test_loopback_by_default_and_prints_address(gotrain):
    p, addr = start(gotrain)
    try:
        host, port = addr.rsplit(":", 1)
        assert host == "127.0.0.1" and int(port) > 0
    finally:
        stop(p)


def test_public_address_with_secret_file(gotrain, tmp_path):
    tok = tmp_path / "token"
    tok.write_text("from-a-file-0123456789\n")
    p, addr = start(gotrain, "--listen", "0.0.0.0:0", "--token-file", str(tok), token=None)
    try:
        assert addr.startswith("[::]:") or addr.startswith("0.0.0.0:")
    finally:
        stop(p)


def test_empty_token_file_is_an_error_naming_it(gotrain, tmp_path):
    tok = tmp_path / "empty-token"
    tok.write_text("\n")
    r = subprocess.run([gotrain, "worker", "--token-file", str(tok)], env=env(None),
                       capture_output=True, text=True, timeout=30)
    assert r.returncode != 0
    assert str(tok) in r.stderr and "empty" in r.stderr


def test_random_bytes_do_not_crash_it_and_sigterm_exits_cleanly(gotrain):
    p, addr = start(gotrain)
    host, port = addr.rsplit(":", 1)
    rng = random.Random(7)
    try:
        for i in range(30):
            with socket.create_connection((host, int(port)), timeout=5) as s:
                junk = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 3000)))
                if i % 3 == 0:
                    junk = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + junk
                try:
                    s.sendall(junk)
                except OSError:
                    pass
        assert p.poll() is None, p.stderr.read()
        with socket.create_connection((host, int(port)), timeout=5):
            pass
        p.send_signal(signal.SIGTERM)
        assert p.wait(timeout=10) == 0
    finally:
        stop(p)


def test_exits_when_stdin_closes(gotrain):
    p, _ = start(gotrain, "--exit-with-stdin")
    try:
        p.stdin.close()
        assert p.wait(timeout=10) == 0
    finally:
        stop(p)
