"""A throwaway Ray head for the tests: started on free ports in its own temp
dir, and stopped by killing exactly the processes that belong to it.

`ray stop --force` would kill every Ray process on the machine (other
people's heads included), so stop() finds this head's processes instead:
every process whose command line names the head's temp dir, and all their
descendants (the dashboard's module processes and the Ray workers do not
name it), and SIGKILLs them by pid."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

RAY_START_TIMEOUT_S = 240


def free_port(lo=20000, hi=30000, taken=()):
    """A free TCP port on 127.0.0.1 in [lo, hi) (outside Ray's default
    worker-port range 10002-19999), not in taken."""
    start = (os.getpid() * 7919 + len(taken) * 97) % (hi - lo)
    for i in range(hi - lo):
        port = lo + (start + i) % (hi - lo)
        if port in taken:
            continue
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            s.close()
    raise RuntimeError(f"no free port in [{lo}, {hi})")


def _procs():
    """{pid: (ppid, cmdline)} of every process we can read."""
    out = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
            if state == "Z":  # exited, waiting to be reaped: nothing to kill
                continue
            ppid = int(ppid)
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError):
            continue
        out[int(d.name)] = (ppid, cmd)
    return out


def head_pids(temp_dir, gcs_port=None):
    """Pids of the processes of the head in temp_dir (or, given gcs_port,
    naming its GCS address: the Ray Client server started by a `ray start`
    that was killed names only that), with their descendants."""
    procs = _procs()
    marks = [temp_dir] + ([f":{gcs_port} "] if gcs_port else [])
    mine = {pid for pid, (_, cmd) in procs.items()
            if any(m in cmd + " " for m in marks) and "ray" in cmd and pid != os.getpid()}
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _) in procs.items():
            if ppid in mine and pid not in mine and pid != os.getpid():
                mine.add(pid)
                grew = True
    return mine


class Head:
    """A Ray head with its dashboard (Jobs API) on 127.0.0.1."""

    def __init__(self, ray_bin, temp_dir, env_extra=None):
        self.ray_bin = ray_bin
        self.temp_dir = str(temp_dir)
        # Every port is given: with a port left to Ray, the raylet waits
        # 15 s (fixed in 2.60) for the dashboard agent to write it to a
        # file, and dies when the agent is slower (a loaded 2-core machine).
        ports = []
        for _ in range(7):
            ports.append(free_port(taken=ports))
        (self.gcs_port, self.dashboard_port, self.client_port, self.agent_listen_port,
         self.agent_grpc_port, self.runtime_env_port, self.metrics_port) = ports
        self.url = f"http://127.0.0.1:{self.dashboard_port}"
        self.env = dict(os.environ)
        # On a loaded 2-core machine the dashboard agent can take longer
        # than the raylet's default wait for its ports (the head then dies).
        self.env.setdefault("RAY_agent_register_timeout_ms", "180000")
        self.env.setdefault("RAY_raylet_start_wait_time_s", "180")
        self.env["RAY_USAGE_STATS_ENABLED"] = "0"
        # Ray 2.60 turns token auth on by itself when ~/.ray/auth_token
        # exists and RAY_AUTH_MODE is unset: say which mode the test wants.
        self.env["RAY_AUTH_MODE"] = "disabled"
        self.env.pop("RAY_AUTH_TOKEN", None)
        # The job's entrypoint runs `python` from PATH: the venv's, with Ray.
        self.env["PATH"] = str(Path(ray_bin).parent) + os.pathsep + self.env.get("PATH", "")
        self.env.update(env_extra or {})
        self.start_seconds = None

    def start(self, attempts=4):
        """Starts the head; raises with Ray's output and log tail when it
        fails `attempts` times.

        Ray 2.60's raylet waits a fixed 15 s for the dashboard agent to
        write its listen port to a file and aborts when the agent is slower
        to import (which happens when other jobs load the machine), so a
        start that hits that abort is tried again, after killing what it
        left."""
        t0 = time.monotonic()
        cmd = [self.ray_bin, "start", "--head", "--num-cpus", "2",
               "--node-ip-address", "127.0.0.1", "--port", str(self.gcs_port),
               "--dashboard-host", "127.0.0.1", "--dashboard-port", str(self.dashboard_port),
               "--include-dashboard", "true", "--temp-dir", self.temp_dir,
               "--ray-client-server-port", str(self.client_port),
               "--dashboard-agent-listen-port", str(self.agent_listen_port),
               "--dashboard-agent-grpc-port", str(self.agent_grpc_port),
               "--runtime-env-agent-port", str(self.runtime_env_port),
               "--metrics-export-port", str(self.metrics_port),
               "--disable-usage-stats"]
        failures = []
        for attempt in range(attempts):
            ok, out = self._start_once(cmd)
            if ok:
                self.start_seconds = time.monotonic() - t0
                self.attempts = attempt + 1
                return self
            failures.append(f"attempt {attempt + 1}: {out[-1500:]}\n--- Ray logs ---\n{self.log_tail()}")
            self.stop()
            # The next attempt must not read this one's logs.
            latest = Path(self.temp_dir) / "session_latest"
            if latest.exists():
                shutil.rmtree(latest.resolve(), ignore_errors=True)
                latest.unlink()
        raise RuntimeError("ray start failed:\n" + "\n\n".join(failures))

    def _start_once(self, cmd):
        """Runs `ray start`; gives up early when the raylet has aborted."""
        p = subprocess.Popen(cmd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + RAY_START_TIMEOUT_S
        while p.poll() is None:
            if time.monotonic() > deadline or self._raylet_aborted():
                p.kill()
                out = p.communicate()[0]
                why = "the raylet aborted" if self._raylet_aborted() else f"timed out after {RAY_START_TIMEOUT_S}s"
                return False, f"{why}: {out}"
            time.sleep(0.5)
        return p.returncode == 0, p.communicate()[0]

    def _raylet_aborted(self):
        f = Path(self.temp_dir) / "session_latest" / "logs" / "raylet.out"
        try:
            return "Check failed" in f.read_text(errors="replace")
        except OSError:
            return False

    def log_tail(self, n=30):
        """The last n lines of the head's main logs (for failure messages)."""
        logs = Path(self.temp_dir) / "session_latest" / "logs"
        parts = []
        for name in ("raylet.out", "gcs_server.out", "dashboard.log", "dashboard_agent.log"):
            f = logs / name
            if f.exists():
                lines = f.read_text(errors="replace").splitlines()[-n:]
                parts.append(f"== {f} ==\n" + "\n".join(lines))
        return "\n".join(parts) or f"(no logs under {logs})"

    def stop(self):
        """Kills every process of this head (and only those), by pid."""
        for _ in range(20):
            pids = head_pids(self.temp_dir, self.gcs_port)
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.2)
        raise RuntimeError(f"processes of the Ray head in {self.temp_dir} survived SIGKILL: {sorted(head_pids(self.temp_dir, self.gcs_port))}")


if __name__ == "__main__":
    # python rayhead.py start DIR | stop DIR  (for runs by hand)
    if sys.argv[1] == "start":
        h = Head(str(Path(sys.executable).parent / "ray"), sys.argv[2]).start()
        print(h.url, f"started in {h.start_seconds:.1f}s")
    else:
        Head("ray", sys.argv[2]).stop()
