#!/usr/bin/env bash
# bench/gbdt/run.sh — gotrain, XGBoost hist (xgboost-cpu) and LightGBM (both
# from the pinned .venv) on the same data with the same parameters, 2
# threads, one process per run, in one invocation. Sides alternate within
# each repeat so a drifting load hits them alike; the table shows medians.
#
# Data (bench/gbdt/gen, seed 42, written once into $GBDT_BENCH_DATA):
#   dense   1,000,000 × 28 continuous features (HIGGS-like)
#   onehot  2,100,000 × 61 (7 numeric + 54 one-hot indicators, seed-shaped)
# Modes:
#   boost   features from a raw float32 file; "boost" is boosting alone (end
#           of round 1 to the end, scaled to all rounds: no sketch/binning)
#   e2e     from the CSV file: parse, sketch, bin and boost; "total" is the
#           whole process's work (pandas.read_csv for the peers)
# Depths: 6 (LightGBM num_leaves 63) and 10 (LightGBM num_leaves
# $LEAVES_DEEP, default 255; gotrain and XGBoost grow depthwise).
#
# Settable by environment (defaults in brackets):
#   MODES [boost e2e]  SHAPES [dense onehot]  DEPTHS [6 10]
#   SIDES [ours xgboost lightgbm]  REPEATS [3]  ROUNDS [100]
#   DENSE_ROWS [1000000]  ONEHOT_ROWS [2100000]  LEAVES_DEEP [255]
#   NTHREAD [2]  GBDT_BENCH_DATA [/tmp/gotrain-gbdt-bench]  PYTHON [.venv/bin/python]
# Quick smoke run:
#   REPEATS=1 ROUNDS=5 DENSE_ROWS=20000 ONEHOT_ROWS=20000 bench/gbdt/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
DATA=${GBDT_BENCH_DATA:-${TMPDIR:-/tmp}/gotrain-gbdt-bench}
MODES=${MODES:-boost e2e}
SHAPES=${SHAPES:-dense onehot}
DEPTHS=${DEPTHS:-6 10}
SIDES=${SIDES:-ours xgboost lightgbm}
REPEATS=${REPEATS:-3}
ROUNDS=${ROUNDS:-100}
DENSE_ROWS=${DENSE_ROWS:-1000000}
ONEHOT_ROWS=${ONEHOT_ROWS:-2100000}
LEAVES_DEEP=${LEAVES_DEEP:-255}
NTHREAD=${NTHREAD:-2}
mkdir -p "$DATA"
go build -o "$DATA/ours" ./bench/gbdt/ours
go build -o "$DATA/gen" ./bench/gbdt/gen

# file SHAPE EXT: the data file of a shape (generated on first use).
file() {
  local rows=$DENSE_ROWS
  [ "$1" = onehot ] && rows=$ONEHOT_ROWS
  local f="$DATA/$1-$rows.$2"
  [ -f "$f" ] || "$DATA/gen" -kind "$1" -rows "$rows" -out "$f"
  echo "$f"
}

results="$DATA/results.jsonl"
: > "$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for mode in $MODES; do
  for shape in $SHAPES; do
    case $mode in
      boost) src=(--f32 "$(file "$shape" f32)") ;;
      e2e) src=(--csv "$(file "$shape" csv)" --label label) ;;
      *) echo "unknown mode $mode (use boost or e2e)" >&2; exit 2 ;;
    esac
    for depth in $DEPTHS; do
      leaves=63
      [ "$depth" -gt 6 ] && leaves=$LEAVES_DEEP
      for rep in $(seq "$REPEATS"); do
        for side in $SIDES; do
          args=("${src[@]}" --rounds "$ROUNDS" --depth "$depth" --nthread "$NTHREAD")
          case $side in
            ours) out=$("$DATA/ours" "${args[@]}") ;;
            xgboost | lightgbm) out=$("$PY" bench/gbdt/peers.py --impl "$side" --leaves "$leaves" "${args[@]}") ;;
            *) echo "unknown side $side (use ours, xgboost or lightgbm)" >&2; exit 2 ;;
          esac
          echo "{\"mode\": \"$mode\", \"shape\": \"$shape\", \"depth\": $depth, \"side\": \"$side\", \"leaves\": $leaves, \"run\": $out}" >> "$results"
        done
      done
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $load_before  after: $load_after  (nproc $(nproc); quiet means < 1.5)"
"$PY" - "$results" <<'PYEOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
groups = {}
for r in rows:
    groups.setdefault((r["mode"], r["shape"], r["depth"]), {}).setdefault(r["side"], []).append(r)
print("boost: boosting alone (no sketch/binning); e2e: CSV parse + sketch + bin + boost, whole process")
print(f"{'mode':5} {'shape':6} {'depth':>5} {'side':16} {'runs':>4} {'wall s':>8} {'cpu s':>8} {'s/tree':>7} {'peak MB':>8} {'wall/ours':>9}")
for (mode, shape, depth), sides in groups.items():
    med = {}
    for side, rs in sides.items():
        wall_key, cpu_key = ("boost_s", "boost_cpu_s") if mode == "boost" else ("total_s", "total_cpu_s")
        wall = statistics.median(r["run"][wall_key] for r in rs)
        cpu = statistics.median(r["run"][cpu_key] for r in rs)
        rss = statistics.median(r["run"]["peak_rss_mb"] for r in rs)
        trees = rs[0]["run"]["trees"]
        med[side] = (wall, cpu, rss, trees, rs[0]["run"]["impl"], len(rs))
    ours = med.get("ours", (None,))[0]
    for side, (wall, cpu, rss, trees, impl, n) in med.items():
        ratio = f"{wall / ours:>9.2f}" if ours else f"{'':>9}"
        print(f"{mode:5} {shape:6} {depth:>5} {impl:16} {n:>4} {wall:>8.2f} {cpu:>8.2f} {wall / max(trees, 1):>7.3f} {rss:>8.0f} {ratio}")
PYEOF
