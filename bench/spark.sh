#!/usr/bin/env bash
# The Spark job's extraction time per core (README, "Spark"): maps each
# corpus with `python -m unkg.spark` at local[1] and local[2], and with
# `unkg extract` (rayon, all cores) for comparison; prints a table row per
# run. Needs a venv with pyspark and this checkout installed (VENV, default
# ~/.cache/unkg/venv-spark) and the release binary (UNKG, default
# target/release/unkg). Output goes to a scratch folder, removed per run.
#   bash bench/spark.sh [CORPUS...]   (default: ../shared/corpus/unsc-2020 ../shared/corpus/ungdc)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-$HOME/.cache/unkg/venv-spark}"
UNKG="${UNKG:-${CARGO_TARGET_DIR:-target}/release/unkg}"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(../shared/corpus/unsc-2020 ../shared/corpus/ungdc)
echo "| corpus | run | speeches | MB | wall s | job s | map CPU s | map CPU s per MB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for corpus in "${corpora[@]}"; do
  name="$(basename "$corpus")"
  mb=$(du -sm --apparent-size "$corpus" | cut -f1)
  for cores in 1 2; do
    start=$(date +%s.%N)
    "$VENV/bin/python" -m unkg.spark --master "local[$cores]" --partitions $((cores * 4)) --input "$corpus" \
      --output "$SCRATCH/out" 2>"$SCRATCH/log" || true
    end=$(date +%s.%N)
    speeches=$(grep -oE '^[0-9]+ speeches' "$SCRATCH/log" | cut -d' ' -f1)
    # The job's own time (plan and job, not the Spark session's start), from its summary.
    job=$(grep -oE '[0-9.]+ s$' "$SCRATCH/log" | tail -1 | cut -d' ' -f1)
    # The workers' processor time in the map step, which other load on the machine does not inflate.
    cpu=$(grep -oE '[0-9.]+ s of CPU' "$SCRATCH/log" | tail -1 | cut -d' ' -f1)
    awk -v c="$name" -v r="spark local[$cores]" -v n="$speeches" -v mb="$mb" -v s="$start" -v e="$end" -v j="$job" -v u="$cpu" \
      'BEGIN { printf "| %s | %s | %s | %d | %.1f | %.1f | %.1f | %.3f |\n", c, r, n, mb, e - s, j, u, u / mb }'
    rm -rf "$SCRATCH/out"
  done
  /usr/bin/time -f "%e %U %S" -o "$SCRATCH/time" "$UNKG" extract --output "$SCRATCH/out" "$corpus" 2>"$SCRATCH/log" || true
  speeches=$(grep -oE '^[0-9]+ speeches' "$SCRATCH/log" | cut -d' ' -f1)
  read -r wall user sys <"$SCRATCH/time"
  awk -v c="$name" -v r="unkg extract ($(nproc) cores)" -v n="$speeches" -v mb="$mb" -v w="$wall" -v u="$user" -v y="$sys" \
    'BEGIN { printf "| %s | %s | %s | %d | %.1f | %.1f | %.1f | %.3f |\n", c, r, n, mb, w, w, u + y, (u + y) / mb }'
  rm -rf "$SCRATCH/out"
done
