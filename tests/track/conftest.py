"""Fixtures for tests/track (defined in trackhelpers, a uniquely named module
so that other test folders' conftest files cannot shadow it)."""

from trackhelpers import server  # noqa: F401  (a pytest fixture)
