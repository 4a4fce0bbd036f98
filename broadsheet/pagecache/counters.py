"""Counters for rate limits: shared by every process through the page store,
and kept in this process while the store is away, so a limit still holds (per
process) rather than letting everything through."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

from broadsheet.pagecache.stores import StoreUnavailable, StoreWatch
from broadsheet.pagecache.wiring import get_store

logger = logging.getLogger(__name__)

STORE_ERRORS = (StoreUnavailable, OSError, sqlite3.Error)
# Names are chosen by clients (networks, e-mail digests): the fallback keeps at
# most this many, dropping the oldest.
MAX_LOCAL_COUNTERS = 50_000


class LocalCounters:
    """Fixed-window counters in this process's memory, with the store's
    semantics: `count` adds one, `peek` reads the current and previous window."""

    def __init__(self, max_counters: int = MAX_LOCAL_COUNTERS) -> None:
        self.max_counters = max_counters
        self.counts: dict[str, tuple[int, float]] = {}  # name@start: count, expiry
        self.lock = threading.Lock()
        self.next_sweep = 0.0

    def count(self, name: str, *, window: int) -> tuple[int, int]:
        now = time.time()
        start = int(now - now % window)
        key = f"{name}@{start}"
        with self.lock:
            count = self.counts.get(key, (0, 0.0))[0] + 1
            if count == 1:
                self._make_room(now)
            # Kept one window more, for `peek`.
            self.counts[key] = (count, start + 2 * window)
        return count, max(1, int(start + window - now))

    def peek(self, name: str, *, window: int) -> tuple[int, int]:
        now = time.time()
        start = int(now - now % window)
        current = self.counts.get(f"{name}@{start}", (0, 0.0))[0]
        previous = self.counts.get(f"{name}@{start - window}", (0, 0.0))[0]
        return current, previous

    def _make_room(self, now: float) -> None:
        if now >= self.next_sweep:  # expired counters, at most once a second
            self.next_sweep = now + 1
            for key in [k for k, (_, expiry) in self.counts.items() if expiry < now]:
                del self.counts[key]
        while len(self.counts) >= self.max_counters:
            del self.counts[next(iter(self.counts))]  # the oldest


local_counters = LocalCounters()


store_watch = StoreWatch(
    logger,
    away="Rate counters unavailable, counting in this process: %s",
    back="Rate counters back in the shared store",
)


def count(name: str, *, window: int) -> tuple[int, int]:
    """Add one to a counter; (count so far, seconds until it resets)."""
    try:
        counted = get_store().count(name, window=window)
    except STORE_ERRORS as error:
        store_watch.failed(error)
        return local_counters.count(name, window=window)
    store_watch.answered()
    return counted


def peek(name: str, *, window: int) -> tuple[int, int]:
    """A counter in the current and the previous window, without adding to it."""
    try:
        counts = get_store().peek(name, window=window)
    except STORE_ERRORS as error:
        store_watch.failed(error)
        return local_counters.peek(name, window=window)
    store_watch.answered()
    return counts
