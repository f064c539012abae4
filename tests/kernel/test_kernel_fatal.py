"""Cells that end the Go runtime — a fatal error, the memory cap — fail
with the runtime's message and a "state was lost" note; the kernel Jupyter
started (its pid, its connection file) serves on and the next cell
answers. The cells run in an executor process the kernel restarts."""

import os
import pathlib
import re
import signal
import time

import pytest
from jupyter_client.manager import start_new_kernel

from kernelcells import TIMEOUT, errors_of, result_of, run, stdout_of

# The cap for this module's kernel: small, so the runaway cell is cheap.
MEMORY_LIMIT = "768MiB"


def children(pid):
    """Pids whose parent is pid."""
    out = []
    for d in pathlib.Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def gone(pid, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # a zombie still answers kill 0
            if pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def capped_kernel():
    env = dict(os.environ, GOTRAIN_KERNEL_MEMORY_LIMIT=MEMORY_LIMIT)
    km, kc = start_new_kernel(kernel_name="gotrain", startup_timeout=TIMEOUT, env=env)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


# Each cell: its code, the error's name, what its value holds, and
# where it says the crash happened ({n}: the cell's execution count): the
# crashing goroutine's cell, and the go statement that started it.
FATAL_CELLS = {
    "concurrent map writes": (
        'import "time"\nm := map[int]int{}\n'
        "for g := 0; g < 4; g++ { go func() { for i := 0; ; i++ { m[i%64] = i } }() }\n"
        "time.Sleep(10 * time.Second)",
        "FatalError",
        "fatal error: concurrent map writes",
        "in a goroutine started at line 3, column 26 of cell [{n}]",
    ),
    "160 GB allocation": ("b := make([]int64, 20<<30)\nlen(b)", "FatalError", "out of memory", "in cell [{n}]"),
    "stack overflow in compiled code": (
        'import "fmt"\ns := []any{nil}\ns[0] = s\nfmt.Sprint(s)',
        "FatalError",
        "fatal error: stack overflow",
        "in cell [{n}]",
    ),
    # Compiled code (bytes.Buffer.Len) faulting on a goroutine the cell
    # did not start with a go statement (a timer's): nothing in the
    # interpreter can recover it, and no label says which cell it was.
    "nil-pointer fault in compiled code on its own goroutine": (
        'import ("bytes"; "time")\n'
        "time.AfterFunc(0, func() { var b *bytes.Buffer; b.Len() })\n"
        "time.Sleep(10 * time.Second)",
        "FatalError",
        "panic: runtime error: invalid memory address or nil pointer dereference",
        "",
    ),
    "memory cap": (
        'import "bytes"\nvar keep [][]byte\n'
        "for i := 0; i < 64; i++ { keep = append(keep, bytes.Repeat([]byte{1}, 64<<20)) }\nlen(keep)",
        "MemoryLimit",
        "memory cap 768.0 MiB exceeded",
        "",
    ),
}


@pytest.mark.parametrize("case", list(FATAL_CELLS))
def test_fatal_cell_restarts_the_cells_process_not_the_kernel(capped_kernel, case):
    km, kc = capped_kernel
    code, ename, evalue, where = FATAL_CELLS[case]
    pid = km.provisioner.process.pid
    conn = pathlib.Path(km.connection_file).read_bytes()
    reply, _ = run(kc, "before := 41\nbefore + 1")
    assert reply["status"] == "ok", reply
    executors = children(pid)
    assert len(executors) == 1, executors

    reply, msgs = run(kc, code, timeout=60)
    assert reply["status"] == "error", reply
    assert reply["ename"] == ename and evalue in reply["evalue"], reply
    if where:
        assert reply["evalue"].endswith(f"({where.format(n=reply['execution_count'])})"), reply
    errs = errors_of(msgs)
    assert len(errs) == 1
    tb = "\n".join(errs[0]["content"]["traceback"])
    assert "%who is empty" in tb, tb

    reply, msgs = run(kc, "%who")
    assert reply["status"] == "ok" and "no names defined" in stdout_of(msgs), msgs
    reply, msgs = run(kc, "6 * 7")
    assert reply["status"] == "ok" and result_of(msgs) == "42", msgs
    # Jupyter's kernel is the same process, on the same connection file.
    assert km.provisioner.process.pid == pid and km.is_alive()
    assert pathlib.Path(km.connection_file).read_bytes() == conn
    now = children(pid)
    assert len(now) == 1 and now != executors, (executors, now)
    assert gone(executors[0])


def test_nil_dereference_in_compiled_code_reads_as_go_reports_it(capped_kernel):
    km, kc = capped_kernel
    pid = children(km.provisioner.process.pid)
    reply, _ = run(kc, 'import "bytes"\nvar buf *bytes.Buffer\nn := buf.Len()')
    assert reply["status"] == "error"
    assert reply["evalue"] == "runtime error: invalid memory address or nil pointer dereference", reply
    assert any("cell:3:" in line for line in reply["traceback"]), reply["traceback"]
    reply, msgs = run(kc, "buf == nil")  # no restart: the state is still there
    assert reply["status"] == "ok" and result_of(msgs) == "true", msgs
    assert children(km.provisioner.process.pid) == pid


def test_the_cells_process_dies_with_the_kernel():
    km, kc = start_new_kernel(kernel_name="gotrain", startup_timeout=TIMEOUT)
    try:
        reply, _ = run(kc, "1")
        assert reply["status"] == "ok"
        executors = children(km.provisioner.process.pid)
        assert len(executors) == 1
        os.kill(km.provisioner.process.pid, signal.SIGKILL)
        assert gone(executors[0]), "the executor outlived its kernel"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_goroutines_panic_is_reported_as_its_cells(capped_kernel):
    km, kc = capped_kernel
    reply, _ = run(kc, 'import "time"\ngo func() { time.Sleep(300 * time.Millisecond); panic("late") }()')
    assert reply["status"] == "ok"
    first = reply["execution_count"]
    reply, msgs = run(kc, "time.Sleep(time.Second)\n7")
    assert reply["status"] == "ok", reply  # not the next cell's failure
    assert result_of(msgs) == "7"
    errs = errors_of(msgs)
    assert len(errs) == 1 and errs[0]["content"]["evalue"] == "late", errs
    assert f"started by cell [{first}], after that cell had finished" in errs[0]["content"]["traceback"][0]


def machine_memory():
    """What the kernel's default cap is a share of: the machine's memory, or
    the cgroup's limit when lower."""
    total = next(int(l.split()[1]) << 10 for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
    try:
        cg = open("/sys/fs/cgroup/memory.max").read().strip()
        if cg.isdigit():
            total = min(total, int(cg))
    except OSError:
        pass
    return total


def test_memory_cap_is_on_by_default_at_half_the_machine():
    env = {k: v for k, v in os.environ.items() if k != "GOTRAIN_KERNEL_MEMORY_LIMIT"}
    km, kc = start_new_kernel(kernel_name="gotrain", startup_timeout=TIMEOUT, env=env)
    try:
        reply, msgs = run(kc, "b := make([]int64, 20<<30)\nlen(b)", timeout=60)
        assert reply["status"] == "error" and "out of memory" in reply["evalue"], reply
        tb = "\n".join(errors_of(msgs)[0]["content"]["traceback"])
        m = re.search(r"the cell's memory cap is ([\d.]+) (MiB|GiB|TiB)", tb)
        assert m, tb
        unit = {"MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40}[m.group(2)]
        # Half the machine, to the one decimal the message gives.
        assert abs(float(m.group(1)) * unit - machine_memory() / 2) <= 0.051 * unit, (m.group(0), machine_memory())
        reply, msgs = run(kc, "6 * 7")
        assert reply["status"] == "ok" and result_of(msgs) == "42", msgs
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_nil_dereference_in_a_cell_reads_as_go_reports_it(capped_kernel):
    km, kc = capped_kernel
    reply, _ = run(kc, 'import "fmt"\nvar p *int\nfmt.Println(*p)')
    assert reply["status"] == "error"
    assert reply["evalue"] == "runtime error: invalid memory address or nil pointer dereference", reply
    assert "at cell:3:13" in reply["traceback"], reply["traceback"]
    reply, _ = run(kc, "xs := []int{1, 2, 3}\nat := 5\nxs[at]")
    assert reply["status"] == "error", reply
    assert reply["evalue"] == "runtime error: index out of range [5] with length 3", reply
    assert "at cell:3:3" in reply["traceback"], reply["traceback"]
    # Calling a nil func, slicing past the capacity: Go's words, and the
    # statement that failed rather than the cell's first.
    reply, _ = run(kc, "var f func()\nn := 1\nf()")
    assert reply["status"] == "error", reply
    assert reply["evalue"] == "runtime error: invalid memory address or nil pointer dereference", reply
    assert "at cell:3:1" in reply["traceback"], reply["traceback"]
    reply, _ = run(kc, "ys := []int{1, 2}\nhi := 5\nys[1:hi]")
    assert reply["status"] == "error", reply
    assert reply["evalue"] == "runtime error: slice bounds out of range [:5] with capacity 2", reply
    assert "at cell:3:3" in reply["traceback"], reply["traceback"]
