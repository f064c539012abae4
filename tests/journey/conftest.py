"""The gotrain binary under test: GOTRAIN_BIN (tests/run sets it) or a fresh build."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def gotrain(tmp_path_factory):
    binary = os.environ.get("GOTRAIN_BIN")
    if not binary:
        binary = str(tmp_path_factory.mktemp("bin") / "gotrain")
        subprocess.run(["go", "build", "-o", binary, "./cmd/gotrain"], cwd=ROOT, check=True)
    return binary
