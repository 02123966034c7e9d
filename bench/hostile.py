#!/usr/bin/env python3
"""Hostile and careless clients against a running `unkg serve` (issue #23).

Sends each case below to the server at --url, over loopback, while a
normal client asks a cheap query every half second throughout; prints one
line per case with what came back and how long it took, the normal client's
worst latency and failures, and, with --pid, the server's resident memory
before and its peak (VmHWM) after each case, with its query workers.
Exits 1 if the server died or the normal client failed.

    unkg serve --store /tmp/store --bind 127.0.0.1:7878 &
    python3 bench/hostile.py --url http://127.0.0.1:7878/ --pid "$(pgrep -f 'unkg serve')"

Cases: a query nested 900 and 4,000 braces deep (POST and GET); 100
connections sending one byte every 5 s; 100 idle connections; a declared
10 GB body; a declared body never sent; a whole-store dump, then two at
once; four pipelined requests; the security headers of every HTML page.
"""

import argparse
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PROBE = "ASK { ?s a unkg:Speech }"


def rss_kb(pid, field="VmRSS"):
    """A memory figure of `pid` in KB, from /proc (None elsewhere)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak(pid):
    """Resets VmHWM (Linux: writing 5 to clear_refs), so that each case's
    peak is its own; returns whether it could."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


