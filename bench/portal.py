#!/usr/bin/env python3
"""Latency of the research portal's pages (issue #11): starts `unkg serve`
on a store, requests every kind of portal page many times, one client at a
time, and prints p50/p95/p99 per page kind in milliseconds (a Markdown
table, as in the README). Loopback only; read-only requests only.

    python3 bench/portal.py --unkg target/release/unkg --store /tmp/ungdc-store --rounds 40

The server is started fresh; the time until it answers (search index
loaded or built) and the first, uncached request of each network are
reported apart, since the pages' percentiles are measured after them.
"""

import argparse
import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

TERMS = ["kazakhstan", "cote d'ivoire", "united", "pal", "resolution 2334", "guterres", "a", "climate"]
ENTITIES = ["id/state/USA", "id/organisation/UN", "id/state/KAZ", "id/state/CIV", "id/organisation/NATO"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, accept="text/html"):
    req = urllib.request.Request(url, headers={"Accept": accept})
    started = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        body = r.read()
        status = r.status
    return (time.perf_counter() - started) * 1000, status, body


def percentile(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--unkg", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--rounds", type=int, default=40, help="requests per page kind")
    args = ap.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    server = subprocess.Popen(
        [args.unkg, "serve", "--store", args.store, "--bind", f"127.0.0.1:{port}", "--base", base],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while True:
            try:
                get(base + "search?q=a", "application/json")
                break
            except Exception:
                if server.poll() is not None:
                    sys.exit("unkg serve exited: " + server.stderr.read())
                time.sleep(0.1)
        print(f"server answering after {time.perf_counter() - started:.1f} s", file=sys.stderr)

        # Speeches to read: the most and least marked-up of a few searches.
        speeches = []
        for term in ["trump", "nazarbayev", "obama", "guterres", "sadykov"]:
            _, _, body = get(base + "search?" + urllib.parse.urlencode({"q": term, "type": "Speech", "limit": 2}), "application/json")
            speeches += [r["iri"] for r in json.loads(body)]
        speeches = speeches or [base]

        # The networks as a visitor asks for them: the page's default, once
        # cold (built at start in the background: wait for it) then cached.
        cold = {}
        for view in ["co-mention", "citations", "delegates"]:
            ms, _, _ = get(base + f"network.json?view={view}", "application/json")
            cold[view] = ms

        kinds = {
            "home": lambda i: base,
            "search (JSON)": lambda i: (base + "search?" + urllib.parse.urlencode({"q": TERMS[i % len(TERMS)]}), "application/json"),
            "search (HTML)": lambda i: base + "search?" + urllib.parse.urlencode({"q": TERMS[i % len(TERMS)]}),
            "entity page": lambda i: base + ENTITIES[i % len(ENTITIES)],
            "entity page, United States": lambda i: base + "id/state/USA",
            # The most acts directed at it (issue #24's "Acts directed at").
            "entity page, United Nations": lambda i: base + "id/organisation/UN",
            "entity page, filtered + paged": lambda i: base + "id/state/USA?" + urllib.parse.urlencode({"year": 1990 + i % 30, "page": 1 + i % 3}),
            "speech reader": lambda i: speeches[i % len(speeches)],
            "network page": lambda i: base + "network",
            "network JSON (default views)": lambda i: (base + "network.json?view=" + ["co-mention", "citations", "delegates"][i % 3], "application/json"),
            "query editor": lambda i: base + "editor",
            "asset (codemirror.js)": lambda i: base + "assets/vendor/codemirror.js",
        }
        rows = []
        for name, make in kinds.items():
            times = []
            for i in range(args.rounds):
                target = make(i)
                url, accept = target if isinstance(target, tuple) else (target, "text/html")
                ms, status, _ = get(url, accept)
                if status != 200:
                    sys.exit(f"{url}: {status}")
                times.append(ms)
            rows.append((name, percentile(times, 50), percentile(times, 95), percentile(times, 99), max(times)))

        print(f"| page ({args.rounds} requests each) | p50 ms | p95 ms | p99 ms | max ms |")
        print("|---|---:|---:|---:|---:|")
        for name, p50, p95, p99, mx in rows:
            print(f"| {name} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {mx:.1f} |")
        print()
        print("first request of each default network (built in the background at start): " +
              ", ".join(f"{v} {ms:.0f} ms" for v, ms in cold.items()))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
