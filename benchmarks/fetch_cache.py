"""Fetch N pages from a local HTTP server twice, cold then warm, and print both times.

The warm run must be served by the page cache alone: it makes no request (the script exits 1
if the server saw any). The server runs on 127.0.0.1 inside this process, so --allow-private
is in force; each page takes --delay-ms on the server to stand in for a real network.
trafilatura is imported before the clock starts, so that neither run pays for it.

    python benchmarks/fetch_cache.py            # 50 pages, 50 ms server delay
    python benchmarks/fetch_cache.py --pages 200 --delay-ms 0
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claimcheck.ingest import read_inputs

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour report {n}</title>
<meta property="og:site_name" content="Bench Gazette"></head><body><nav>Home World Sport</nav>
<article><h1>Harbour report {n}</h1>
<p>Report number {n}: officials at the port authority said on Friday that the inspection of ferry {n}
would take at least three weeks, and that the route would stay closed until it is complete.</p>
<p>The operator said it had offered refunds to the {n}00 passengers booked for the weekend and that a
replacement vessel had been chartered from a company in the north of the country.</p>
</article><footer>Copyright Bench Gazette</footer></body></html>"""


class Counter:
    def __init__(self) -> None:
        self.requests = 0
        self.lock = threading.Lock()


def serve(delay_s: float, counter: Counter) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; with Nagle on, each response waits for a delayed ACK.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with counter.lock:
                counter.requests += 1
            time.sleep(delay_s)
            body = PAGE.format(n=self.path.rsplit("/", 1)[-1]).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--delay-ms", type=float, default=50.0, help="server-side delay per page")
    args = parser.parse_args()

    import trafilatura  # noqa: F401  (see the module docstring)

    counter = Counter()
    server = serve(args.delay_ms / 1000, counter)
    host, port = server.server_address[:2]
    urls = [f"http://{host}:{port}/news/{n}" for n in range(args.pages)]
    try:
        with tempfile.TemporaryDirectory() as cache_dir:
            timings = []
            for label in ("cold", "warm"):
                before = counter.requests
                started = time.perf_counter()
                articles, failures = read_inputs(urls, allow_private=True, cache_dir=cache_dir)
                elapsed = time.perf_counter() - started
                timings.append((label, elapsed, counter.requests - before, len(articles), len(failures)))
    finally:
        server.shutdown()
        server.server_close()
    for label, elapsed, requests, read, failed in timings:
        print(f"{label}: {elapsed:.3f} s, {requests} requests, {read} articles, {failed} failures")
    (_, cold_s, _, _, _), (_, warm_s, warm_requests, warm_read, _) = timings
    print(
        f"fetch cache: {args.pages} pages cold {cold_s:.3f} s, warm {warm_s:.3f} s "
        f"({cold_s / warm_s:.1f}x), warm requests {warm_requests}"
    )
    return 0 if warm_requests == 0 and warm_read == args.pages else 1


if __name__ == "__main__":
    sys.exit(main())
