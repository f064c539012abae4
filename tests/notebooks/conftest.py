"""Fixtures for running the tutorial notebooks headless with the real kernel.

The gotrain binary under test comes from GOTRAIN_BIN (tests/run sets it) or
is built; its kernelspec is installed into a temporary Jupyter path, and the
Python environment's bin folder goes first on PATH so the kernel finds the
`mlflow` command, as it does in the user's venv.
"""

import os
import pathlib
import sys

import pytest

import gotrainbin

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(scope="session")
def jupyter_path():
    return gotrainbin.kernelspec_dir()


@pytest.fixture
def kernel_env(jupyter_path, gotrain, monkeypatch):
    """The environment a user's notebook server gives the kernel."""
    old = os.environ.get("JUPYTER_PATH")
    monkeypatch.setenv("JUPYTER_PATH", jupyter_path + (os.pathsep + old if old else ""))
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    monkeypatch.setenv("GOTRAIN_BIN", gotrain)
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    return os.environ
