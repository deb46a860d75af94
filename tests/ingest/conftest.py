"""A real HTTP server on 127.0.0.1, started per test module, serving the cases the web reader must handle."""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_network

import pytest

from claimcheck.ingest import AddressPolicy, FetchSettings, ReadOptions

STORY = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title} | Harbour Gazette</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Maria Jensen">
<meta property="article:published_time" content="2024-10-18T09:30:00Z">
<link rel="canonical" href="https://www.harbourgazette.example.com/world/{slug}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>{title}</h1>
<p>{lead}</p>
<p>Officials at the port authority said on Friday that the inspection of the ferry would take at least
three weeks, and that the route between the two islands would stay closed until it is complete.</p>
<p>The operator said it had offered refunds to the 2,400 passengers booked for the coming weekend and
that a replacement vessel had been chartered from a company in the north of the country.</p>
</article>
<footer>Subscribe to our newsletter. Copyright Harbour Gazette. All rights reserved.</footer>
</body></html>
"""

CYRILLIC_TITLE = "Паром вернулся в порт"
CYRILLIC_BODY = (
    "Паром вернулся в порт после того, как капитан сообщил о неисправности двигателя. "
    "По словам представителя компании, на борту находились двести сорок пассажиров, никто не пострадал. "
    "Проверка судна займёт не менее трёх недель, сообщили в администрации порта в пятницу утром."
)


def story(title: str, lead: str, slug: str = "story") -> bytes:
    return STORY.format(title=title, lead=lead, slug=slug).encode("utf-8")


def cyrillic_page(*, with_meta: bool) -> bytes:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' if with_meta else ""
    html = (
        f"<!DOCTYPE html><html><head>{meta}<title>{CYRILLIC_TITLE}</title></head><body><article>"
        f"<h1>{CYRILLIC_TITLE}</h1><p>{CYRILLIC_BODY}</p><p>{CYRILLIC_BODY}</p></article></body></html>"
    )
    return html.encode("windows-1251")


class PageServer:
    """What the tests see of the server: its URLs and what it was asked."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.requests: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.user_agents: set[str] = set()
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, each response waits for a delayed ACK.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        pages = self.server.pages  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        counted = path == "/slowish"  # concurrency is measured on this page only
        with pages.lock:
            pages.user_agents.add(self.headers.get("User-Agent", ""))
            pages.requests[self.path] += 1
            count = pages.requests[self.path]
            if counted:
                pages.in_flight += 1
                pages.max_in_flight = max(pages.max_in_flight, pages.in_flight)
        try:
            self.route(path, count)
        finally:
            if counted:
                with pages.lock:
                    pages.in_flight -= 1

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        # The client may give up first (timeout, size cap): that is the case under test.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def route(self, path: str, count: int) -> None:
        if path == "/good":
            self.send(200, story("Ferry route closed for inspection", "The island ferry was withdrawn from service."))
        elif path.startswith("/news/"):
            number = path.rsplit("/", 1)[-1]
            self.send(200, story(f"Harbour report {number}", f"Report number {number} on the state of the harbour.", number))
        elif path == "/plain":
            self.send(200, b"The council approved the budget on Tuesday by nine votes to four.\n", "text/plain; charset=utf-8")
        elif path == "/missing":
            self.send(404, b"<html><body>not here</body></html>")
        elif path == "/flaky":
            if count < 3:
                self.send(500, b"<html><body>oops</body></html>")
            else:
                self.send(200, story("Bridge reopens after repairs", "The bridge reopened on Monday morning."))
        elif path == "/always-500":
            self.send(503, b"busy")
        elif path == "/busy":
            if count < 2:
                self.send(429, b"slow down", Retry_After="1")
            else:
                self.send(200, story("Quota lifted", "The fishing quota was lifted on Thursday."))
        elif path == "/busy-for-an-hour":
            self.send(429, b"slow down", Retry_After="3600")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, story("Too late", "This page arrives after the timeout."))
        elif path == "/slowish":
            time.sleep(0.2)
            self.send(200, story("Takes a moment", "This page takes a fifth of a second."))
        elif path == "/huge":
            # No Content-Length: the reader must count while it streams and stop at its cap.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body>")
                for _ in range(400):
                    self.wfile.write(b"<p>" + b"filler " * 1000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/huge-declared":
            self.send(200, b"x" * (300 * 1024))
        elif path in ("/loop-a", "/loop-b"):
            self.send(302, b"", Location="/loop-b" if path == "/loop-a" else "/loop-a")
        elif path == "/moved":
            self.send(301, b"", Location="/good")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")
        elif path == "/photo.png":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/cp1251-meta":
            self.send(200, cyrillic_page(with_meta=True), "text/html")
        elif path == "/cp1251-header":
            self.send(200, cyrillic_page(with_meta=False), "text/html; charset=windows-1251")
        elif path == "/bad-bytes":
            self.send(200, "<html><body><p>Caf\u00e9 ".encode() + b"\xff\xfe\x81 broken</p></body></html>", "text/html; charset=utf-8")
        elif path == "/to-metadata":
            self.send(302, b"", Location="http://169.254.169.254/latest/meta-data/")
        elif path == "/to-intranet":
            self.send(302, b"", Location="http://intranet.example.test/wiki")
        else:
            self.send(404, b"no such page")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that give up (timeouts, size cap) or close kept-alive connections are expected here.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    page_server = PageServer(server)
    server.pages = page_server  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield page_server
    server.shutdown()
    server.server_close()


# Short limits keep the failure cases fast; the logic under test is the same as with the defaults.
FAST = FetchSettings(
    connect_timeout_s=1.0,
    read_timeout_s=0.4,
    total_timeout_s=5.0,
    max_bytes=256 * 1024,
    attempts=3,
    backoff_initial_s=0.01,
    backoff_max_s=0.05,
    backoff_jitter_s=0.0,
    max_retry_after_s=5.0,
)


def fake_resolver(host: str, port: int) -> list[str]:
    """Names the tests use, with fixed addresses: no test asks a real DNS server."""
    table = {"intranet.example.test": ["10.0.0.5"], "news.example.test": ["93.184.215.14"]}
    if host not in table:
        raise OSError(f"unknown test host {host}")
    return table[host]


# The test server can only live on 127.0.0.1. This policy treats that one address as public, so
# the tests can show the block at work on the other private ranges (10.x, 169.254.x) while talking
# to their own server; the default policy, which refuses 127.0.0.1 too, is tested on its own.
TEST_SERVER_IS_PUBLIC = AddressPolicy(resolve=fake_resolver, treat_as_public=(ip_network("127.0.0.1/32"),))


@pytest.fixture
def read_options(tmp_path):
    """ReadOptions for fetching from the test server with a fresh cache."""
    return ReadOptions(cache_dir=tmp_path / "cache", fetch_settings=FAST, address_policy=TEST_SERVER_IS_PUBLIC)
