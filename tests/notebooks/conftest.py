"""Fixtures for running the tutorial notebooks headless with the real kernel.

The gotrain binary under test comes from GOTRAIN_BIN (tests/run sets it) or
is built; its kernelspec is installed into a temporary Jupyter path, and the
Python environment's bin folder goes first on PATH so the kernel finds the
`mlflow` command, as it does in the user's venv.
"""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(scope="session")
def gotrain_bin(tmp_path_factory):
    binary = os.environ.get("GOTRAIN_BIN")
    if binary:
        return binary
    binary = str(tmp_path_factory.mktemp("bin") / "gotrain")
    subprocess.run(["go", "build", "-o", binary, "./cmd/gotrain"], cwd=ROOT, check=True)
    return binary


@pytest.fixture(scope="session")
def jupyter_path(gotrain_bin, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kernelspec")
    subprocess.run([gotrain_bin, "install", "--prefix", str(tmp)], check=True, capture_output=True)
    return str(tmp / "share" / "jupyter")


@pytest.fixture
def kernel_env(jupyter_path, gotrain_bin, monkeypatch):
    """The environment a user's notebook server gives the kernel."""
    old = os.environ.get("JUPYTER_PATH")
    monkeypatch.setenv("JUPYTER_PATH", jupyter_path + (os.pathsep + old if old else ""))
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    monkeypatch.setenv("GOTRAIN_BIN", gotrain_bin)
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    return os.environ
