#!/usr/bin/env bash
# bench/tune/run.sh — tuning end to end, gotrain against Ray Tune driving
# XGBoost, on the same German-credit-shaped shards (600,000 training and
# 200,000 validation rows, 61 features, made by `gotrain data generate`),
# the same space (eta log-uniform [0.003, 0.3], max_depth 2..6), the same
# trial count and rounds, two CPUs on each side (gotrain: 2 spawned workers
# × 1 CPU; Ray: ray.init(num_cpus=2), 1 CPU per trial). Each side's time
# covers connect/start, loading the CSV files, tuning and saving the best
# model. Prints both JSON lines, the wall-time ratio and the CPU seconds of
# each side's process tree (bench/tune/cputime.py), which contention from
# other work on the machine changes less than wall time.
#
# Usage: bench/tune/run.sh [SAMPLES [ROUNDS [SEED]]]   (default 10 50 1)
#        SCHEDULER=asha GRACE=5 REDUCTION=3 bench/tune/run.sh  runs both
#        sides with ASHA (gotrain's tune.ASHA, Ray's ASHAScheduler; max_t
#        is ROUNDS); the default is FIFO on both sides.
#        SEARCHERS="random tpe" SEEDS="1 2 3" bench/tune/run.sh  compares
#        gotrain's searchers over several seeds (no Ray run).
# Data goes to $TUNE_BENCH_DATA (default /tmp/gotrain-tune-bench), made once.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
DATA=${TUNE_BENCH_DATA:-${TMPDIR:-/tmp}/gotrain-tune-bench}
SAMPLES=${1:-10}
ROUNDS=${2:-50}
SEED=${3:-1}
mkdir -p "$DATA"
go build -o "$DATA/gotrain" ./cmd/gotrain
go build -o "$DATA/ours" ./bench/tune/ours
export GOTRAIN_BIN="$DATA/gotrain"
if [ ! -f "$DATA/shards/test_data.csv" ]; then
  "$DATA/gotrain" data generate --out "$DATA/shards" --train-shards 6 --validation-shards 2 --rows-per-shard 100000 --seed 42 >&2
fi
runs=$(mktemp -d "$DATA/runs.XXXXXX")
if [ -n "${SEARCHERS:-}" ]; then
  for s in ${SEEDS:-1 2 3}; do
    for searcher in $SEARCHERS; do
      "$DATA/ours" -data "$DATA/shards" -out "$runs/$searcher-$s" -samples "$SAMPLES" -rounds "$ROUNDS" -seed "$s" -searcher "$searcher" 2>/dev/null
    done
  done
  exit 0
fi
SCHED=${SCHEDULER:-fifo}
ASHA=(-grace "${GRACE:-5}" -reduction "${REDUCTION:-3}")
echo "scheduler $SCHED; runs in $runs; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
ours=$("$PY" bench/tune/cputime.py "$runs/gotrain.cpu.json" -- "$DATA/ours" -data "$DATA/shards" -out "$runs/gotrain" \
  -samples "$SAMPLES" -rounds "$ROUNDS" -seed "$SEED" -scheduler "$SCHED" "${ASHA[@]}" 2>"$runs/gotrain.log")
echo "$ours"
peer=$("$PY" bench/tune/cputime.py "$runs/ray.cpu.json" -- "$PY" bench/tune/ray_tune.py --data "$DATA/shards" --out "$runs/ray" \
  --samples "$SAMPLES" --rounds "$ROUNDS" --seed "$SEED" --scheduler "$SCHED" "${ASHA[@]/#-/--}" 2>"$runs/ray.log" | tail -1)
echo "$peer"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$PY" - "$ours" "$peer" "$runs" <<'PYEOF'
import json, sys
o, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
oc = json.load(open(sys.argv[3] + "/gotrain.cpu.json"))["cpu_seconds"]
pc = json.load(open(sys.argv[3] + "/ray.cpu.json"))["cpu_seconds"]
print(f"gotrain {o['seconds']:.1f} s wall, {oc:.1f} CPU s, best val-error {o['best_val_error']:.5f}")
print(f"ray     {p['seconds']:.1f} s wall, {pc:.1f} CPU s, best val-error {p['best_val_error']:.5f}")
print(f"speed-up {p['seconds'] / o['seconds']:.2f}x wall, {pc / oc:.2f}x CPU")
PYEOF
