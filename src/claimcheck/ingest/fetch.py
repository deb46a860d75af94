"""URL -> Page: one HTTP GET with limits on time, size, redirects, addresses and concurrency.

httpx does the HTTP; stamina does the retries (exponential backoff with jitter, bounded attempts,
a hook that lets Retry-After set the wait). No httpx object leaves this module.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Self

import httpx
import stamina

from claimcheck import __version__
from claimcheck.errors import FetchError
from claimcheck.ingest.address import AddressPolicy
from claimcheck.ingest.cache import Page
from claimcheck.ingest.urls import FETCHED_SCHEMES

USER_AGENT = f"claimcheck/{__version__} (news claim checker; +https://pypi.org/project/claimcheck/)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
ACCEPTED_TYPES = HTML_TYPES | TEXT_TYPES
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})



@dataclass(frozen=True, slots=True, kw_only=True)
class FetchSettings:
    """Limits of one run's fetching. Every time is in seconds, every size in bytes."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    total_timeout_s: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    attempts: int = 3
    backoff_initial_s: float = 0.5
    backoff_max_s: float = 10.0
    backoff_jitter_s: float = 0.5
    max_retry_after_s: float = 60.0
    max_concurrent: int = 8
    max_per_host: int = 2
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        for name in ("connect_timeout_s", "read_timeout_s", "total_timeout_s", "max_bytes", "attempts",
                     "max_concurrent", "max_per_host"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchSettings.{name} must be positive, not {getattr(self, name)!r}")
        if self.max_redirects < 0:
            raise ValueError(f"FetchSettings.max_redirects must be 0 or more, not {self.max_redirects!r}")


class _Transient(Exception):
    """A failure worth another attempt: timeout, connection error, 429 or 5xx."""

    def __init__(self, reason: str, *, retry_after_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):g} MiB"


class Fetcher:
    """Fetches pages under one run's limits; thread-safe, so one Fetcher serves a pool of workers."""

    def __init__(self, *, settings: FetchSettings, policy: AddressPolicy) -> None:
        self.settings = settings
        self.policy = policy
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.read_timeout_s, connect=settings.connect_timeout_s),
            limits=httpx.Limits(
                max_connections=settings.max_concurrent, max_keepalive_connections=settings.max_concurrent
            ),
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
            follow_redirects=False,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Page:
        """Fetch one URL, retrying transient failures; raises FetchError naming the URL and the reason."""
        settings = self.settings
        attempts_made = 0
        try:
            for attempt in stamina.retry_context(
                on=self._should_retry,
                attempts=settings.attempts,
                timeout=None,
                wait_initial=settings.backoff_initial_s,
                wait_max=settings.backoff_max_s,
                wait_jitter=settings.backoff_jitter_s,
            ):
                with attempt:
                    attempts_made += 1
                    return self._fetch_once(url)
        except _Transient as exc:
            tries = f" (after {attempts_made} attempts)" if attempts_made > 1 else ""
            raise FetchError(url, exc.reason + tries) from None
        raise AssertionError("unreachable: stamina either returns or raises")

    @staticmethod
    def _should_retry(error: BaseException) -> bool | float:
        """stamina's backoff hook: retry transient failures, after Retry-After seconds when the server said."""
        if not isinstance(error, _Transient):
            return False
        return True if error.retry_after_s is None else error.retry_after_s

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._host_slots.setdefault(host, threading.BoundedSemaphore(self.settings.max_per_host))
        with slot:
            yield

    def _fetch_once(self, url: str) -> Page:
        settings = self.settings
        try:
            request = self._client.build_request("GET", url)
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}") from None
        visited = [str(request.url)]
        for _ in range(settings.max_redirects + 1):
            target = request.url
            if target.scheme not in FETCHED_SCHEMES:
                raise FetchError(url, f"redirected to {target}: only http and https URLs are fetched")
            self.policy.check(url, target.host, target.port or (443 if target.scheme == "https" else 80))
            with self._host_slot(target.host):
                next_request = self._send(url, request)
                if isinstance(next_request, Page):
                    return next_request
            location = str(next_request.url)
            if location in visited:
                raise FetchError(url, "redirect loop: " + " -> ".join([*visited[visited.index(location) :], location]))
            visited.append(location)
            request = next_request
        raise FetchError(url, f"too many redirects (more than {settings.max_redirects}), last to {visited[-1]}")

    def _send(self, url: str, request: httpx.Request) -> Page | httpx.Request:
        """One request: the page, or the request a redirect asks for next."""
        settings = self.settings
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise _Transient(self._timeout_reason(exc)) from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(url, f"unsupported protocol: {exc}") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed: {exc or type(exc).__name__}") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"request failed: {exc or type(exc).__name__}") from None
        try:
            if response.is_redirect and response.next_request is not None:
                return response.next_request
            return self._read(url, response, deadline=time.monotonic() + settings.total_timeout_s)
        finally:
            response.close()

    def _timeout_reason(self, error: httpx.TimeoutException) -> str:
        if isinstance(error, httpx.ConnectTimeout):
            return f"timed out: no connection within {self.settings.connect_timeout_s:g} s"
        return f"timed out: the server sent nothing for {self.settings.read_timeout_s:g} s"

    def _read(self, url: str, response: httpx.Response, *, deadline: float) -> Page:
        settings = self.settings
        status = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
        if response.status_code in _RETRIED_STATUSES:
            retry_after_s = retry_after_seconds(response.headers.get("retry-after"))
            if retry_after_s is not None and retry_after_s > settings.max_retry_after_s:
                raise FetchError(
                    url,
                    f"{status}; the server asks to wait {retry_after_s:.0f} s, "
                    f"more than the {settings.max_retry_after_s:g} s claimcheck waits",
                )
            raise _Transient(status, retry_after_s=retry_after_s)
        if not response.is_success:
            raise FetchError(url, status)
        media_type, charset = _content_type(response.headers.get("content-type"))
        if media_type is not None and media_type not in ACCEPTED_TYPES:
            raise FetchError(url, _refused_type_reason(media_type))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(url, f"too large: {int(declared):,} bytes, more than the {_mib(settings.max_bytes)} limit")
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > settings.max_bytes:
                    raise FetchError(url, f"too large: more than the {_mib(settings.max_bytes)} limit; stopped reading")
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out: the page took more than {settings.total_timeout_s:g} s to arrive")
        except httpx.TimeoutException as exc:
            raise _Transient(self._timeout_reason(exc)) from None
        except httpx.DecodingError:
            raise FetchError(url, "the response's compressed body is damaged") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection broke while reading: {exc or type(exc).__name__}") from None
        return Page(
            url=url,
            final_url=str(response.url),
            content_type=media_type,
            charset=charset,
            body=bytes(body),
        )


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header, both lower case; None where absent."""
    if not header:
        return None, None
    media_type, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return (media_type.lower() or None), charset


def _refused_type_reason(media_type: str) -> str:
    if media_type == "application/pdf":
        hint = "save the PDF's text as a .txt file and pass that"
    elif media_type.startswith(("image/", "video/", "audio/")):
        hint = "claimcheck reads articles, not media"
    else:
        hint = "claimcheck reads HTML and plain text pages"
    return f"refused type: the server sent {media_type}; {hint}"
