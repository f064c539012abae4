"""Kernel benchmark: gotrain against ipykernel through the same
jupyter_client code, in one run.

For each kernel it measures
  * launch-to-ready: start_new_kernel (spawn, connect, kernel_info answered
    with iopub live) — median over --launches launches;
  * execute round trip: from sending an execute_request for `1+1` until both
    its execute_reply and its idle status arrived — p50 and p99 over --cells
    cells (after --warmup unmeasured ones).

Run from the repository root after ./install.sh --test:
    .venv/bin/python bench/kernel/kernel_latency.py
The gotrain kernelspec is installed into a temporary JUPYTER_PATH from
GOTRAIN_BIN (default bin/gotrain) so the binary under test is the one measured.
"""

import argparse
import os
import pathlib
import platform
import statistics
import subprocess
import tempfile
import time

from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]


def install_gotrain() -> None:
    binary = os.environ.get("GOTRAIN_BIN", str(ROOT / "bin" / "gotrain"))
    tmp = tempfile.mkdtemp(prefix="gotrain-bench-")
    subprocess.run([binary, "install", "--prefix", tmp], check=True, capture_output=True)
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.path.join(tmp, "share", "jupyter") + (os.pathsep + old if old else "")


def launch(name):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=60)
    return time.perf_counter() - t0, km, kc


def round_trip(kc, code="1+1"):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    got_reply = got_idle = False
    status = None
    while not (got_reply and got_idle):
        if not got_reply:
            reply = kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                got_reply, status = True, reply["content"]["status"]
            continue
        msg = kc.get_iopub_msg(timeout=60)
        if (
            msg["parent_header"].get("msg_id") == msg_id
            and msg["msg_type"] == "status"
            and msg["content"]["execution_state"] == "idle"
        ):
            got_idle = True
    return time.perf_counter() - t0, status


def percentile(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def measure(name, cells, warmup, launches):
    starts = []
    for _ in range(launches - 1):
        t, km, kc = launch(name)
        starts.append(t)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    t, km, kc = launch(name)
    starts.append(t)
    try:
        for _ in range(warmup):
            round_trip(kc)
        times, statuses = [], set()
        for _ in range(cells):
            dt, st = round_trip(kc)
            times.append(dt)
            statuses.add(st)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {
        "ready_ms": statistics.median(starts) * 1e3,
        "p50_ms": percentile(times, 50) * 1e3,
        "p99_ms": percentile(times, 99) * 1e3,
        "statuses": sorted(statuses),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cells", type=int, default=1000)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--launches", type=int, default=5)
    args = ap.parse_args()
    install_gotrain()
    res = {}
    for label, name in (("gotrain", "gotrain"), ("ipykernel", "python3")):
        res[label] = measure(name, args.cells, args.warmup, args.launches)
    print(f"date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"{args.cells} cells of `1+1` after {args.warmup} warm-up; launch-to-ready median of {args.launches}")
    print(f"{'kernel':<10} {'ready ms':>9} {'p50 ms':>8} {'p99 ms':>8}  reply statuses")
    for label, r in res.items():
        print(f"{label:<10} {r['ready_ms']:9.1f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f}  {','.join(r['statuses'])}")
    g, i = res["gotrain"], res["ipykernel"]
    print(
        "ratio gotrain/ipykernel: ready {:.2f}, p50 {:.2f}, p99 {:.2f} (below 1 means gotrain is faster)".format(
            g["ready_ms"] / i["ready_ms"], g["p50_ms"] / i["p50_ms"], g["p99_ms"] / i["p99_ms"]
        )
    )


if __name__ == "__main__":
    main()
