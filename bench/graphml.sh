#!/usr/bin/env bash
# Benchmark: `unkg graphml --view co-mention` on the whole unsc-2020 and
# ungdc stores. Builds the stores once (ungdc takes ~2 minutes) into
# $BENCH_DIR and reuses them; prints one line per corpus with the
# wall-clock time, nodes and edges. Usage: bench/graphml.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
BENCH_DIR="${BENCH_DIR:-/tmp/unkg-bench}"
SHARED="../shared/corpus"
cargo build --release --quiet
UNKG=target/release/unkg
mkdir -p "$BENCH_DIR"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%F)"
for corpus in unsc-2020 ungdc; do
  if [ ! -d "$SHARED/$corpus" ]; then
    echo "$corpus: skipped ($SHARED/$corpus is absent)"
    continue
  fi
  store="$BENCH_DIR/$corpus"
  if [ ! -f "$store/CURRENT" ]; then
    echo "$corpus: building the store in $store (once)"
    "$UNKG" build --quiet --store "$store" "$SHARED/$corpus" 2>&1 | tail -1
  fi
  out="$BENCH_DIR/$corpus-co-mention.graphml"
  best=""
  for run in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    summary=$("$UNKG" graphml --store "$store" --view co-mention -o "$out" 2>&1)
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then best=$secs; fi
  done
  printf '%s: best of %s runs %.2f s; %s; %s MB\n' "$corpus" "$RUNS" "$best" "${summary%% written*}" "$(( $(stat -c %s "$out") / 1000000 ))"
done
