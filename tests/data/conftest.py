"""Fixtures for the data tests: the gotrain binary under test."""

import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="session")
def gotrain(tmp_path_factory):
    """Path of the gotrain binary: GOTRAIN_BIN, or one built from this tree."""
    binary = os.environ.get("GOTRAIN_BIN")
    if binary:
        return binary
    binary = str(tmp_path_factory.mktemp("bin") / "gotrain")
    subprocess.run(["go", "build", "-o", binary, "./cmd/gotrain"], cwd=ROOT, check=True)
    return binary
