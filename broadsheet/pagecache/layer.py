"""The thin WSGI layer in front of Django that answers cache hits.

A hit is answered here, before any middleware or view, from this process's
memory after one cheap local check that no purge has happened since (the epoch);
it runs no query on any Django database connection. Misses go to Django; a
response from a view declared `@cacheable` is stored if none of the keys it shows
were purged while it was being rendered.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlencode

from django.http.request import split_domain_port, validate_host

from broadsheet.core import metrics
from broadsheet.core.edge import encode_headers
from broadsheet.pagecache.decorators import CACHEABLE, DECLARED_QUERY, KEYS
from broadsheet.pagecache.entries import Entry
from broadsheet.pagecache.stores import Store, StoreUnavailable, StoreWatch

logger = logging.getLogger(__name__)

LEASE_SECONDS = 2.0
STALE_SERVE_SECONDS = 0.5
WAIT_STEP = 0.01
STORE_ERRORS = (StoreUnavailable, sqlite3.Error)
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")

StartResponse = Callable[..., object]


class NearCache:
    """Hot pages of this process, least recently used dropped past a byte cap."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.items: OrderedDict[str, tuple[Entry, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> tuple[Entry, int] | None:
        item = self.items.get(key)
        if item is not None:
            try:
                self.items.move_to_end(key)
            except KeyError:  # dropped by another thread meanwhile
                pass
        return item

    def put(self, key: str, entry: Entry, epoch: int) -> None:
        with self.lock:
            old = self.items.pop(key, None)
            if old is not None:
                self.size -= old[0].size
            self.items[key] = (entry, epoch)
            self.size += entry.size
            while self.size > self.max_bytes and self.items:
                _, (dropped, _) = self.items.popitem(last=False)
                self.size -= dropped.size


