#!/usr/bin/env python3
"""Every development score in one run, with part of the data held out.

The hand annotations in ../shared/eval are split once, by position, into a
half to develop on and a half kept aside (even-numbered speeches develop,
odd-numbered ones are held out), so that the score of the held-out half
estimates what unseen speeches will get. Rules are built from the
development half and the guidelines; the held-out half is only scored.

    python3 bench/dev_scores.py [--bin target/release/unkg] [--eval ../shared/eval]
                                [--corpus ../shared/corpus] [--only acts|entities]
                                [--verbose]

Prints one table per scorer run (the scorers' own output) under a heading
naming the set and the half.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def halves(path):
    """The development and held-out halves of an annotation file."""
    data = json.load(open(path))
    speeches = data["speeches"]
    dev = dict(data, speeches=speeches[0::2])
    held = dict(data, speeches=speeches[1::2])
    return dev, held


def score(scorer, gold, args, extra=(), corpus=None):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(gold, f)
        path = f.name
    try:
        cmd = [sys.executable, os.path.join(args.eval, scorer), "--gold", path, "--corpus", corpus or args.corpus, "--bin", args.bin, *extra]
        if args.verbose:
            cmd.append("--verbose")
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        return out.stdout + out.stderr
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    ap.add_argument("--bin", default=os.path.join(target, "release", "unkg"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--only", choices=["acts", "entities"])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)
    ev = args.eval

    runs = []
    if args.only in (None, "acts"):
        runs.append(("acts: dev-acts.json (all, development)", "score_acts.py", json.load(open(os.path.join(ev, "dev-acts.json"))), ()))
        dev, held = halves(os.path.join(ev, "dev-acts-2.json"))
        runs.append(("acts: dev-acts-2.json, development half", "score_acts.py", dev, ()))
        runs.append(("acts: dev-acts-2.json, HELD-OUT half", "score_acts.py", held, ()))
    if args.only in (None, "entities"):
        # The samples' annotations name their files without a folder.
        runs.append(("entities: dev-gold.json (all, development)", "score.py", json.load(open(os.path.join(ev, "dev-gold.json"))), (), os.path.join(args.corpus, "samples")))
        for name, aliases in [("dev-gold-2020.json", "dev-aliases-2020.json"), ("dev-gold-hist.json", "dev-aliases-hist.json")]:
            extra = ("--aliases", os.path.join(ev, aliases))
            runs.append((f"entities: {name} (all, development)", "score.py", json.load(open(os.path.join(ev, name))), extra))
        dev, held = halves(os.path.join(ev, "dev-events-hist.json"))
        extra = ("--aliases", os.path.join(ev, "dev-aliases-events-hist.json"))
        runs.append(("events: dev-events-hist.json, development half (read the Event row)", "score.py", dev, extra))
        runs.append(("events: dev-events-hist.json, HELD-OUT half (read the Event row)", "score.py", held, extra))
    for title, scorer, gold, extra, *corpus in runs:
        print(f"== {title}: {len(gold['speeches'])} speeches")
        print(score(scorer, gold, args, extra, *corpus))


if __name__ == "__main__":
    main()
