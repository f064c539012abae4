"""Fixtures every test folder shares (tests/gotrainbin.py does the work)."""

import pytest

import gotrainbin


@pytest.fixture(scope="session")
def gotrain():
    """Path of the gotrain binary under test."""
    return gotrainbin.binary()
