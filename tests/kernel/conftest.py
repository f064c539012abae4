"""Fixtures for the kernel's tests: the kernelspec of the binary under test
installed into a temporary Jupyter data dir (tests/gotrainbin.py), and
running kernels driven by the real jupyter_client."""


import pytest
from jupyter_client.manager import start_new_kernel

import gotrainbin
from kernelcells import TIMEOUT


# At import time, before jupyter_kernel_test's setUpClass looks the spec up.
gotrainbin.install_kernelspec()


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
