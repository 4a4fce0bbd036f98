"""Purging: the one function writes call, naming the surrogate keys they change.

The purge runs after the transaction commits, so a page can never be re-rendered
from data that is later rolled back, and bumps each key's version so a render
that started before the purge is not stored.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable

from django.db import transaction

from broadsheet.pagecache.stores import StoreUnavailable
from broadsheet.pagecache.wiring import get_fronts, get_store

logger = logging.getLogger(__name__)


def purge_now(keys: Iterable[str]) -> None:
    """Bump the keys' versions in the shared store; never raises for a store outage."""
    keys = sorted(set(keys))
    if not keys:
        return
    store = get_store()
    try:
        store.purge(keys)
    except (StoreUnavailable, OSError, sqlite3.Error) as error:
        # Entries still expire after their maximum lifetime.
        logger.error("Page cache purge of %s failed: %s", keys, error)
    fronts = get_fronts()
    if not fronts:
        return
    try:
        urls = store.urls_for(keys) if any(f.needs_urls for f in fronts) else []
    except (StoreUnavailable, OSError, sqlite3.Error) as error:
        logger.error("Could not list the addresses to purge for %s: %s", keys, error)
        urls = []
    for front in fronts:
        try:
            front.purge(keys, urls)
        except OSError as error:
            logger.error("Purging %s at %s failed: %s", keys, front, error)


def purge(*keys: str) -> None:
    """Purge these surrogate keys once the current transaction commits."""
    transaction.on_commit(lambda: purge_now(keys))
