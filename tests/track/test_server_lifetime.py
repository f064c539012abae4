"""The local MLflow server lives no longer than the gotrain process that
started it: killing that process (SIGKILL, nothing runs its cleanup) stops
the server and every process it started, and frees the port."""

import os
import signal
import socket
import time

from trackhelpers import GotrainMLflow


def descendants(pid):
    """Every live process whose ancestry includes pid (from /proc)."""
    parent = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z":
                parent[int(d)] = int(fields[1])
    out = set()
    for p in parent:
        q = p
        while q in parent and q != pid:
            q = parent[q]
        if q == pid and p != pid:
            out.add(p)
    return out


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def port_open(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_server_stops_when_gotrain_is_killed(gotrain, tmp_path):
    s = GotrainMLflow(gotrain, tmp_path / "store")
    s.start()
    tree = descendants(s.proc.pid)
    assert tree, "gotrain mlflow started no server process"
    assert port_open(s.port)
    s.proc.send_signal(signal.SIGKILL)
    s.proc.wait()
    deadline = time.monotonic() + 120
    while (any(alive(p) for p in tree) or port_open(s.port)) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = sorted(p for p in tree if alive(p))
    assert not left, f"server processes {left} outlived the gotrain process that started them"
    assert not port_open(s.port), f"port {s.port} still answers after gotrain was killed"
