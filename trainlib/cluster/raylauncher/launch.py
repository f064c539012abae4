"""Ray job entrypoint for gotrain: places N workers of C CPUs in a placement
group, each actor runs `gotrain worker` on a free port, and prints
"GOTRAIN_WORKER host:port" lines that the driver reads from the job logs.
The secret arrives in GOTRAIN_TOKEN (the job's env) and is never printed."""
import os, socket, subprocess, sys, time
import ray
from ray.util.placement_group import placement_group
from ray.util.scheduling_strategies import PlacementGroupSchedulingStrategy

N = int(os.environ["GOTRAIN_RAY_WORKERS"])
C = float(os.environ.get("GOTRAIN_RAY_CPUS", "1"))
BIN = os.environ["GOTRAIN_RAY_BIN"]


@ray.remote
class Worker:
    def start(self, binary):
        if not os.access(binary, os.X_OK):
            raise RuntimeError(f"gotrain binary {binary} is missing or not executable on this node")
        s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
        addr = f"127.0.0.1:{port}"
        self.p = subprocess.Popen([binary, "worker", "--listen", addr], env=os.environ.copy())
        return addr, self.p.pid

    def wait(self):
        return self.p.wait()


ray.init()
pg = placement_group([{"CPU": C}] * N)
ray.get(pg.ready())
actors = [Worker.options(scheduling_strategy=PlacementGroupSchedulingStrategy(pg, i)).remote() for i in range(N)]
for a in actors:
    addr, pid = ray.get(a.start.remote(BIN))
    print(f"GOTRAIN_WORKER {addr} {pid}", flush=True)
print("GOTRAIN_READY", flush=True)
ray.get([a.wait.remote() for a in actors])
