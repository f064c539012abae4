#!/usr/bin/env bash
# bench/tune/run.sh — tuning end to end, gotrain against Ray Tune driving
# XGBoost, on the same German-credit-shaped shards (600,000 training and
# 200,000 validation rows, 61 features, made by `gotrain data generate`),
# the same space (eta log-uniform [0.003, 0.3], max_depth 2..6), the same
# trial count and rounds, two CPUs on each side (gotrain: 2 spawned workers
# × 1 CPU, tune's default of two trials per CPU at a time, each spanning
# both workers; Ray: ray.init(num_cpus=2), 1 CPU per trial). Each side's time
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
#        gotrain's searchers over several seeds (no Ray run) and prints a
#        table of each seed's best val-error, the means and the wins.
#        POINTS=shared bench/tune/run.sh  draws SAMPLES configurations
#        once from the seed's space with SEED (tune's random search, eta
#        log-uniform [0.003, 0.3], max_depth 2..6 inclusive), writes them
#        to points.json in the run's folder and has both sides evaluate
#        exactly that list (gotrain's tune.Points, Ray's
#        BasicVariantGenerator(points_to_evaluate=...)); prints each
#        config's val-error on both sides, so best val-error is like for
#        like. Combines with SCHEDULER=asha.
#        ROWS=10000 makes shards of 10,000 rows instead of 100,000 (the
#        same generator and layout, a tenth of the rows).
# Data goes to $TUNE_BENCH_DATA (default /tmp/gotrain-tune-bench, with
# -$ROWS appended when ROWS is not 100000), made once.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
ROWS=${ROWS:-100000}
suffix=""
[ "$ROWS" = 100000 ] || suffix="-$ROWS"
DATA=${TUNE_BENCH_DATA:-${TMPDIR:-/tmp}/gotrain-tune-bench$suffix}
SAMPLES=${1:-10}
ROUNDS=${2:-50}
SEED=${3:-1}
mkdir -p "$DATA"
go build -o "$DATA/gotrain" ./cmd/gotrain
go build -o "$DATA/ours" ./bench/tune/ours
export GOTRAIN_BIN="$DATA/gotrain"
if [ ! -f "$DATA/shards/test_data.csv" ]; then
  "$DATA/gotrain" data generate --out "$DATA/shards" --train-shards 6 --validation-shards 2 --rows-per-shard "$ROWS" --seed 42 >&2
fi
runs=$(mktemp -d "$DATA/runs.XXXXXX")
if [ -n "${SEARCHERS:-}" ]; then
  for s in ${SEEDS:-1 2 3}; do
    for searcher in $SEARCHERS; do
      "$DATA/ours" -data "$DATA/shards" -out "$runs/$searcher-$s" -samples "$SAMPLES" -rounds "$ROUNDS" -seed "$s" \
        -searcher "$searcher" 2>"$runs/$searcher-$s.log" | tee -a "$runs/searchers.jsonl"
    done
  done
  "$PY" - "$runs/searchers.jsonl" <<'PYEOF'
import collections, json, sys
best = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    r = json.loads(line)
    best[r["seed"]][r["searcher"]] = r["best_val_error"]
names = sorted({n for b in best.values() for n in b})
print("| seed | " + " | ".join(f"{n} best val-error" for n in names) + " |")
print("|---:|" + "---:|" * len(names))
for s in sorted(best):
    print(f"| {s} | " + " | ".join(f"{best[s][n]:.5f}" for n in names) + " |")
print("| mean | " + " | ".join(f"{sum(best[s][n] for s in best) / len(best):.5f}" for n in names) + " |")
if len(names) == 2:
    a, b = names
    wins = sum(best[s][b] < best[s][a] for s in best)
    ties = sum(best[s][b] == best[s][a] for s in best)
    print(f"{b} better than {a} on {wins} of {len(best)} seeds ({ties} ties)")
PYEOF
  exit 0
fi
SCHED=${SCHEDULER:-fifo}
ASHA=(-grace "${GRACE:-5}" -reduction "${REDUCTION:-3}")
PTS=()
case "${POINTS:-}" in
  "") ;;
  shared)
    "$DATA/ours" -write-points "$runs/points.json" -samples "$SAMPLES" -seed "$SEED"
    PTS=(-points "$runs/points.json")
    echo "shared points: $runs/points.json" >&2 ;;
  *) echo "POINTS=$POINTS: give POINTS=shared (or leave it unset for each side's own random search)" >&2; exit 2 ;;
esac
echo "scheduler $SCHED; runs in $runs; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
ours=$("$PY" bench/tune/cputime.py "$runs/gotrain.cpu.json" -- "$DATA/ours" -data "$DATA/shards" -out "$runs/gotrain" \
  -samples "$SAMPLES" -rounds "$ROUNDS" -seed "$SEED" -scheduler "$SCHED" "${ASHA[@]}" ${PTS[@]+"${PTS[@]}"} 2>"$runs/gotrain.log")
echo "$ours"
peer=$("$PY" bench/tune/cputime.py "$runs/ray.cpu.json" -- "$PY" bench/tune/ray_tune.py --data "$DATA/shards" --out "$runs/ray" \
  --samples "$SAMPLES" --rounds "$ROUNDS" --seed "$SEED" --scheduler "$SCHED" "${ASHA[@]/#-/--}" ${PTS[@]+"${PTS[@]/#-/--}"} 2>"$runs/ray.log" | tail -1)
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
if o.get("searcher") == "points":
    # Each shared config's final val-error on both sides (rounds done in
    # brackets when a scheduler stopped the trial early).
    def find(trials, pt):
        for t in trials:
            if t["max_depth"] == pt["max_depth"] and abs(t["eta"] - pt["eta"]) <= 1e-12 * pt["eta"]:
                return t
        raise SystemExit(f"config {pt} missing from a side's trials")
    def cell(t):
        return f"{t['val_error']:.5f}" + ("" if t["rounds"] == o_rounds else f" ({t['rounds']} rounds)")
    pts = json.load(open(sys.argv[3] + "/points.json"))
    o_rounds = max(t["rounds"] for t in o["per_trial"])
    print("| # | eta | max_depth | gotrain val-error | XGBoost (Ray) val-error | difference |")
    print("|---:|---:|---:|---:|---:|---:|")
    for i, pt in enumerate(pts):
        a, b = find(o["per_trial"], pt), find(p["per_trial"], pt)
        print(f"| {i} | {pt['eta']:.5f} | {pt['max_depth']} | {cell(a)} | {cell(b)} | {a['val_error'] - b['val_error']:+.5f} |")
PYEOF
