#!/bin/sh
# Benchmarks training across worker processes against in-process training
# (see main.go). Workers are internal/workerbin (the code of `gotrain
# worker`) unless GOTRAIN_BIN names a gotrain binary. Extra flags go to the
# benchmark, e.g. ./bench/cluster/run.sh -rows 20000 for a quick look.
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bench" ./bench/cluster
if [ -z "${GOTRAIN_BIN:-}" ]; then
	go build -o "$tmp/gotrain" ./trainlib/cluster/internal/workerbin
	GOTRAIN_BIN="$tmp/gotrain"
	export GOTRAIN_BIN
fi
exec "$tmp/bench" "$@"
