#!/usr/bin/env bash
# bench/frame/run.sh — exploring a CSV, ours next to pandas in one run:
# read the 1M × 28 synthetic CSV (bench/gbdt/gen -kind dense, 28 features
# and a label), Describe() every column and draw a histogram of every
# column, against pandas read_csv + describe() + hist(). Prints each side's
# times and the ratios. Run it on a quiet machine: nice ./bench/frame/run.sh
# ROWS=100000 makes a quick smoke run.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${PYTHON:-.venv/bin/python}
rows=${ROWS:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./bench/gbdt/gen -kind dense -rows "$rows" -out "$tmp/dense.csv"
go build -o "$tmp/describe" ./bench/frame/describe
ours=$("$tmp/describe" "$tmp/dense.csv")
theirs=$("$py" bench/frame/pandas_describe.py "$tmp/dense.csv")
"$py" - "$ours" "$theirs" <<'PY'
import json, sys
o, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{o['rows']} rows x {o['cols']} columns")
for k in ["read_s", "describe_s", "hist_s", "cpu_s"]:
    print(f"  {k:11s} gotrain {o[k]:8.3f}  pandas {p[k]:8.3f}  ratio (ours/pandas) {o[k] / p[k]:.2f}")
PY
