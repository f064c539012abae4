"""Live tuning progress through the real kernel and jupyter_client: a cell
runs a small tuning job (trainlib/job, which drives trainlib/tune on a
spawned worker) with a display handle, and the trial table arrives as
update_display_data messages on that display, the last one with every
trial finished and the best highlighted."""

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "exec"))
import kernelcells  # noqa: E402  (the shared kernel helpers of tests/exec)

TIMEOUT = 300  # seconds; only turns a hang into a failure


@pytest.fixture(scope="module")
def kc():
    kernelcells.install_kernelspec()
    with kernelcells.kernel(60) as client:
        yield client


def run(kc, code, timeout=TIMEOUT):
    return kernelcells.run(kc, code, timeout)


def test_trial_table_updates_in_place(kc, tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    reply, msgs = run(kc, 'import (\n\t"os"\n\t"github.com/gotrain/gotrain/kernel/display"\n\t"github.com/gotrain/gotrain/trainlib/job"\n)')
    assert reply["status"] == "ok", (reply, [m["content"] for m in msgs if m["msg_type"] in ("error", "stream")])
    reply, msgs = run(kc, f'_, err := job.EnsureData(display.Context(), "{data}", 1, os.Stderr)\nif err != nil {{ panic(err) }}')
    assert reply["status"] == "ok", (reply, [m["content"] for m in msgs if m["msg_type"] in ("error", "stream")])
    reply, msgs = run(kc, f'j, err := job.Start(display.Context(), job.Config{{DataDir: "{data}", OutDir: "{out}", Spawn: 1, CPUsPerWorker: 1, Samples: 3, Rounds: 30, Seed: 7}})\nif err != nil {{ panic(err) }}')
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
