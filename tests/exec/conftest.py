"""Fixtures for the cell-execution tests: the gotrain binary under test
(GOTRAIN_BIN, or built here), its kernelspec installed under a temporary
prefix, and one kernel driven by the real jupyter_client."""

import os
import pathlib
import subprocess
import tempfile

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]
TIMEOUT = 60  # seconds; only turns a hang into a failure


def _install() -> None:
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-exec-"))
    binary = os.environ.get("GOTRAIN_BIN")
    if not binary:
        binary = str(tmp / "gotrain")
        subprocess.run(["go", "build", "-o", binary, "./cmd/gotrain"], cwd=ROOT, check=True)
    subprocess.run([binary, "install", "--prefix", str(tmp)], check=True, capture_output=True)
    data = str(tmp / "share" / "jupyter")
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = data + (os.pathsep + old if old else "")


_install()


@pytest.fixture(scope="module")
def kc():
    """A kernel shared by the module's tests (cells build on each other)."""
    km, client = start_new_kernel(kernel_name="gotrain", startup_timeout=TIMEOUT)
    yield client
    client.stop_channels()
    km.shutdown_kernel(now=True)
