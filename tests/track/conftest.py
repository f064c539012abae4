"""Fixtures for tests/track (defined in trackhelpers, a uniquely named module
so that other test folders' conftest files cannot shadow it)."""

from trackhelpers import gotrain_bin, server  # noqa: F401  (pytest fixtures)
