"""Fixtures for the kernel's tests: a gotrain binary, its kernelspec
installed into a temporary Jupyter data dir (so these tests also run alone,
and always against the binary under test), and running kernels driven by
the real jupyter_client."""

import os
import pathlib
import subprocess
import tempfile
import time

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]
from gotrain_kernel_helpers import TIMEOUT


def _binary(tmp: pathlib.Path) -> str:
    path = os.environ.get("GOTRAIN_BIN")
    if path:
        return path
    out = tmp / "gotrain"
    subprocess.run(["go", "build", "-o", str(out), "./cmd/gotrain"], cwd=ROOT, check=True)
    return str(out)


def _install_kernelspec() -> str:
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-kernelspec-"))
    binary = _binary(tmp)
    subprocess.run([binary, "install", "--prefix", str(tmp)], check=True, capture_output=True)
    data = str(tmp / "share" / "jupyter")
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = data + (os.pathsep + old if old else "")
    return binary


# At import time, before jupyter_kernel_test's setUpClass looks the spec up.
GOTRAIN_BIN = _install_kernelspec()


@pytest.fixture(scope="session")
def gotrain_bin():
    """Path of the gotrain binary under test."""
    return GOTRAIN_BIN


@pytest.fixture
def kernel():
    """A fresh gotrain kernel and a started blocking client."""
    km, kc = start_new_kernel(kernel_name="gotrain", startup_timeout=TIMEOUT)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def shared_kernel():
    """One kernel for a module's tests that must share state."""
    km, kc = start_new_kernel(kernel_name="gotrain", startup_timeout=TIMEOUT)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)