class PageCacheLayer:
    def __init__(self, app: Callable, *, store: Store, options: dict) -> None:
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018  (imports the views' declarations)
        self.app = app
        self.store = store
        self.lifetime = options["LIFETIME"]
        self.bypass = tuple(f"{name}=" for name in options["BYPASS_COOKIES"])
        self.skip = tuple(options["SKIP_PREFIXES"])
        self.near = NearCache(options["MEMORY_BYTES"])
        self.watch = StoreWatch(
            logger,
            away="Page cache store unavailable, rendering uncached: %s",
            back="Page cache store back: pages are stored again",
        )
        self.cache_control = (
            f"public, max-age=0, s-maxage={options['LIFETIME']}, "
            f"stale-while-revalidate={options['STALE_WHILE_REVALIDATE']}"
        )
        self.allowed_hosts = options["ALLOWED_HOSTS"]
        self.valid_hosts: dict[str, bool] = {}
        # With a cache in front, every address a page is served under is indexed,
        # so a purge can name each one to the front (utm_* variants included).
        self.index_urls = bool(options.get("FRONTS"))
        # Behind a front whose purge may arrive before this process has heard
        # of it (Redis), a copy held in memory is checked against the store's
        # versions before it goes out for an hour: the front asks again right
        # after a purge, and what it stores stays.
        self.verify_near = self.index_urls and store.epoch_lags
        self.indexed: set[tuple[str, str]] = set()

    # -- the request ------------------------------------------------------------

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        key = self.cache_key(environ)
        if key is None:
            return self.render(environ, start_response, epoch=None)
        try:
            answer = self.lookup(key, environ, start_response)
        except STORE_ERRORS as error:
            self.watch.failed(error)
            return self.render(environ, start_response, epoch=None)
        self.watch.answered()
        return answer

    def cache_key(self, environ: dict) -> str | None:
        """Host + path + declared query parameters, or None when not cacheable."""
        if environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}:
            return None
        path = environ.get("PATH_INFO", "/")
        if path.startswith(self.skip):
            return None
        cookies = environ.get("HTTP_COOKIE", "")
        if cookies and any(name in cookies for name in self.bypass):
            return None
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        valid = self.valid_hosts.get(host)
        if valid is None:
            domain, _ = split_domain_port(host)
            valid = bool(domain) and validate_host(domain, self.allowed_hosts)
            if len(self.valid_hosts) < 1000:  # bounded: hosts are attacker-chosen
                self.valid_hosts[host] = valid
        if not valid:
            return None  # Django answers 400; nothing is stored
        query = environ.get("QUERY_STRING", "")
        if query:
            kept = sorted(
                (name, value)
                for name, value in parse_qsl(query, keep_blank_values=True)
                if name in DECLARED_QUERY
            )
            query = urlencode(kept)
        return f"{host.lower()}{path}?{query}" if query else f"{host.lower()}{path}"

    def lookup(self, key: str, environ: dict, start_response: StartResponse):
        epoch = self.store.epoch()
        item = self.near.get(key)
        if (
            item is not None
            and item[1] == epoch
            and self.fresh(item[0])
            and not self.verify_near
        ):
            return self.hit(key, item[0], environ, start_response)
        entry, stale_for = self.current(key, epoch, item[0] if item else None)
        if entry is not None and stale_for is None:
            return self.hit(key, entry, environ, start_response)
        return self.miss(key, entry, stale_for, environ, start_response)

    def hit(self, key: str, entry: Entry, environ: dict, start_response):
        """Answer a current entry, its address recorded for the fronts' purges
        (an address variant such as ?utm_source=… included), whichever way it
        was found: in memory, in the store, or after waiting for a render."""
        if self.index_urls:
            self.remember_url(key, entry, environ)
        return self.answer(entry, environ, start_response, "HIT")

    def current(self, key: str, epoch: int, entry: Entry | None = None):
        """(entry, None) when an entry is current; (stale entry, seconds since the
        purge that made it stale); or (None, None) when there is none.

        The entry in hand (from this process's memory) is checked first, then
        what another process may have stored since.
        """
        stale: tuple[Entry | None, float | None] = (None, None)
        for candidate in (entry, None) if entry is not None else (None,):
            if candidate is None:
                candidate = self.store.get(key)
            if candidate is None or not self.fresh(candidate):
                continue
            versions = self.store.versions(candidate.keys)
            if candidate.is_current({k: v for k, (v, _) in versions.items()}):
                self.near.put(key, candidate, epoch)
                return candidate, None
            if stale[0] is None:
                purged = [
                    at
                    for k, (v, at) in versions.items()
                    if v != candidate.versions.get(k, 0)
                ]
                stale = (candidate, time.time() - max(purged, default=0.0))
        return stale

    def remember_url(self, key: str, entry: Entry, environ: dict) -> None:
        url = _url(environ)
        if (key, url) in self.indexed:
            return
        self.store.index(entry.keys, url)
        if len(self.indexed) < 100_000:
            self.indexed.add((key, url))

    def fresh(self, entry: Entry) -> bool:
        return time.time() - entry.stored_at < self.lifetime

    def miss(self, key, stale, stale_for, environ, start_response):
        """One process renders under a lease; the others serve the stale copy for
        at most half a second, then wait (bounded) for the new one."""
        deadline = time.monotonic() + LEASE_SECONDS
        while True:
            if self.store.acquire(key, seconds=LEASE_SECONDS):
                try:
                    epoch = self.store.epoch()
                    # Another render may have finished just before we got the lease.
                    entry, stale_for_now = self.current(key, epoch)
                    if entry is not None and stale_for_now is None:
                        return self.hit(key, entry, environ, start_response)
                    return self.render(environ, start_response, epoch=epoch, key=key)
                finally:
                    try:
                        self.store.release(key)
                    except STORE_ERRORS as error:  # the lease expires by itself
                        logger.error("Could not release lease on %s: %s", key, error)
            if stale is not None and stale_for is not None:
                if stale_for < STALE_SERVE_SECONDS:
                    return self.answer(stale, environ, start_response, "STALE")
            if time.monotonic() > deadline:
                return self.render(environ, start_response, epoch=None)
            time.sleep(WAIT_STEP)
            entry, stale_for_now = self.current(key, self.store.epoch())
            if entry is not None and stale_for_now is None:
                return self.hit(key, entry, environ, start_response)

    # -- rendering and storing ----------------------------------------------------

    def render(self, environ, start_response, *, epoch: int | None, key: str = ""):
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        response = self.app(environ, capture)
        # An error page (5xx) goes out as Django made it, never cacheable.
        if CACHEABLE not in environ or captured["status"][:1] == "5":
            start_response(captured["status"], captured["headers"])
            return response
        try:
            body = b"".join(response)
        finally:
            if hasattr(response, "close"):
                response.close()
        status = int(captured["status"].split(" ", 1)[0])
        keys = tuple(environ.get(KEYS, ()))
        entry = Entry.build(status, captured["headers"], body, keys, {})
        current = True
        if epoch is not None and key and self.storable(status, captured["headers"]):
            try:
                current = self.store_if_unchanged(key, entry, epoch, environ)
            except STORE_ERRORS as error:
                logger.error("Could not store %s in the page cache: %s", key, error)
        return self.answer(entry, environ, start_response, "MISS", shared=current)

    def storable(self, status: int, headers: list[tuple[str, str]]) -> bool:
        if status != 200:
            return False
        for name, value in headers:
            lowered = name.lower()
            if lowered == "set-cookie":
                return False
            if lowered == "vary" and "cookie" in value.lower():
                return False
            if lowered == "cache-control" and any(
                word in value.lower() for word in UNCACHEABLE_CONTROL
            ):
                return False
        return True

    def store_if_unchanged(self, key: str, entry: Entry, epoch: int, environ) -> bool:
        """Store the entry unless a key it shows was purged while it was being
        rendered; False (not stored) then."""
        versions = self.store.versions(entry.keys)
        if any(version > epoch for version, _ in versions.values()):
            logger.debug("Not storing %s: purged while rendering", key)
            return False
        entry.versions = {k: v for k, (v, _) in versions.items()}
        self.store.put(key, entry, url=_url(environ))
        self.near.put(key, entry, epoch)
        return True

    # -- answering ---------------------------------------------------------------

    def answer(self, entry: Entry, environ, start_response, state: str, *, shared=True):
        status, headers, body = self.respond(entry, environ, state, shared=shared)
        start_response(status, headers)
        return [body]

    def respond(self, entry: Entry, environ, state: str, *, shared: bool = True):
        """Status line, headers and body of the answer `entry` gives this request
        (the gzip variant, a 304, a HEAD). A copy known to be older than a purge
        (STALE, or a render the purge overtook) is not `shared`: a front caching
        it would keep it after the purge it has already been sent."""
        variant, not_modified = self.variant(entry, environ, state, shared=shared)
        metrics.PAGE_CACHE.add(state)
        if not_modified:
            return "304 Not Modified", variant.headers_304, b""
        return variant.status_line, variant.headers, variant.body_for(environ)

    def variant(
        self, entry: Entry, environ, state: str, *, shared: bool = True
    ) -> tuple[Variant, bool]:
        """The prepared variant for this request, and whether it is a 304."""
        zipped = accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", ""))
        # Only a page is kept by fronts: a 404 or a redirect may change with a
        # write that purges no key it names (a new tag, a moved date).
        shared = shared and state != "STALE" and entry.status == 200
        key = (zipped, state, shared)
        variant = entry.prepared.get(key)
        if variant is None:
            variant = entry.prepared[key] = self.prepare(entry, zipped, state, shared)
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        return variant, bool(if_none_match) and variant.etag in if_none_match

    def near_answer(self, environ: dict):
        """The answer to a hit held in this process's memory and still current,
        or None: for the request edge, which gives it without a thread. Pure
        memory; whatever needs the store is left to `__call__`."""
        key = self.cache_key(environ)
        if key is None:
            return None
        item = self.near.get(key)
        if item is None or self.verify_near or not self.fresh(item[0]):
            return None
        if item[1] != self.store.epoch(wait=False):
            return None
        if self.index_urls and (key, _url(environ)) not in self.indexed:
            return None
        variant, not_modified = self.variant(item[0], environ, "HIT")
        metrics.PAGE_CACHE.add("HIT")
        if not_modified:
            return 304, variant.encoded_headers_304, b""
        return variant.status, variant.encoded_headers, variant.body_for(environ)

    def prepare(self, entry: Entry, zipped: bool, state: str, shared: bool) -> Variant:
        """Status line, headers and body of one variant, made once per entry."""
        etag = f'"{entry.etag}-gz"' if zipped else f'"{entry.etag}"'
        body = entry.gzip_body if zipped else entry.body
        headers = [
            *entry.headers,
            ("Cache-Control", self.cache_control if shared else "no-store"),
            ("Vary", "Accept-Encoding"),
            ("ETag", etag),
            ("Surrogate-Key", " ".join(entry.keys)),
            ("X-Cache", state),
        ]
        if zipped:
            headers.append(("Content-Encoding", "gzip"))
        headers.append(("Content-Length", str(len(body))))
        return Variant(etag, entry.status, headers, body, zipped)


