#!/usr/bin/env bash
# bench/gbdt/run.sh — train gotrain and XGBoost hist (xgboost-cpu from the
# venv) on the same data with the same parameters, nthread=2, one process
# each, and print wall time, CPU time, peak memory and the ratios:
#   a  UCI credit (trainlib/datasets), 300 rounds, depth 4
#   b  synthetic dense 1,000,000 × 28 (bench/gbdt/gen, seed 42), 100 rounds, depth 6
#   c  synthetic one-hot-like 2,100,000 × 61 (bench/gbdt/gen, seed 42), 100 rounds, depth 6
# Usage: bench/gbdt/run.sh [a] [b] [c]   (all three by default)
# Data is generated once into $GBDT_BENCH_DATA (default /tmp/gotrain-gbdt-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
DATA=${GBDT_BENCH_DATA:-${TMPDIR:-/tmp}/gotrain-gbdt-bench}
mkdir -p "$DATA"
go build -o "$DATA/ours" ./bench/gbdt/ours
go build -o "$DATA/gen" ./bench/gbdt/gen
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(a b c)
results="$DATA/results.jsonl"
: > "$results"
for c in "${cases[@]}"; do
  case $c in
    a) args=(--csv trainlib/datasets/UCI_Credit_Card.csv --label default.payment.next.month --drop ID --rounds 300 --depth 4) ;;
    b) [ -f "$DATA/dense.f32" ] || "$DATA/gen" -kind dense -rows 1000000 -out "$DATA/dense.f32"
       args=(--f32 "$DATA/dense.f32" --rounds 100 --depth 6) ;;
    c) [ -f "$DATA/onehot.f32" ] || "$DATA/gen" -kind onehot -rows 2100000 -out "$DATA/onehot.f32"
       args=(--f32 "$DATA/onehot.f32" --rounds 100 --depth 6) ;;
    *) echo "unknown case $c (use a, b or c)" >&2; exit 2 ;;
  esac
  # Go's flag package takes the same --name value spelling.
  echo "{\"case\": \"$c\"}" >> "$results"
  "$DATA/ours" "${args[@]}" --nthread 2 >> "$results"
  "$PY" bench/gbdt/xgb.py "${args[@]}" --nthread 2 >> "$results"
done
"$PY" - "$results" <<'PYEOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"{'case':4} {'impl':14} {'rows':>9} {'feat':>4} {'train s':>8} {'cpu s':>7} {'peak MB':>8}")
i = 0
while i < len(rows):
    case, ours, xgb = rows[i]["case"], rows[i + 1], rows[i + 2]
    for r in (ours, xgb):
        print(f"{case:4} {r['impl']:14} {r['rows']:>9} {r['features']:>4} {r['train_s']:>8.2f} {r['train_cpu_s']:>7.2f} {r['peak_rss_mb']:>8.0f}")
    print(f"{case:4} {'ratio ours/xgb':14} {'':>9} {'':>4} {ours['train_s']/xgb['train_s']:>8.2f} "
          f"{ours['train_cpu_s']/xgb['train_cpu_s']:>7.2f} {ours['peak_rss_mb']/xgb['peak_rss_mb']:>8.2f}")
    i += 3
PYEOF
