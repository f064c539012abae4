"""Times pandas.read_csv (the peer a Python user loads shards with) on the
files a glob names: best of N runs, wall and CPU seconds, one JSON line."""
import glob
import json
import sys
import time

import resource

import pandas as pd

pattern, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
best, best_cpu, shape = float("inf"), float("inf"), None
for _ in range(runs):
    t, c = time.perf_counter(), time.process_time()
    df = pd.concat([pd.read_csv(f, dtype="float32") for f in sorted(glob.glob(pattern))])
    best, best_cpu = min(best, time.perf_counter() - t), min(best_cpu, time.process_time() - c)
    shape = df.shape
print(json.dumps({"rows": shape[0], "cols": shape[1] - 1, "wall_s": best, "cpu_s": best_cpu,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
