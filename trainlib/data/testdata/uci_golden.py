"""Writes uci_golden.json: for each column of the embedded UCI credit card
file, the SHA-256 of its values as little-endian float32, as pandas reads
them (float64, then rounded to float32 as XGBoost does). TestUCIMatchesPandas
compares gotrain's loader with these, bit for bit.

Run from the repository root: .venv/bin/python trainlib/data/testdata/uci_golden.py
"""
import hashlib
import json
import os

import numpy as np
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(here, "..", "..", "datasets", "UCI_Credit_Card.csv"))
golden = {c: hashlib.sha256(df[c].to_numpy(np.float64).astype("<f4").tobytes()).hexdigest() for c in df.columns}
with open(os.path.join(here, "uci_golden.json"), "w") as f:
    json.dump({"pandas": pd.__version__, "rows": len(df), "sha256_float32": golden}, f, indent=1)
    f.write("\n")
