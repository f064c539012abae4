"""Fixtures for the cell-execution tests: the gotrain binary under test
(GOTRAIN_BIN, or built here), its kernelspec installed under a temporary
prefix, and one kernel driven by the real jupyter_client (kernelcells)."""

import pytest

from kernelcells import install_kernelspec, kernel

TIMEOUT = 60  # seconds; only turns a hang into a failure

install_kernelspec()


@pytest.fixture(scope="module")
def kc():
    """A kernel shared by the module's tests (cells build on each other)."""
    with kernel(TIMEOUT) as client:
        yield client
