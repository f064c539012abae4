"""The "gotrain" papermill engine: papermill's nbclient engine under the
name papermill's entry points load on start-up, which imports this package
and so registers the Go translator. A module of its own, so that importing
papermill_gotrain first does not import papermill's engines half-way."""

from papermill.engines import NBClientEngine


class GotrainEngine(NBClientEngine):
    """papermill's nbclient engine; selecting it is optional (``-e gotrain``)."""
