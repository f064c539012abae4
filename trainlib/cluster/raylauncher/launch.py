"""Ray job entrypoint that runs gotrain workers as Ray actors.

The driver (trainlib/cluster/ray.go) submits this script as a Ray job. It
reserves a placement group of N bundles of C CPUs, starts one actor per
bundle, and each actor starts `gotrain worker` on its node's IP address and
a free port. The job log then carries one line per worker,

    GOTRAIN_WORKER <index> <host:port> <worker pid> <actor pid>

and a final GOTRAIN_READY line, which the driver polls for; or one
GOTRAIN_ERROR line saying what went wrong (missing binary, version
mismatch, not enough CPUs), after which the job fails.

The workers' secret never reaches this script in clear: the job's
environment holds only its SHA-256 digest (GOTRAIN_TOKEN_SHA256), the key
of the workers' challenge-response, and the job's TLS CA, certificate and
key (GOTRAIN_TLS_*_PEM), which the workers read from their environment.
Each worker reads stdin from a pipe held by its actor and exits when the
pipe closes, so a worker never outlives its actor (a killed actor, a
stopped job).
"""
import argparse
import os
import signal
import subprocess
import sys

import ray
from ray.util.placement_group import placement_group
from ray.util.scheduling_strategies import PlacementGroupSchedulingStrategy


def fail(msg):
    """Reports msg to the driver and ends the job as failed."""
    print("GOTRAIN_ERROR " + " ".join(str(msg).split()), flush=True)
    sys.exit(1)


@ray.remote(max_restarts=0)
class Worker:
    """One gotrain worker process, owned by this actor."""

    def start(self, binary, expect_version, cpus, lease):
        """Checks the binary and starts the worker; returns its address and
        pids, or raises with a message for the user."""
        path = os.path.abspath(binary)
        node = ray.util.get_node_ip_address()
        if not os.path.isfile(path):
            raise RuntimeError(f"the gotrain binary {path} does not exist on node {node}: "
                               "let gotrain upload it (leave RayOptions.NodeBinary empty) or install it there")
        if not os.access(path, os.X_OK):
            raise RuntimeError(f"the gotrain binary {path} on node {node} is not executable: chmod +x it")
        try:
            got = subprocess.run([path, "version"], capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.TimeoutExpired) as e:
            raise RuntimeError(f"{path} on node {node} does not run: {e}")
        if expect_version and got != expect_version:
            raise RuntimeError(f"version mismatch: {path} on node {node} says {got!r}, the driver is {expect_version!r}: "
                               "install the driver's gotrain there, or let gotrain upload it (leave RayOptions.NodeBinary empty)")
        self.proc = subprocess.Popen(
            [path, "worker", "--listen", f"{node}:0", "--exit-with-stdin",
             "--cpus", str(cpus), "--lease", lease],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        prefix = "gotrain worker listening on "
        if not line.startswith(prefix):
            self.proc.kill()
            raise RuntimeError(f"{path} on node {node} did not start a worker (exit {self.proc.wait()}); see the actor's stderr")
        return line[len(prefix):].strip(), self.proc.pid, os.getpid()

    def wait(self):
        """Returns the worker's exit status once it has ended."""
        return self.proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, required=True)
    ap.add_argument("--cpus", type=float, required=True)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--expect-version", default="")
    ap.add_argument("--lease", default="30s")
    ap.add_argument("--place-timeout", type=float, default=120)
    a = ap.parse_args()

    ray.init()
    # Stopping the job sends SIGTERM: end quietly (Ray's own handler
    # prints a stack trace into the job log). The actors, and with them
    # the workers, end with this driver.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    need = a.workers * a.cpus
    pg = placement_group([{"CPU": a.cpus}] * a.workers)
    try:
        ray.get(pg.ready(), timeout=a.place_timeout)
    except ray.exceptions.GetTimeoutError:
        total = ray.cluster_resources().get("CPU", 0)
        free = ray.available_resources().get("CPU", 0)
        fail(f"Ray could not place {a.workers} workers x {a.cpus:g} CPUs ({need:g} CPUs) within {a.place_timeout:g}s: "
             f"the cluster has {total:g} CPUs, {free:g} free: ask for fewer workers or CPUs per worker")
    actors = [Worker.options(num_cpus=a.cpus, scheduling_strategy=PlacementGroupSchedulingStrategy(pg, i)).remote()
              for i in range(a.workers)]
    cpus = max(1, int(a.cpus))
    try:
        started = ray.get([w.start.remote(a.binary, a.expect_version, cpus, a.lease) for w in actors])
    except ray.exceptions.RayTaskError as e:
        fail(e.cause if e.cause is not None else e)
    for i, (addr, pid, actor_pid) in enumerate(started):
        print(f"GOTRAIN_WORKER {i} {addr} {pid} {actor_pid}", flush=True)
    print("GOTRAIN_READY", flush=True)

    # Serve until every worker has ended (the driver closed it, its lease
    # ran out, or it was killed); the driver normally stops the job first.
    pending = {w.wait.remote(): i for i, w in enumerate(actors)}
    while pending:
        done, _ = ray.wait(list(pending), num_returns=1)
        i = pending.pop(done[0])
        try:
            print(f"GOTRAIN_WORKER_EXIT {i} status {ray.get(done[0])}", flush=True)
        except ray.exceptions.RayError as e:
            print(f"GOTRAIN_WORKER_EXIT {i} actor lost: {type(e).__name__}", flush=True)


if __name__ == "__main__":
    main()
