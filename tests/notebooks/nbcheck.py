"""Helpers shared by the notebook tests: run a notebook and read its outputs."""

import base64
import pathlib
import re

import nbformat
from nbclient import NotebookClient


class RecordingClient(NotebookClient):
    """An nbclient client that also records every iopub message type, so a
    test can see the in-place progress updates (update_display_data) that a
    saved notebook folds away."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen = []

    def process_message(self, msg, cell, cell_index):
        self.seen.append(msg["msg_type"])
        return super().process_message(msg, cell, cell_index)


def run(path, cwd, timeout=300):
    """Executes the notebook at path with cwd as its folder; returns the
    executed notebook and the iopub message types seen."""
    nb = nbformat.read(path, as_version=4)
    client = RecordingClient(nb, kernel_name="gotrain", timeout=timeout, allow_errors=False,
                             resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb, client.seen


def errors(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def cell_with(nb, text):
    """The first code cell whose source contains text."""
    return next(c for c in nb.cells if c.cell_type == "code" and text in c.source)


def rich(cell, mime):
    """The outputs of cell carrying mime."""
    return [o["data"][mime] for o in cell.outputs
            if o.output_type in ("display_data", "execute_result") and mime in o.get("data", {})]


def stream_text(nb):
    return "".join(o.text for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream")


def printed_auc(nb):
    m = re.search(r"test AUC (\d\.\d+)", stream_text(nb))
    assert m, "the notebook printed no test AUC"
    return float(m.group(1))


def is_png(b64):
    return base64.b64decode(b64).startswith(b"\x89PNG\r\n\x1a\n")


ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
