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
`nginx:http://127.0.0.1:8080 varnish:http://127.0.0.1:6081`.
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)
TIMEOUT = 2.0


class Front(Protocol):
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

    def purge(self, keys: list[str], urls: list[str]) -> None:
        for url in urls:
            # 200: dropped; 404: it was not cached. Both are fine.
            status = _send(self.address, "GET", "/purge" + url, {"Host": self.host})
            if status not in {200, 204, 404}:
                logger.error("nginx answered %s to the purge of %s", status, url)

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

    def purge(self, keys: list[str], urls: list[str]) -> None:
        status = _send(
            self.address,
            "PURGE",
            "/",
            {"Host": self.host, "xkey-purge": " ".join(keys)},
        )
        if status not in {200, 204}:
            logger.error("Varnish answered %s to an xkey purge of %s", status, keys)

    def purge_all(self) -> bool:
        """Drop every page of the site with one `BAN /`, which the VCL in
        docs/operating.md answers with 200; False for any other answer."""
        return _send(self.address, "BAN", "/", {"Host": self.host}) in {200, 204}


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
