"""Helpers for tests/track: the gotrain binary and real `mlflow server`s.

Every test talks to a real MLflow tracking server from the project's venv,
started on a free 127.0.0.1 port with a SQLite store and proxied artifacts,
and checks what our Go tracker logged with MLflow's own Python client.
"""

import os
import pathlib
import selectors
import signal
import socket
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "trainlib" / "model" / "testdata"
CREDIT = ROOT / "trainlib" / "datasets" / "UCI_Credit_Card.csv"
MLFLOW = pathlib.Path(sys.executable).parent / "mlflow"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GotrainMLflow:
    """A local tracking server run by `gotrain mlflow --dir D --port P` (which
    starts `mlflow server` on 127.0.0.1 with a SQLite store and proxied
    artifacts). It can be stopped and started again on the same port and
    store, as an outage would."""

    def __init__(self, gotrain, root):
        self.bin = gotrain
        self.root = pathlib.Path(root)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.first_line = ""

    def start(self, timeout=600):
        assert MLFLOW.exists(), f"{MLFLOW} missing: run ./install.sh --test"
        env = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")}
        env["PATH"] = str(MLFLOW.parent) + os.pathsep + env.get("PATH", "")
        self.proc = subprocess.Popen(
            [self.bin, "mlflow", "--dir", str(self.root), "--port", str(self.port)],
            env=env, stdout=subprocess.PIPE, stderr=open(self.root.parent / "gotrain-mlflow.err", "ab"),
            text=True)
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout):
            self.proc.kill()
            raise AssertionError(f"gotrain mlflow printed nothing in {timeout}s")
        self.first_line = self.proc.stdout.readline()
        assert self.first_line.strip() == f"MLflow tracking server: {self.url}", (
            self.first_line + (self.root.parent / "gotrain-mlflow.err").read_text())

    def stop(self):
        """Interrupt gotrain mlflow, which stops the server; assert it did."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            assert self.proc.wait(120) == 0
        self.proc = None


@pytest.fixture(scope="module")
def server(gotrain, tmp_path_factory):
    s = GotrainMLflow(gotrain, tmp_path_factory.mktemp("mlflow") / "store")
    s.start()
    yield s
    s.stop()


def demo_args(gotrain, out, register, *extra):
    """The hidden `gotrain mlflow demo`: a parent run and one child per saved
    XGBoost model (fixtures written by XGBoost 3.2, see gen_fixtures.py)."""
    models = ",".join(str(FIXTURES / f) for f in ("credit_logistic.json", "credit_missing.json"))
    return [gotrain, "mlflow", "demo", "--out", str(out), "--data", str(CREDIT),
            "--rows", str(FIXTURES / "credit_rows.csv"), "--models", models,
            "--register", register, *extra]


def tracking_env(url, experiment):
    env = dict(os.environ)
    env["MLFLOW_TRACKING_URI"] = url
    env["MLFLOW_EXPERIMENT_NAME"] = experiment
    return env
