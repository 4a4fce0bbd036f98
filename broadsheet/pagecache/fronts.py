"""Purging caches in front of Broadsheet: nginx, Varnish, a CDN.

A front is told what to drop after Broadsheet's own store has been purged, in
the same request, so when a write's response goes out no front still holds
the old page.

* `NginxPurge` asks for `/purge<address>` for every address stored under the
  purged keys (the store keeps an index from surrogate key to addresses), for
  nginx with Debian's cache-purge module (`proxy_cache_purge` in a location of
  its own, see docs/deploying.md). One request per address drops it, because
  the documented config keeps one copy per address.
* `VarnishXkeyPurge` sends one `PURGE` with the keys in an `xkey-purge` header,
  for Varnish with xkey from Debian's varnish-modules, the way CDNs that
  understand `Surrogate-Key` work.

Fronts are configured by BROADSHEET_PURGE_FRONTS, e.g.
`nginx:http://127.0.0.1:8080 varnish:http://127.0.0.1:6081`. A front that cannot
be reached or refuses a purge raises (OSError, http.client.HTTPException or
FrontRefused: FRONT_ERRORS), so the purge stays logged and is tried again.
"""

from __future__ import annotations

import http.client
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import urlsplit

TIMEOUT = 2.0
# Varnish refuses request headers over 8 KB by default (http_req_hdr_len).
XKEY_HEADER_BYTES = 4000


class FrontRefused(Exception):
    """A front answered a purge with a status that means it did not purge."""


FRONT_ERRORS = (OSError, http.client.HTTPException, FrontRefused)


class Front(Protocol):
    needs_urls: bool

    def purge(self, keys: list[str], urls: list[str]) -> None: ...


def _send(address: str, method: str, path: str, headers: dict[str, str]) -> int:
    parts = urlsplit(address)
    connection_class = (
        http.client.HTTPSConnection
        if parts.scheme == "https"
        else http.client.HTTPConnection
    )
    connection = connection_class(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class NginxPurge:
    """Purge by address, for nginx's cache-purge module."""

    needs_urls = True

    def __init__(self, address: str, *, host: str) -> None:
        self.address, self.host = address, host

    def __str__(self) -> str:
        return f"nginx at {self.address}"

    def purge(self, keys: list[str], urls: list[str]) -> None:
        """Drop each address; raises FRONT_ERRORS at the first that fails."""
        for url in urls:
            # 200: dropped; 404: it was not cached. Both are fine.
            status = _send(self.address, "GET", "/purge" + url, {"Host": self.host})
            if status not in {200, 204, 404}:
                raise FrontRefused(f"nginx answered {status} to the purge of {url}")

    def purge_all(self) -> bool:
        """Drop every page of the site; False when this nginx cannot.

        A key ending in `*` is a prefix for the purge module from version 2.4
        on, so `/purge/*` is every address of the host. Debian 12's module
        (2.3) knows no such key and answers 404: its cache must be emptied by
        hand (docs/operating.md)."""
        return _send(self.address, "GET", "/purge/*", {"Host": self.host}) == 200


class VarnishXkeyPurge:
    """One PURGE carrying the surrogate keys, for Varnish with xkey."""

    needs_urls = False

    def __init__(self, address: str, *, host: str) -> None:
        self.address, self.host = address, host

    def __str__(self) -> str:
        return f"Varnish at {self.address}"

    def purge(self, keys: list[str], urls: list[str]) -> None:
        """One PURGE per 4,000 bytes of keys; raises FRONT_ERRORS if one fails."""
        for words in _header_values(keys, XKEY_HEADER_BYTES):
            status = _send(
                self.address, "PURGE", "/", {"Host": self.host, "xkey-purge": words}
            )
            if status not in {200, 204}:
                raise FrontRefused(f"Varnish answered {status} to a purge of {words}")

    def purge_all(self) -> bool:
        """Drop every page of the site with one `BAN /`, which the VCL in
        docs/operating.md answers with 200; False for any other answer."""
        return _send(self.address, "BAN", "/", {"Host": self.host}) in {200, 204}


def _header_values(keys: list[str], limit: int) -> list[str]:
    """The keys as space-separated values of at most `limit` characters each."""
    values: list[str] = []
    for key in keys:
        if values and len(values[-1]) + 1 + len(key) <= limit:
            values[-1] += " " + key
        else:
            values.append(key)
    return values


KINDS = {"nginx": NginxPurge, "varnish": VarnishXkeyPurge}


def parse_fronts(specs: Iterable[str], *, host: str) -> list[Front]:
    """`kind:address` words to fronts; raises ValueError naming a bad one."""
    fronts = []
    for spec in specs:
        kind, _, address = spec.partition(":")
        if kind not in KINDS or not address.startswith(("http://", "https://")):
            raise ValueError(
                f"{spec!r} is not a front such as nginx:http://127.0.0.1:8080 "
                "or varnish:http://127.0.0.1:6081"
            )
        fronts.append(KINDS[kind](address, host=host))
    return fronts
