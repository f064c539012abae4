"""Live tuning progress through the real kernel and jupyter_client: a cell
runs a small tuning job (trainlib/job, which drives trainlib/tune on a
spawned worker) with a display handle, and the trial table arrives as
update_display_data messages on that display, the last one with every
trial finished and the best highlighted."""

import os
import pathlib
import subprocess
import tempfile
import time

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]
TIMEOUT = 300  # seconds; only turns a hang into a failure


def _install() -> None:
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-tune-"))
    binary = os.environ.get("GOTRAIN_BIN")
    if not binary:
        binary = str(tmp / "gotrain")
        subprocess.run(["go", "build", "-o", binary, "./cmd/gotrain"], cwd=ROOT, check=True)
    subprocess.run([binary, "install", "--prefix", str(tmp)], check=True, capture_output=True)
    data = str(tmp / "share" / "jupyter")
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = data + (os.pathsep + old if old else "")


@pytest.fixture(scope="module")
def kc():
    _install()
    km, client = start_new_kernel(kernel_name="gotrain", startup_timeout=60)
    yield client
    client.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code, timeout=TIMEOUT):
    """Execute code; return (reply content, the cell's iopub messages)."""
    msg_id = kc.execute(code)
    deadline = time.time() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    msgs = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], msgs


def test_trial_table_updates_in_place(kc, tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    reply, msgs = run(kc, 'import (\n\t"os"\n\t"github.com/gotrain/gotrain/kernel/display"\n\t"github.com/gotrain/gotrain/trainlib/job"\n)')
    assert reply["status"] == "ok", (reply, [m["content"] for m in msgs if m["msg_type"] in ("error", "stream")])
    reply, msgs = run(kc, f'_, err := job.EnsureData(display.Context(), "{data}", 1, os.Stderr)\nif err != nil {{ panic(err) }}')
    assert reply["status"] == "ok", (reply, [m["content"] for m in msgs if m["msg_type"] in ("error", "stream")])
    reply, msgs = run(kc, f'j, err := job.Start(display.Context(), job.Config{{DataDir: "{data}", OutDir: "{out}", Actors: 1, CPUsPerActor: 1, Samples: 3, Rounds: 30, Seed: 7}})\nif err != nil {{ panic(err) }}')
    assert reply["status"] == "ok", (reply, [m["content"] for m in msgs if m["msg_type"] in ("error", "stream")])
    reply, msgs = run(kc, 'h := display.HTML("starting")\nres, err := j.Tune(display.Context(), h)\nif err != nil { panic(err) }')
    assert reply["status"] == "ok", (reply, [m["content"] for m in msgs if m["msg_type"] in ("error", "stream")])
    shown = [m for m in msgs if m["msg_type"] == "display_data"]
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1, [m["msg_type"] for m in msgs]
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert len(updates) >= 2, "want at least the first and the final table"
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    first, last = updates[0]["content"]["data"]["text/html"], updates[-1]["content"]["data"]["text/html"]
    assert 'class="gotrain-tune"' in first
    assert last.count("<td>TERMINATED</td>") == 3, last
    assert 'class="best"' in last and "val-error" in last
    assert (out / "tune_best.json").exists() and (out / "trial_results.json").exists()
    run(kc, "j.Close()")
