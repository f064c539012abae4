#!/usr/bin/env bash
# bench/data/run.sh — data loading and generation, ours next to pandas.
# Generates the reference workflow's full layout (21 + 3 shards of 100,000
# rows, 61 features) with gotrain data generate, then loads one shard and all
# 21 training shards with gotrain's loader and with pandas.read_csv, and
# prints the times and the ratio; then the GBDT benchmark's dense CSV
# (bench/gbdt/gen, $DENSE_ROWS rows × 28, default 1,000,000): parsing alone
# and parsing + sketching + binning (gotrain -bin, on all cores) against
# pandas.read_csv, with peak memory. Run it on a quiet machine:
# nice ./bench/data/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${PYTHON:-.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gotrain" ./cmd/gotrain
go build -o "$tmp/loadtime" ./bench/data/loadtime

echo "== gotrain data generate --full"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" "$tmp/gotrain" data generate --full --seed 42 --out "$tmp/full" 2>&1 | tail -2
du -sh "$tmp/full"

compare() { # name glob [label [loadtime flags]]
  ours=$("$tmp/loadtime" -label "${3:-credit}" ${4:-} "$2")
  theirs=$("$py" bench/data/pandas_load.py "$2")
  "$py" - "$1" "$ours" "$theirs" <<'PY'
import json, sys
name, o, p = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"== {name}: {o['rows']} rows x {o['cols']} features")
print(f"   gotrain   wall {o['wall_s']:.3f} s  cpu {o['cpu_s']:.3f} s  peak {o['peak_rss_mb']:.0f} MB")
print(f"   pandas    wall {p['wall_s']:.3f} s  cpu {p['cpu_s']:.3f} s  peak {p['peak_rss_mb']:.0f} MB")
print(f"   ratio (ours/pandas) wall {o['wall_s']/p['wall_s']:.2f}  cpu {o['cpu_s']/p['cpu_s']:.2f}")
PY
}
compare "one shard" "$tmp/full/train_data_0.csv"
compare "21 training shards" "$tmp/full/train_data_*.csv"
go build -o "$tmp/gen" ./bench/gbdt/gen
"$tmp/gen" -kind dense -rows "${DENSE_ROWS:-1000000}" -out "$tmp/dense.csv"
compare "dense CSV, parse only" "$tmp/dense.csv" label
compare "dense CSV, parse + sketch + bin (gotrain) vs read_csv" "$tmp/dense.csv" label -bin
