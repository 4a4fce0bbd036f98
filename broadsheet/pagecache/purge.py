"""Purging: the one function writes call, naming the surrogate keys they change.

In a transaction, `purge()` writes a purge intent (models.PurgeIntent) in it, so
the intent commits or rolls back with the write. After the commit the purge runs
at once, before the writer is answered, as ever: it bumps each key's version so a
render that started before it is not stored, then tells the fronts. A crash
between the commit and the purge leaves the intent for `broadsheet serve` to
replay before it answers anyone, and a purge that fails leaves it for the worker
to retry (replay.py).

Deleting an intent at once would cost a transaction of its own (a disk flush on
SQLite), so a purged intent is only marked done in the page store, and the
worker deletes the marked ones in batches. A mark that is lost (the store away)
costs one purge more, never one less.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import timedelta

from django.db import DatabaseError, transaction
from django.utils import timezone

from broadsheet.core.outages import Outage
from broadsheet.pagecache.fronts import FRONT_ERRORS
from broadsheet.pagecache.models import PurgeIntent
from broadsheet.pagecache.stores import StoreUnavailable
from broadsheet.pagecache.wiring import get_fronts, get_store

logger = logging.getLogger(__name__)

STORE_ERRORS = (StoreUnavailable, OSError, sqlite3.Error)
# How long an intent waits before the worker takes it as left behind (by a
# crashed process, or by a purge that failed).
GRACE = timedelta(minutes=1)


class PurgeFailed(Outage):
    """The page store or a front could not be purged; the message says which."""


def purge(*keys: str) -> None:
    """Purge these surrogate keys once the current transaction commits, and
    replay the purge after a crash or a failure. Outside a transaction, at once."""
    keys = sorted(set(keys))
    if not keys:
        return
    if not transaction.get_connection().in_atomic_block:
        _purge_or_log(keys)
        return
    intent = _write_intent(keys)
    transaction.on_commit(lambda: _purge_intent(intent))


def purge_now(
    keys: Iterable[str], *, at: float | None = None, everything: bool = False
) -> None:
    """Purge the keys (every page, with `everything`) from the page store, then
    from every front. `at` is when the change happened (default now).

    Raises PurgeFailed, naming each part that failed, after trying them all.
    """
    keys = sorted(set(keys))
    if not keys and not everything:
        return
    store = get_store()
    failures: list[tuple[str, BaseException]] = []
    try:
        if everything:
            store.purge_all(at=at)
        else:
            store.purge(keys, at=at)
    except STORE_ERRORS as error:
        failures.append(("the page store", error))
    fronts = get_fronts()
    urls: list[str] = []
    if any(front.needs_urls for front in fronts):
        try:
            urls = store.urls_for(keys)
        except STORE_ERRORS as error:
            failures.append(("the page store's addresses", error))
            fronts = [front for front in fronts if not front.needs_urls]
    for front in fronts:
        try:
            front.purge(keys, urls)
        except FRONT_ERRORS as error:
            failures.append((str(front), error))
    if failures:
        message = "; ".join(f"{where}: {error}" for where, error in failures)
        logger.error("Purge of %s failed: %s", shown(keys), message)
        raise PurgeFailed(message) from failures[0][1]


def shown(keys: list[str]) -> str:
    """The keys for a log line, the first ten of a long list."""
    if len(keys) <= 10:
        return " ".join(keys)
    return " ".join(keys[:10]) + f" and {len(keys) - 10} more"


def _purge_intent(intent: PurgeIntent) -> None:
    try:
        purge_now(intent.keys)
    except PurgeFailed:
        return  # the intent stays; the worker retries it
    try:
        get_store().mark_done([intent.token])
    except STORE_ERRORS as error:
        logger.warning("Could not mark the purge of %s done: %s", intent, error)


def _write_intent(keys: list[str]) -> PurgeIntent:
    now = timezone.now()
    return PurgeIntent.objects.create(
        surrogate_keys=" ".join(keys), written_at=now, retry_at=now + GRACE
    )


def _purge_or_log(keys: list[str]) -> None:
    try:
        purge_now(keys)
    except PurgeFailed as error:
        now = timezone.now()
        try:
            PurgeIntent.objects.create(
                surrogate_keys=" ".join(keys),
                written_at=now,
                retry_at=now + GRACE,
                attempts=1,
                error=str(error)[:1000],
            )
        except DatabaseError as db_error:
            logger.error("Could not log the purge of %s: %s", shown(keys), db_error)
