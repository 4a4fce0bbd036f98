"""Declaring a view cacheable and naming what its page shows."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse

from broadsheet.pagecache.keys import SITE

CACHEABLE = "broadsheet.pagecache.cacheable"
KEYS = "broadsheet.pagecache.keys"

# Every query parameter any cacheable view declares; all others are dropped from
# cache keys (utm_* and friends), so they cannot split or bypass the cache.
DECLARED_QUERY: set[str] = set()


def cacheable(*, query: Iterable[str] = (), site: bool = True) -> Callable:
    """Mark a view's anonymous GET responses as storable in the page cache.

    `query` names the parameters that change the page (`page`, `replyto`). The view
    names the objects its page shows with `add_keys()`; `site` (the site's
    settings: its name, the default disclaimer) is added unless `site=False`
    says the page shows none of them (robots.txt, sitemaps).
    """
    names = tuple(query)
    DECLARED_QUERY.update(names)
    start = {SITE} if site else set()

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.environ[CACHEABLE] = names
            request.environ[KEYS] = set(start)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def add_keys(request: HttpRequest, *keys: str) -> None:
    """Record surrogate keys of objects shown on this page (no-op if not cacheable)."""
    recorded = request.environ.get(KEYS)
    if recorded is not None:
        recorded.update(keys)
