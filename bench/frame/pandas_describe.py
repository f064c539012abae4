"""pandas' side of bench/frame/run.sh: read_csv, describe() and hist() of
every column (rendered to PNG, as the notebook shows it); one JSON line."""

import io
import json
import resource
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


t0, c0 = time.perf_counter(), cpu()
df = pd.read_csv(sys.argv[1])
t1 = time.perf_counter()
d = df.describe(include="all")
t2 = time.perf_counter()
df.hist(bins=20, figsize=(7, 2.1 * ((len(df.columns) + 3) // 4)))
buf = io.BytesIO()
plt.savefig(buf, format="png", dpi=110)
t3 = time.perf_counter()
assert buf.tell() > 0 and len(d.columns) == len(df.columns)
print(json.dumps({"rows": len(df), "cols": len(df.columns), "read_s": t1 - t0, "describe_s": t2 - t1,
                  "hist_s": t3 - t2, "cpu_s": cpu() - c0}))
