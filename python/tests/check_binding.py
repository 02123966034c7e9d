"""Checks the Python binding against the command line's output (run by
tests/python.rs after `pip install .` into a fresh venv).

    python check_binding.py SAMPLES MENTIONS_CSV PART_FILE STORE

SAMPLES: the sample speeches; MENTIONS_CSV: `unkg query --format csv
queries/mentions.rq` over STORE, which `unkg build SAMPLES` made; PART_FILE:
what `unkg extract SAMPLES` wrote. Prints a line per check; exits 1 on the
first that fails.
"""

import collections
import csv
import os
import sys
import tempfile

import unkg


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def check_mentions(pipeline, samples, mentions_csv):
    """The README's example gives, per speech, the entities, types and labels
    that mentions.rq gives."""
    cli = collections.defaultdict(set)
    labels = collections.defaultdict(set)
    with open(mentions_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cli[row["file"]].add((row["entity"], row["type"]))
            labels[row["entity"]].add(row["label"])
    files = sorted(n for n in os.listdir(samples) if n.endswith(".txt"))
    for name in files:
        path = os.path.join(samples, name)
        mentions = pipeline.mentions(path)
        ours = {(m["entity"], m["type"]) for m in mentions}
        if ours != cli[name]:
            fail(f"{name}: mentions differ: only in Python {sorted(ours - cli[name])[:5]}, only in the CLI {sorted(cli[name] - ours)[:5]}")
        text = open(path, encoding="utf-8-sig").read()
        for m in mentions:
            if m["label"] not in labels[m["entity"]]:
                fail(f"{name}: label {m['label']!r} of {m['entity']} is none the store has: {labels[m['entity']]}")
            if text[m["begin"]:m["end"]] != m["quote"]:
                fail(f"{name}: quote {m['quote']!r} is not the text at {m['begin']}..{m['end']}")
        for a in pipeline.acts(path):
            if text[a["begin"]:a["end"]] != a["quote"] or not a["kind"]:
                fail(f"{name}: act {a} does not quote its sentence")
    print(f"ok: mentions of {len(files)} speeches are those of mentions.rq ({sum(len(v) for v in cli.values())} entity-type pairs)")


def check_extract(pipeline, samples, part_file):
    """extract gives the quads `unkg extract` writes."""
    ours = set()
    for name in sorted(os.listdir(samples)):
        if name.endswith(".txt"):
            ours.update(l for l in pipeline.extract(os.path.join(samples, name)).splitlines() if l and not l.startswith("#"))
    with open(part_file, encoding="utf-8") as f:
        cli = {l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")}
    if ours != cli:
        fail(f"extract differs from unkg extract: {len(ours - cli)} lines only in Python, {len(cli - ours)} only in the CLI")
    print(f"ok: extract gives the {len(cli)} quads of unkg extract")


def check_bad_input(pipeline):
    """Bad input raises UnkgError with file and line, or, in a mapper, fails
    its record alone."""
    try:
        pipeline.extract(b"Mr. X (France): one\n\0", name="binary.txt")
        fail("a binary speech raised nothing")
    except unkg.UnkgError as e:
        if not str(e).startswith("binary.txt:2: expected text"):
            fail(f"a binary speech raised {e}")
    mapper = pipeline.mapper()
    with tempfile.TemporaryDirectory() as tmp:
        huge = os.path.join(tmp, "huge.txt")
        with open(huge, "wb") as f:
            f.truncate(30 << 20)
        text, warnings, error = mapper.map_file(huge)
        if error is None or "over the maximum file size" not in error or not text.startswith("# unkg error: "):
            fail(f"a 30 MB file was not refused alone: {error!r}")
    text, warnings, error = mapper.map_bytes("cp1252.txt", b"Mr. Michon (France): C\xf4te d\x92Ivoire.")
    if error is not None or not any("Windows-1252" in w for w in warnings) or "Côte d’Ivoire" not in text:
        fail(f"invalid UTF-8 was not read as Windows-1252 with a warning: {error!r} {warnings}")
    print("ok: bad input raises UnkgError (file:line), or fails its record alone in a mapper")


def check_store(store, mentions_csv):
    """pyoxigraph opens the store unkg built, read-only, and answers
    mentions.rq as unkg query does."""
    try:
        import pyoxigraph
    except ImportError:
        print("skipped: pyoxigraph is not installed (pip install pyoxigraph)")
        return
    kg = unkg.open_store(store)
    query = open(os.path.join(os.path.dirname(__file__), "..", "..", "queries", "mentions.rq"), encoding="utf-8").read()
    rows = set()
    for solution in kg.query(query, use_default_graph_as_union=True):
        rows.add(tuple(solution[v].value if solution[v] is not None else "" for v in ("file", "type", "entity", "label", "code")))
    with open(mentions_csv, newline="", encoding="utf-8") as f:
        cli = {(r["file"], r["type"], r["entity"], r["label"], r["code"]) for r in csv.DictReader(f)}
    if rows != cli:
        fail(f"pyoxigraph answers mentions.rq with {len(rows)} rows, unkg query with {len(cli)}")
    print(f"ok: pyoxigraph {pyoxigraph.__version__} opens the store read-only and answers mentions.rq as unkg query ({len(rows)} rows)")


def main():
    samples, mentions_csv, part_file, store = sys.argv[1:5]
    pipeline = unkg.Pipeline()
    check_mentions(pipeline, samples, mentions_csv)
    check_extract(pipeline, samples, part_file)
    check_bad_input(pipeline)
    check_store(store, mentions_csv)


if __name__ == "__main__":
    main()
