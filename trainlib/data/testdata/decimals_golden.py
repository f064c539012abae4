"""Writes good/decimals.csv (seeded: decimals of every length, exponents in
both cases, signs, leading dots, missing markers) and decimals_golden.json:
for each column the SHA-256 of its values as little-endian float32 as pandas
reads them (float64 rounded to float32, NaN as 0x7fc00000). TestDecimalsMatch
Pandas compares gotrain's loader with these, bit for bit.

Run from the repository root: .venv/bin/python trainlib/data/testdata/decimals_golden.py
"""
import hashlib
import json
import os

import numpy as np
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261125)
missing = ["", "NA", "NaN", "nan", "N/A"]


def spell(v):
    k = rng.integers(0, 9)
    if k == 0:
        return repr(float(v))  # shortest float64, up to 17 digits
    if k == 1:
        return f"{v:.17g}"
    if k == 2:
        return f"{v:.3E}"
    if k == 3:
        return f"{v:.9e}"
    if k == 4:
        s = f"{abs(v):.6f}".lstrip("0")
        return ("-" if v < 0 else "+") + s  # +.5 and -.25 spellings
    if k == 5:
        return str(int(v))
    if k == 6:
        return missing[rng.integers(0, len(missing))]
    if k == 7:
        return f"{v:.15g}"
    return f"{v:.25f}"  # more digits than any float holds


rows = []
for _ in range(2000):
    rows.append([spell(rng.normal() * 10.0 ** rng.integers(-8, 9)) for _ in range(4)])
path = os.path.join(here, "good", "decimals.csv")
with open(path, "w") as f:
    f.write("a,b,c,d\n")
    for r in rows:
        f.write(",".join(r) + "\n")

df = pd.read_csv(path)
golden = {}
for c in df.columns:
    v = df[c].to_numpy(np.float64).astype("<f4")
    v[np.isnan(v)] = np.frombuffer(np.uint32(0x7FC00000).tobytes(), "<f4")[0]
    golden[c] = hashlib.sha256(v.tobytes()).hexdigest()
with open(os.path.join(here, "decimals_golden.json"), "w") as f:
    json.dump({"pandas": pd.__version__, "rows": len(df), "sha256_float32": golden}, f, indent=1)
    f.write("\n")
