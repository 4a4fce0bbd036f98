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
    from broadsheet.pagecache.layer import PageCacheLayer

    return PageCacheLayer(
        application,
        store=get_store(),
        options={**options, "ALLOWED_HOSTS": settings.ALLOWED_HOSTS},
    )
