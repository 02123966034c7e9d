#!/usr/bin/env bash
# Speech acts per kind over whole corpora, for two builds of unkg side by
# side (before and after a change to the rules): acts, acts with an entity
# target, speeches performing the kind; then ten acts drawn at random (fixed
# seed) from the second build's ungdc store with their evidence, to be read
# and marked by hand.
#
#   bench/acts_counts.sh OLD_BIN NEW_BIN [CORPUS_DIR...]
#
# Default corpora: ../shared/corpus/unsc-2020/speeches and ../shared/corpus/ungdc.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="$1"; NEW="$2"; shift 2
CORPORA=("$@")
[ ${#CORPORA[@]} -gt 0 ] || CORPORA=(../shared/corpus/unsc-2020/speeches ../shared/corpus/ungdc)
WORK="$(mktemp -d /tmp/unkg-acts.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
COUNTS='PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?kind (COUNT(?act) AS ?acts) (COUNT(?target) AS ?with_target) (COUNT(DISTINCT ?speech) AS ?speeches) WHERE {
  ?speech unkg:performs ?act . ?act unkg:actKind ?kind .
  OPTIONAL { SELECT ?act (SAMPLE(?o) AS ?target) WHERE { ?act schema:object ?o } GROUP BY ?act }
} GROUP BY ?kind ORDER BY DESC(?acts)'
for corpus in "${CORPORA[@]}"; do
  for bin in "$OLD" "$NEW"; do
    store="$WORK/$(basename "$corpus")-$(basename "$bin")"
    "$bin" build --quiet --store "$store" "$corpus" >/dev/null 2>&1 || true
    echo "== $corpus with $bin"
    "$bin" query --store "$store" -e "$COUNTS"
  done
done
last="$WORK/$(basename "${CORPORA[-1]}")-$(basename "$NEW")"
echo "== ten acts at random from $last"
"$NEW" query --store "$last" --format tsv -e 'PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?file ?act ?kind ?target ?evidence WHERE {
  ?speech unkg:sourceFile ?file ; unkg:performs ?act . ?act unkg:actKind ?kind ; unkg:evidence/nif:anchorOf ?evidence .
  OPTIONAL { ?act schema:object ?o . OPTIONAL { ?o skos:prefLabel ?l } OPTIONAL { ?o schema:location/skos:prefLabel ?pl } }
  BIND(COALESCE(?l, ?pl, "-") AS ?target)
}' | tail -n +2 | python3 -c '
import random, sys
rows = sys.stdin.read().splitlines()
random.seed(24)
for r in sorted(random.sample(rows, min(10, len(rows)))):
    print(r[:600])'