class Variant:
    """One way of answering with an entry (plain or gzip; HIT, MISS or STALE),
    its headers made once, as text for WSGI and as bytes for the request edge."""

    __slots__ = (
        "etag",
        "status",
        "status_line",
        "headers",
        "headers_304",
        "body",
        "encoded_headers",
        "encoded_headers_304",
    )

    def __init__(self, etag: str, status: int, headers, body: bytes, zipped: bool):
        self.etag, self.status, self.headers, self.body = etag, status, headers, body
        self.status_line = f"{status} {STATUS_TEXT.get(status, '')}"
        # A 304 carries neither the body's length nor its encoding.
        self.headers_304 = headers[:-2] if zipped else headers[:-1]
        self.encoded_headers = encode_headers(headers)
        self.encoded_headers_304 = encode_headers(self.headers_304)

    def body_for(self, environ: dict) -> bytes:
        return b"" if environ.get("REQUEST_METHOD") == "HEAD" else self.body


@functools.lru_cache(maxsize=256)  # the few headers browsers send, parsed once
def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header lets us answer in gzip: `gzip` (or its
    alias `x-gzip`) with a weight above zero, or failing that `*` (RFC 9110,
    12.5.3). A weight we cannot read counts as zero, as nginx counts it."""
    named: float | None = None
    anything: float | None = None
    for item in accept_encoding.split(","):
        coding, _, parameters = item.partition(";")
        coding = coding.strip().lower()
        if coding in {"gzip", "x-gzip"}:
            named = max(named or 0.0, _weight(parameters))
        elif coding == "*":
            anything = _weight(parameters)
    weight = named if named is not None else anything
    return bool(weight)


def _weight(parameters: str) -> float:
    """The q-value among a coding's parameters: 1 when absent, 0 when unreadable."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value.strip())
            except ValueError:
                return 0.0
            return weight if 0.0 <= weight <= 1.0 else 0.0
    return 1.0


def _url(environ: dict) -> str:
    url = environ.get("PATH_INFO", "/")
    if environ.get("QUERY_STRING"):
        url += "?" + environ["QUERY_STRING"]
    return url


STATUS_TEXT = {200: "OK", 404: "Not Found", 301: "Moved Permanently", 302: "Found"}
