#!/usr/bin/env bash
# One big file next to good speeches: peak memory and time of a build when a
# 60 MB single-line file is refused by --max-file-size (the default, 20M) and
# when it is let in and read window by window.
#
#   bench/bigfile.sh [MB]      (default: 60)
#
# Needs the release binary (cargo build --release) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-60}"
BIN="${UNKG_BIN:-target/release/unkg}"
WORK="$(mktemp -d /tmp/unkg-bigfile.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || { echo "build the binary first: cargo build --release" >&2; exit 1; }

mkdir -p "$WORK/in"
cp data/speeches/*.txt "$WORK/in/"
# The samples' words on one line, repeated: as entity-dense as real speech.
python3 - "$WORK/in/dump.txt" "$MB" <<'PY'
import glob, sys
words = " ".join(" ".join(open(f, encoding="utf-8").read().split()) for f in sorted(glob.glob("data/speeches/*.txt")))
once = "This record joins several statements as they were exported. " * 5 + words + " "
target = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(once * (target // len(once) + 1))
PY

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "date: $(date -u +%Y-%m-%d)   unkg: $($BIN --version)   file: $(stat -c %s "$WORK/in/dump.txt") bytes on one line"
echo
echo "| run | wall s | peak MiB | exit | summary |"
echo "|---|---:|---:|---:|---|"
run() {
  local label="$1"; shift
  set +e
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err"
  local code=$?
  set -e
  read -r wall rss < <(tail -1 "$WORK/time")
  printf "| %s | %.2f | %.0f | %d | %s |\n" "$label" "$wall" "$((rss / 1024))" "$code" "$(grep 'speeches from' "$WORK/err" | tail -1)"
}
run "default --max-file-size (20M)" "$BIN" build --quiet --store "$WORK/a" "$WORK/in"
run "--max-file-size ${MB}M+: read in windows" "$BIN" build --quiet --max-file-size "$((MB + 1))M" --store "$WORK/b" "$WORK/in"
