"""The process's page store, made once from the settings."""

from __future__ import annotations

import functools

from django.conf import settings

from broadsheet.pagecache.stores import SQLiteStore, Store


@functools.cache
def get_store() -> Store:
    options = settings.PAGE_CACHE
    location = options["STORE"]
    if location.startswith(("redis://", "rediss://", "unix://")):
        from broadsheet.pagecache.redis_store import RedisStore

        return RedisStore(location, lifetime=options["LIFETIME"])
    return SQLiteStore(location, max_bytes=options["STORE_BYTES"])


@functools.cache
def get_fronts() -> list:
    from broadsheet.pagecache.fronts import parse_fronts

    return parse_fronts(settings.PAGE_CACHE["FRONTS"], host=settings.CONFIG.site_host)


def wrap(application):
    """Put the page cache layer in front of a WSGI application, if enabled."""
    options = settings.PAGE_CACHE
    if not options["ENABLED"]:
        return application
    from django.urls import get_resolver

    from broadsheet.pagecache.layer import PageCacheLayer

    # Cache keys keep only the query parameters the cacheable views declare,
    # which they do as the URLconf imports them: before the first request, or
    # that request's key would drop its ?page=2 and store it as the first page.
    get_resolver().url_patterns  # noqa: B018

    return PageCacheLayer(
        application,
        store=get_store(),
        options={**options, "ALLOWED_HOSTS": settings.ALLOWED_HOSTS},
    )
