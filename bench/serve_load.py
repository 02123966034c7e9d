#!/usr/bin/env python3
"""Load test for `unkg serve`, over loopback only, bounded in count and time.

A fixed number of concurrent clients send SPARQL queries (cheap ones, and
the canned queries of queries/, some of them expensive, by GET, POST and
form POST) and resource requests, until --requests have been sent or
--seconds have passed, whichever comes first. Prints throughput and latency
percentiles, the 503 answers (allowed: the server is at its cap), the peak
memory of the server and its query workers when --pid names the server, and
whether the server answers normally afterwards. Exits 1 if any request failed
with anything other than 503, or if the server does not answer afterwards.

    python3 bench/serve_load.py --url http://127.0.0.1:7878/ --requests 2000 --concurrency 16
    python3 bench/serve_load.py --url http://127.0.0.1:7878/ --requests 1000000 --seconds 60 \\
        --concurrency 32 --pid "$(pgrep -f 'unkg serve')"
"""

import argparse
import concurrent.futures
import itertools
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

CHEAP = [
    "SELECT ?s ?label WHERE { ?s a unkg:Speech ; rdfs:label ?label } LIMIT 50",
    "ASK { ?s unkg:speaker ?p }",
    "SELECT ?state ?label WHERE { ?state a unkg:State ; skos:prefLabel ?label } LIMIT 20",
]
HERE = os.path.dirname(os.path.abspath(__file__))


def canned(folder):
    """The canned queries, by file name."""
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".rq"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out.append((name, f.read()))
    return out


def requests_cycle(base, canned_queries):
    """An endless cycle of requests: (class, method, url, body, accept)."""
    host = urllib.parse.urlsplit(base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"refusing to load-test {host}: loopback only")
    plan = []
    for i, q in enumerate(CHEAP):
        plan.append(("cheap", "GET", base + "sparql?" + urllib.parse.urlencode({"query": q}), None, "application/sparql-results+json"))
        plan.append(("cheap", "POST", base + "sparql", ("application/sparql-query", q.encode()), "text/csv"))
    for name, q in canned_queries:
        body = urllib.parse.urlencode({"query": q}).encode()
        plan.append((name, "POST", base + "sparql", ("application/x-www-form-urlencoded", body), "application/sparql-results+xml"))
    for path in ["id/state/FRA", "void", "sparql", "id/state/USA"]:
        plan.append(("resource", "GET", base + path, None, "text/turtle"))
    return itertools.cycle(plan)


def one(req):
    kind, method, url, body, accept = req
    headers = {"Accept": accept}
    data = None
    if body:
        headers["Content-Type"] = body[0]
        data = body[1]
    start = time.perf_counter()
    try:
        r = urllib.request.Request(url, data=data, headers=headers, method=method)
        with urllib.request.urlopen(r, timeout=120) as resp:
            resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception as e:  # connection refused, reset, timeout
        status = repr(e)
    return kind, status, time.perf_counter() - start


def resident_mib(pid):
    """Resident memory of pid and of its children (the query workers), MiB."""
    def rss(p):
        try:
            with open(f"/proc/{p}/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            return 0

    def children(p):
        out = []
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    out.extend(int(c) for c in f.read().split())
        except OSError:
            pass
        return out

    kids = children(pid)
    return rss(pid) / 2**20, sum(rss(k) for k in kids) / 2**20


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:7878/")
    ap.add_argument("--requests", type=int, default=2000, help="send at most this many requests")
    ap.add_argument("--seconds", type=float, default=600, help="and stop sending after this long")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--queries", default=os.path.join(HERE, "..", "queries"), help="the canned queries' folder")
    ap.add_argument("--pid", type=int, help="the server's process id, to sample its memory and its workers'")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    base = args.url if args.url.endswith("/") else args.url + "/"
    plan = requests_cycle(base, canned(args.queries))
    lock = threading.Lock()
    sent = [0]
    start = time.perf_counter()
    stop_at = start + args.seconds

    def next_request():
        with lock:
            if sent[0] >= args.requests or time.perf_counter() >= stop_at:
                return None
            sent[0] += 1
            return next(plan)

    def client():
        out = []
        while (req := next_request()) is not None:
            out.append(one(req))
        return out

    peak = {"server": 0.0, "workers": 0.0, "total": 0.0}
    sampling = threading.Event()

    def sample():
        while not sampling.wait(0.2):
            server, workers = resident_mib(args.pid)
            peak["server"] = max(peak["server"], server)
            peak["workers"] = max(peak["workers"], workers)
            peak["total"] = max(peak["total"], server + workers)

    sampler = threading.Thread(target=sample, daemon=True)
    if args.pid:
        sampler.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = [r for rs in pool.map(lambda _: client(), range(args.concurrency)) for r in rs]
    elapsed = time.perf_counter() - start
    sampling.set()

    # The server must answer normally once the load is gone.
    after = one(("after", "GET", base + "sparql?" + urllib.parse.urlencode({"query": CHEAP[0]}), None, "text/csv"))

    lat = sorted(r[2] for r in results)
    busy = [r for r in results if r[1] == 503]
    failed = [r for r in results if r[1] not in (200, 503)]
    figures = {
        "requests": len(results),
        "concurrency": args.concurrency,
        "failed": len(failed),
        "busy_503": len(busy),
        "seconds": round(elapsed, 3),
        "throughput_rps": round(len(results) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(lat, 50) * 1000, 2),
        "p95_ms": round(percentile(lat, 95) * 1000, 2),
        "p99_ms": round(percentile(lat, 99) * 1000, 2),
        "max_ms": round(lat[-1] * 1000, 2) if lat else 0.0,
        "after_status": after[1],
        "after_ms": round(after[2] * 1000, 2),
    }
    if args.pid:
        figures.update({f"peak_{k}_mib": round(v, 1) for k, v in peak.items()})
    by_kind = {}
    for kind, status, seconds in results:
        by_kind.setdefault(kind, []).append((status, seconds))
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['requests']} requests, {figures['concurrency']} concurrent, {figures['failed']} failed, "
              f"{figures['busy_503']} busy (503), {figures['seconds']} s: {figures['throughput_rps']} requests/s; "
              f"latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, "
              f"max {figures['max_ms']} ms")
        for kind in sorted(by_kind):
            rows = by_kind[kind]
            times = sorted(s for _, s in rows)
            n503 = sum(1 for st, _ in rows if st == 503)
            print(f"  {kind:34} {len(rows):6} requests, p50 {percentile(times, 50) * 1000:8.1f} ms, "
                  f"p95 {percentile(times, 95) * 1000:8.1f} ms, {n503} busy")
        if args.pid:
            print(f"peak memory: server {peak['server']:.0f} MiB, query workers {peak['workers']:.0f} MiB, "
                  f"together {peak['total']:.0f} MiB")
        print(f"afterwards: {after[1]} in {figures['after_ms']} ms")
    for f in failed[:10]:
        print(f"failed: {f[1]} {f[0]}", file=sys.stderr)
    return 1 if failed or after[1] != 200 else 0


if __name__ == "__main__":
    sys.exit(main())
