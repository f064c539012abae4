"""Running cells in a real gotrain kernel through jupyter_client, shared by
the test folders that drive one (tests/exec, tests/tune): the kernelspec of
the binary under test (GOTRAIN_BIN, or built here) installed under a
temporary prefix, a module-wide kernel, and `run`, which executes a cell
and returns its reply with its iopub messages."""

import contextlib
import os
import pathlib
import subprocess
import tempfile
import time

from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]


def install_kernelspec() -> None:
    """Install the gotrain kernelspec under a temporary prefix and put it
    first on JUPYTER_PATH."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="gotrain-cells-"))
    binary = os.environ.get("GOTRAIN_BIN")
    if not binary:
        binary = str(tmp / "gotrain")
        subprocess.run(["go", "build", "-o", binary, "./cmd/gotrain"], cwd=ROOT, check=True)
    subprocess.run([binary, "install", "--prefix", str(tmp)], check=True, capture_output=True)
    data = str(tmp / "share" / "jupyter")
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = data + (os.pathsep + old if old else "")


@contextlib.contextmanager
def kernel(startup_timeout=60, **kwargs):
    """A started gotrain kernel's client, shut down on exit; kwargs (env,
    cwd) go to the kernel manager's start_kernel."""
    km, client = start_new_kernel(kernel_name="gotrain", startup_timeout=startup_timeout, **kwargs)
    try:
        yield client
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def run(kc, code, timeout):
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
