#!/usr/bin/env bash
# Build benchmark: builds the General Debate corpus (and unsc-2020) into
# fresh stores and reports wall time, CPU time, peak memory and rates, the
# rebuild of an unchanged corpus, the change of one speech, every canned
# query, and how the build time grows with the corpus.
#
#   bench/build.sh [SHARED_DIR]      (default: ../shared)
#
# Needs the release binary (cargo build --release) and GNU time. For the
# spaCy reference row: UNKG_SPACY_PYTHON (a python with spaCy) and
# UNKG_SPACY_MODEL (default en_core_web_sm; a package name or model folder).
#
# Then unkg against the store's own loader, per corpus: a fresh build
# against pyoxigraph's bulk_load + optimize of unkg's own N-Quads dump of
# the same store (UNKG_PYOXIGRAPH_PYTHON: a python with pyoxigraph), a
# rebuild after every speech changed against a fresh build, `unkg stats`,
# `unkg export` against pyoxigraph's dump, and store sizes.
# UNKG_BENCH_CORPORA picks the corpora (default "unsc-2020 ungdc");
# UNKG_BENCH_VERSUS_ONLY=1 runs this part alone.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"
BIN="${UNKG_BIN:-target/release/unkg}"
UNGDC="$SHARED/corpus/ungdc"
UNSC="$SHARED/corpus/unsc-2020"
WORK="$(mktemp -d /tmp/unkg-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || { echo "build the binary first: cargo build --release" >&2; exit 1; }
[ -d "$UNGDC" ] || { echo "no corpus at $UNGDC" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "date: $(date -u +%Y-%m-%d)   unkg: $($BIN --version)"
echo

# run LABEL CMD...: one timed run; prints a table row and leaves the
# build summary in $WORK/last.err.
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/last.err"
  read -r wall user sys rss < "$WORK/time"
  local summary speeches quads mb
  summary="$(grep -E 'speeches from' "$WORK/last.err" | tail -1 || true)"
  speeches="$(sed -nE 's/^([0-9]+) speeches.*/\1/p' <<<"$summary")"
  mb="${RUN_MB:-$(sed -nE 's/.*; ([0-9.]+) MB in.*/\1/p' <<<"$summary")}"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="${speeches:-0}" -v q="${quads:-0}" -v m="${mb:-0}" 'BEGIN {
    printf "| %-34s | %7.2f | %7.2f | %8.0f | %9.0f | %7.2f | %10.0f |\n", l, w, u + s, r / 1024, (w > 0 ? n / w : 0), (w > 0 ? m / w : 0), (w > 0 ? q / w : 0) }'
}

# subset N: a copy of ungdc's layout holding every N-th speech (as links).
subset() {
  local n="$1" dir="$WORK/ungdc-1-of-$1"
  mkdir -p "$dir/TXT"
  ln -s "$(realpath "$UNGDC/Speakers_by_session.csv")" "$dir/Speakers_by_session.csv"
  find "$UNGDC/TXT" -name '*.txt' | sort | awk -v n="$n" 'NR % n == 0' | while read -r f; do
    local session; session="$(basename "$(dirname "$f")")"
    mkdir -p "$dir/TXT/$session"
    ln -s "$(realpath "$f")" "$dir/TXT/$session/"
  done
  echo "$dir"
}

versus() {
  local name="$1" corpus="$SHARED/corpus/$1" py="${UNKG_PYOXIGRAPH_PYTHON:-python3}" dir="$WORK/versus-$1"
  mkdir -p "$dir"
  # A copy of the corpus whose every speech file can be changed.
  cp -r "$(realpath "$corpus")" "$dir/in"
  timed() { /usr/bin/time -f "%e" -o "$dir/t" "$@" >/dev/null 2>"$dir/err"; cat "$dir/t"; }
  local fresh export stats py_load py_dump rebuild fresh2
  fresh="$(timed "$BIN" build --quiet --store "$dir/store" "$dir/in")"
  stats="$(timed "$BIN" stats --store "$dir/store")"
  export="$(/usr/bin/time -f "%e" -o "$dir/t" "$BIN" export --store "$dir/store" --format nquads > "$dir/dump.nq"; cat "$dir/t")"
  local dumped; dumped="$(wc -l < "$dir/dump.nq")"
  py_load="$(timed "$py" -c "import pyoxigraph as o, sys; s = o.Store(sys.argv[1]); s.bulk_load(path=sys.argv[2], format=o.RdfFormat.N_QUADS); s.optimize()" "$dir/py" "$dir/dump.nq")"
  py_dump="$(timed "$py" -c "import pyoxigraph as o, sys; o.Store.read_only(sys.argv[1]).dump(output=sys.argv[2], format=o.RdfFormat.N_QUADS)" "$dir/py" "$dir/py.nq")"
  local unkg_bytes py_bytes
  unkg_bytes="$(du -sb --exclude=unkg-search "$dir/store" | cut -f1)"
  py_bytes="$(du -sb "$dir/py" | cut -f1)"
  find "$dir/in" -name '*.txt' -print0 | xargs -0 -I{} sh -c 'echo "We thank the Secretary-General for the benchmark." >> "{}"'
  rebuild="$(timed "$BIN" build --quiet --store "$dir/store" "$dir/in")"
  local way; way="$(grep -oE 'quads loaded (in place|into a new store, swapped in)' "$dir/err" | tail -1)"
  fresh2="$(timed "$BIN" build --quiet --store "$dir/fresh2" "$dir/in")"
  awk -v n="$name" -v f="$fresh" -v l="$py_load" -v r="$rebuild" -v f2="$fresh2" -v st="$stats" -v e="$export" -v d="$py_dump" \
      -v ub="$unkg_bytes" -v pb="$py_bytes" -v q="$dumped" -v way="$way" 'BEGIN {
    printf "| %s | %.2f | %.2f | **%.2fx** | %.2f (%s) | %.2f | **%.2fx** | %.2f | %.2f | %.2f | **%.2fx** | %.0f MB, %.0f B/quad | %.0f MB, %.0f B/quad |\n",
      n, f, l, f / l, r, way, f2, r / f2, st, e, d, e / d, ub / 1e6, ub / q, pb / 1e6, pb / q }'
  rm -rf "$dir"
}

