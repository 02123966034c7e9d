#!/usr/bin/env python3
"""Load test for `unkg serve`: a bounded number of SPARQL and dereferencing
requests from this (second) process, over loopback only, with a fixed number
of concurrent clients. Prints throughput and latency percentiles; exits 1 if
any request failed.

    python3 bench/serve_load.py --url http://127.0.0.1:7878/ --requests 2000 --concurrency 16
"""

import argparse
import concurrent.futures
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

QUERIES = [
    "SELECT ?s ?label WHERE { ?s a unkg:Speech ; rdfs:label ?label } LIMIT 50",
    "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?e } GROUP BY ?e ORDER BY DESC(?n) LIMIT 10",
    "ASK { ?s a unkg:Mention }",
    "SELECT ?state ?label WHERE { ?state a unkg:State ; skos:prefLabel ?label } LIMIT 20",
]


def request_list(base, n):
    """n requests, cycling over SPARQL queries (GET and POST) and resource pages."""
    host = urllib.parse.urlsplit(base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"refusing to load-test {host}: loopback only")
    resources = ["id/state/FRA", "void", "sparql"]
    out = []
    for i in range(n):
        kind = i % 4
        q = QUERIES[i % len(QUERIES)]
        if kind == 0:
            out.append(("GET", base + "sparql?" + urllib.parse.urlencode({"query": q}), None, "application/sparql-results+json"))
        elif kind == 1:
            out.append(("POST", base + "sparql", ("application/sparql-query", q.encode()), "text/csv"))
        elif kind == 2:
            body = urllib.parse.urlencode({"query": q}).encode()
            out.append(("POST", base + "sparql", ("application/x-www-form-urlencoded", body), "application/sparql-results+xml"))
        else:
            out.append(("GET", base + resources[i % len(resources)], None, "text/turtle"))
    return out


def one(req):
    method, url, body, accept = req
    headers = {"Accept": accept}
    data = None
    if body:
        headers["Content-Type"] = body[0]
        data = body[1]
    start = time.perf_counter()
    try:
        r = urllib.request.Request(url, data=data, headers=headers, method=method)
        with urllib.request.urlopen(r, timeout=60) as resp:
            resp.read()
            ok = resp.status == 200
            status = resp.status
    except urllib.error.HTTPError as e:
        ok, status = False, e.code
    except Exception as e:  # connection refused, reset, timeout
        ok, status = False, repr(e)
    return ok, status, time.perf_counter() - start, url


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:7878/")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    base = args.url if args.url.endswith("/") else args.url + "/"
    reqs = request_list(base, args.requests)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = list(pool.map(one, reqs))
    elapsed = time.perf_counter() - start
    lat = sorted(r[2] for r in results)
    failed = [r for r in results if not r[0]]
    figures = {
        "requests": len(results),
        "concurrency": args.concurrency,
        "failed": len(failed),
        "seconds": round(elapsed, 3),
        "throughput_rps": round(len(results) / elapsed, 1),
        "p50_ms": round(percentile(lat, 50) * 1000, 2),
        "p95_ms": round(percentile(lat, 95) * 1000, 2),
        "p99_ms": round(percentile(lat, 99) * 1000, 2),
        "max_ms": round(lat[-1] * 1000, 2) if lat else 0.0,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['requests']} requests, {figures['concurrency']} concurrent, {figures['failed']} failed, "
              f"{figures['seconds']} s: {figures['throughput_rps']} requests/s; latency p50 {figures['p50_ms']} ms, "
              f"p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms")
    for f in failed[:10]:
        print(f"failed: {f[1]} {f[3]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
