"""Running cells in a real gotrain kernel through jupyter_client, shared by
every test folder that drives one: the kernelspec of the binary under test
(tests/gotrainbin.py) installed under a temporary prefix, a kernel started
and shut down around a block, and `run`, which executes a cell and returns
its reply with its iopub messages."""

import contextlib
import time

from jupyter_client.manager import start_new_kernel

from gotrainbin import install_kernelspec  # noqa: F401  (re-exported)

TIMEOUT = 30  # seconds; only turns a hang into a failure


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


def collect(kc, msg_id, timeout=TIMEOUT):
    """The iopub messages whose parent is msg_id, up to its idle status."""
    out = []
    deadline = time.time() + timeout
    while True:
        left = deadline - time.time()
        if left <= 0:
            raise AssertionError(f"no idle for {msg_id}; got {[m['msg_type'] for m in out]}")
        msg = kc.get_iopub_msg(timeout=left)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply to msg_id (skipping stale replies)."""
    deadline = time.time() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def run(kc, code, timeout=TIMEOUT, **kw):
    """Execute code; return (reply content, iopub messages of the cell)."""
    msg_id = kc.execute(code, **kw)
    reply = shell_reply(kc, msg_id, timeout)
    return reply["content"], collect(kc, msg_id, timeout)


def stdout_of(msgs):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def result_of(msgs):
    """text/plain of the cell's execute_result, or None."""
    for m in msgs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


def errors_of(msgs):
    return [m for m in msgs if m["msg_type"] == "error"]