echo "| corpus | unkg build, fresh s | pyoxigraph bulk_load + optimize of its dump s | ratio | rebuild, every speech changed s | fresh build of the changed corpus s | ratio | unkg stats s | unkg export s | pyoxigraph dump s | ratio | unkg store | pyoxigraph store |"
echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
for corpus in ${UNKG_BENCH_CORPORA:-unsc-2020 ungdc}; do
  versus "$corpus"
done
echo
[ -n "${UNKG_BENCH_VERSUS_ONLY:-}" ] && exit 0

echo "| run | wall s | CPU s | peak MiB | speeches/s | MB/s | triples/s |"
echo "|---|---:|---:|---:|---:|---:|---:|"
CORPUS_MB="$(find "$UNGDC/TXT" -name '*.txt' -print0 | du -cb --files0-from=- | awk 'END { printf "%.2f", $1 / 1e6 }')"
RUN_MB="$CORPUS_MB" run "read ungdc (cat > /dev/null)" sh -c "find '$UNGDC/TXT' -name '*.txt' -print0 | xargs -0 cat > /dev/null"
run "build unsc-2020, fresh store" "$BIN" build --quiet --store "$WORK/unsc" "$UNSC"
run "build ungdc, fresh store" "$BIN" build --quiet --store "$WORK/gd" "$UNGDC"
run "rebuild ungdc, nothing changed" "$BIN" build --quiet --store "$WORK/gd" "$UNGDC"

# One changed speech: a copy of the corpus as links, one file a real copy.
mkdir -p "$WORK/gd-edit"
cp -rs "$(realpath "$UNGDC")/." "$WORK/gd-edit/"
victim="$(find "$WORK/gd-edit/TXT" -name '*.txt' | sort | awk 'NR == 1')"
cp --remove-destination "$(readlink -f "$victim")" "$victim"
"$BIN" build --quiet --store "$WORK/gd-edit-store" "$WORK/gd-edit" 2>/dev/null
# The first write after a fresh bulk build waits for RocksDB to finish
# compacting that build in the background; later ones do not.
echo "A sentence added for the benchmark." >> "$victim"
run "rebuild ungdc, one speech changed (1st)" "$BIN" build --quiet --store "$WORK/gd-edit-store" "$WORK/gd-edit"
echo "Another sentence added for the benchmark." >> "$victim"
run "rebuild ungdc, one speech changed (2nd)" "$BIN" build --quiet --store "$WORK/gd-edit-store" "$WORK/gd-edit"
rm -rf "$WORK/gd-edit" "$WORK/gd-edit-store"

for n in 8 4 2; do
  dir="$(subset "$n")"
  run "build 1/$n of ungdc, fresh store" "$BIN" build --quiet --store "$WORK/gd-$n" "$dir"
  rm -rf "$WORK/gd-$n" "$dir"
done

# spaCy's small English model (UNKG_SPACY_MODEL: a package name or a model
# folder) over 1 MB of the same text, as the reference point.
if [ -n "${UNKG_SPACY_PYTHON:-}" ]; then
  # Folder names hold spaces: NUL-separated all the way.
  find "$UNGDC/TXT" -name '*.txt' -print0 | sort -z | tail -z -n 200 | xargs -0 cat 2>/dev/null | head -c 1000000 > "$WORK/sample.txt" || true
  RUN_MB=1 run "spaCy en_core_web_sm, 1 MB of ungdc" "$UNKG_SPACY_PYTHON" -c "import spacy,sys; nlp=spacy.load(sys.argv[2]); [d.ents for d in nlp.pipe(open(sys.argv[1]).read().split('\n\n'))]" "$WORK/sample.txt" "${UNKG_SPACY_MODEL:-en_core_web_sm}"
else
  echo "| spaCy en_core_web_sm | (set UNKG_SPACY_PYTHON to a python with spaCy to measure) | | | | | |"
fi

echo
echo "| canned query on the ungdc store | wall s | rows |"
echo "|---|---:|---:|"
for q in queries/*.rq; do
  /usr/bin/time -f "%e" -o "$WORK/time" "$BIN" query --store "$WORK/gd" --format csv "$q" > "$WORK/rows" 2>/dev/null
  printf "| %s | %s | %s |\n" "$(basename "$q")" "$(cat "$WORK/time")" "$(($(wc -l < "$WORK/rows") - 1))"
done