class Prober(threading.Thread):
    """The normal client: one cheap query every half second."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url + "sparql?" + urllib.parse.urlencode({"query": PROBE})
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.worst, self.count, self.failures = 0.0, 0, []

    def run(self):
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                req = urllib.request.Request(self.url, headers={"Accept": "text/csv"})
                with urllib.request.urlopen(req, timeout=30) as r:
                    r.read()
                    ok = r.status == 200
                    why = f"status {r.status}"
            except Exception as e:  # noqa: BLE001 - any failure counts
                ok, why = False, str(e)
            took = time.monotonic() - started
            with self.lock:
                self.count += 1
                self.worst = max(self.worst, took)
                if not ok:
                    self.failures.append(why)
            self.stop.wait(max(0.0, 0.5 - took))

    def figures(self):
        with self.lock:
            return self.count, self.worst, list(self.failures)


def raw(host, port, data, wait=60.0, read=True):
    """Sends `data` on a fresh connection; returns (answer bytes, seconds)."""
    started = time.monotonic()
    s = socket.create_connection((host, port))
    s.settimeout(wait)
    out = b""
    try:
        s.sendall(data)
        while read:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except OSError as e:
        out += f" <{e}>".encode()
    finally:
        s.close()
    return out, time.monotonic() - started


def status_line(answer):
    return answer.split(b"\r\n", 1)[0].decode("latin-1")


def nested(n):
    return "ASK " + "{" * n + "}" * n


def case_nested(host, port):
    lines = []
    for n in (900, 4000):
        q = nested(n).encode()
        head = f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: {len(q)}\r\nConnection: close\r\n\r\n"
        answer, took = raw(host, port, head.encode() + q)
        lines.append(f"POST {n} braces: {status_line(answer)} in {took:.2f} s")
    q = urllib.parse.quote(nested(900))
    answer, took = raw(host, port, f"GET /sparql?query={q} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    lines.append(f"GET 900 braces: {status_line(answer)} in {took:.2f} s")
    return lines


def slow_clients(host, port, count, seconds, trickle):
    """`count` connections, each sending a request head one byte every 5 s
    (or nothing at all unless `trickle`), for `seconds`."""
    socks = []
    for _ in range(count):
        try:
            socks.append(socket.create_connection((host, port)))
        except OSError:
            pass
    head = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n"
    closed = 0
    ends = time.monotonic() + seconds
    i = 0
    while time.monotonic() < ends:
        if trickle:
            for s in list(socks):
                try:
                    s.sendall(head[i % len(head):i % len(head) + 1])
                except OSError:
                    socks.remove(s)
                    closed += 1
            i += 1
        time.sleep(5)
    for s in socks:
        s.close()
    return f"{count} {'trickling' if trickle else 'idle'} connections for {seconds} s: the server closed {closed if trickle else 'them'}"


def case_bodies(host, port):
    lines = []
    head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: {}\r\n\r\n"
    answer, took = raw(host, port, head.format(10 * 10**9).encode())
    lines.append(f"declared 10 GB body: {status_line(answer)} in {took:.2f} s")
    answer, took = raw(host, port, head.format(100).encode() + b"ASK")
    lines.append(f"declared body never sent: {status_line(answer)} in {took:.2f} s")
    return lines


def dump(url, accept="application/n-quads"):
    started = time.monotonic()
    req = urllib.request.Request(url + "store", headers={"Accept": accept})
    size, first = 0, None
    with urllib.request.urlopen(req, timeout=600) as r:
        while True:
            chunk = r.read(1 << 20)
            if first is None:
                first = time.monotonic() - started
            if not chunk:
                break
            size += len(chunk)
    return size, first, time.monotonic() - started


def case_dumps(url):
    size, first, total = dump(url)
    lines = [f"GET /store: {size / 1e6:.0f} MB, first byte after {first:.2f} s, all in {total:.1f} s"]
    results = []
    threads = [threading.Thread(target=lambda a=a: results.append(dump(url, a))) for a in ("application/n-quads", "application/trig")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines.append("two at once: " + ", ".join(f"{s / 1e6:.0f} MB in {t:.1f} s" for s, _, t in results))
    return lines


def case_pipelined(host, port):
    one = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n"
    last = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nConnection: close\r\n\r\n"
    answer, took = raw(host, port, one * 3 + last)
    return [f"4 pipelined requests: {answer.count(b'HTTP/1.1 200')} answered in {took:.2f} s"]


def case_headers(url):
    lines = []
    for path in ("sparql", "void", "ontology", "shapes", "", "search?q=peace", "nothing-here"):
        req = urllib.request.Request(url + path, headers={"Accept": "text/html"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                h, status = r.headers, r.status
        except urllib.error.HTTPError as e:
            h, status = e.headers, e.code
        csp = "csp" if h.get("Content-Security-Policy") else "NO CSP"
        sniff = "nosniff" if h.get("X-Content-Type-Options") == "nosniff" else "NO nosniff"
        lines.append(f"/{path} ({status}, {h.get('Content-Type')}): {csp}, {sniff}")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:7878/")
    ap.add_argument("--pid", type=int, help="the server's process id, for its memory")
    ap.add_argument("--slow", type=int, default=100, help="slow and idle connections")
    ap.add_argument("--seconds", type=int, default=30, help="how long the slow and idle clients stay")
    args = ap.parse_args()
    url = args.url if args.url.endswith("/") else args.url + "/"
    parsed = urllib.parse.urlparse(url)
    host, port = parsed.hostname, parsed.port or 80

    prober = Prober(url)
    prober.start()
    cases = [
        ("nested queries", lambda: case_nested(host, port)),
        ("slow clients", lambda: [slow_clients(host, port, args.slow, args.seconds, True)]),
        ("idle clients", lambda: [slow_clients(host, port, args.slow, args.seconds, False)]),
        ("bodies", lambda: case_bodies(host, port)),
        ("dumps", lambda: case_dumps(url)),
        ("pipelining", lambda: case_pipelined(host, port)),
        ("HTML headers", lambda: case_headers(url)),
    ]
    failed = False
    for name, run in cases:
        prober.reset()
        before = rss_kb(args.pid) if args.pid else None
        peaks = args.pid and reset_peak(args.pid)
        lines = run()
        count, worst, failures = prober.figures()
        print(f"== {name}")
        for line in lines:
            print("   " + line)
        memory = ""
        if before is not None:
            peak = rss_kb(args.pid, "VmHWM") if peaks else None
            memory = f"; server RSS {before / 1024:.0f} MB before"
            if peak is not None:
                memory += f", peak {peak / 1024:.0f} MB (+{(peak - before) / 1024:.0f} MB)"
        print(f"   normal client: {count} queries, worst {worst:.2f} s, {len(failures)} failed{memory}")
        if failures:
            print("   failures: " + "; ".join(sorted(set(failures))[:3]))
            failed = True
        if args.pid and not os.path.exists(f"/proc/{args.pid}"):
            print("   THE SERVER DIED")
            sys.exit(1)
    prober.stop.set()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
