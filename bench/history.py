#!/usr/bin/env python3
"""Counts over a General Debate store that tell whether names are read as of
each speech's date: mentions of former states, states mentioned before they
existed, General Assembly and ECOSOC resolutions found.

    python3 bench/history.py --bin target/release/unkg --corpus ../shared/corpus/ungdc [--store DIR]

Builds the store unless --store names one already built. "Before they
existed" compares each General Debate speech's session opening date
(data/ga_sessions.csv) with the state's start (data/states.csv); it is read
from the tables of this checkout, so an older binary is judged by today's
facts.
"""
import argparse
import collections
import csv
import io
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")


def query(binary, store, text):
    out = subprocess.run([binary, "query", "--store", store, "--format", "csv", "-e", text],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--store")
    args = ap.parse_args()
    store = args.store or os.path.join(tempfile.mkdtemp(prefix="unkg-history-"), "store")
    if not os.path.exists(os.path.join(store, "CURRENT")):
        subprocess.run([args.bin, "build", "--quiet", "--store", store, args.corpus], check=False)

    starts = {r["alpha3"]: r.get("start", "") for r in csv.DictReader(open(os.path.join(DATA, "states.csv"), encoding="utf-8"))}
    opening = {int(r["session"]): r["opening_date"] for r in csv.DictReader(open(os.path.join(DATA, "ga_sessions.csv"), encoding="utf-8"))
               if r["kind"] == "regular"}

    rows = query(args.bin, store, """
        SELECT ?file ?code (COUNT(?m) AS ?n) WHERE {
          ?s unkg:sourceFile ?file . ?m nif:referenceContext ?s ; itsrdf:taIdentRef ?e .
          ?e unkg:iso3166Alpha3 ?code } GROUP BY ?file ?code""")
    per_state = collections.Counter()
    before = collections.Counter()
    for r in rows:
        n = int(r["n"])
        per_state[r["code"]] += n
        parts = r["file"].rsplit(".", 1)[0].split("_")
        if len(parts) != 3 or not parts[1].isdigit():
            continue
        date = opening.get(int(parts[1]), parts[2])
        start = starts.get(r["code"], "")
        if start and date < start:
            before[r["code"]] += n
    docs = query(args.bin, store, """
        SELECT ?symbol (COUNT(?m) AS ?n) WHERE {
          ?m itsrdf:taIdentRef ?d . ?d a unkg:Document ; unkg:symbol ?symbol
          FILTER (STRSTARTS(?symbol, "A/RES/") || STRSTARTS(?symbol, "E/RES/")) } GROUP BY ?symbol""")
    ga = sum(int(d["n"]) for d in docs if d["symbol"].startswith("A/RES/"))
    ecosoc = sum(int(d["n"]) for d in docs if d["symbol"].startswith("E/RES/"))
    roman = sum(int(d["n"]) for d in docs if d["symbol"].endswith(")"))
    print(f"store: {store}")
    for code in ["SUN", "YUG", "CSK", "DDR", "YMD", "SCG"]:
        print(f"mentions of {code}: {per_state[code]}")
    print(f"state mentions before the state existed: {sum(before.values())} "
          f"(top: {', '.join(f'{c} {n}' for c, n in before.most_common(8))})")
    print(f"General Assembly resolution mentions: {ga} ({len([d for d in docs if d['symbol'].startswith('A/RES/')])} resolutions), "
          f"of which Roman-numeral sessions: {roman}; ECOSOC: {ecosoc}")


if __name__ == "__main__":
    sys.exit(main())
