"""Run a command and report the CPU time of its whole process tree.

Usage: cputime.py OUT.json -- COMMAND [ARGS...]

The command's stdout and stderr pass through. Every 0.2 s the tree's
processes (psutil, children taken recursively, so Ray's raylet, GCS and
worker processes and gotrain's spawned workers count) are sampled; each
process's last user+system time is kept, keyed by pid and start time.
A process that lives less than one sampling period may be missed, and
the last period of each is, so the sampled total is a lower bound; so is
getrusage(RUSAGE_CHILDREN) after the command ends (exact for the command
and the descendants it waited for, as gotrain's driver waits for its
workers). The larger of the two is reported. OUT.json gets {"cpu_seconds", "wall_seconds",
"returncode"}; the script exits with the command's status.
"""

import json
import resource
import subprocess
import sys
import time

import psutil


def main():
    out, sep, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    if sep != "--" or not cmd:
        raise SystemExit(__doc__)
    t0 = time.time()
    child = subprocess.Popen(cmd)
    root = psutil.Process(child.pid)
    seen = {}

    def sample():
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.NoSuchProcess:
            return
        for p in procs:
            try:
                t = p.cpu_times()
                seen[(p.pid, p.create_time())] = t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                pass

    while child.poll() is None:
        sample()
        time.sleep(0.2)
    wall = time.time() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = max(sum(seen.values()), ru.ru_utime + ru.ru_stime)
    with open(out, "w") as f:
        json.dump({"cpu_seconds": cpu, "wall_seconds": wall, "returncode": child.returncode}, f)
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
