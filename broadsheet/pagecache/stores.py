"""Where cached pages and key versions live, shared by every worker process.

`SQLiteStore` is the embedded default: a dedicated `cache.sqlite3` in the data
directory (WAL, separate from the main database, so cache writes never take its
write lock). `RedisStore` is used when `CACHE_URL` is set. Both keep, per
surrogate key, a version: the value of a global purge counter (the epoch) when
the key was last purged. A purge of every page sets the version of `*`
(keys.EVERYTHING), which `versions()` always returns beside the keys asked for:
the layer checks every entry against it, so no page stored before it is served,
and no render that began before it is stored.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import mmap
import os
import shutil
import sqlite3
import struct
import threading
import time
from collections.abc import Iterable
from typing import Protocol

from broadsheet.core.outages import Outage
from broadsheet.pagecache.entries import Entry
from broadsheet.pagecache.keys import EVERYTHING

logger = logging.getLogger(__name__)

# Free space the page store leaves to the database on the same disk.
KEEP_FREE_BYTES = 64 * 1024 * 1024


class StoreUnavailable(Outage):
    """The shared store cannot be reached; pages are rendered uncached."""


class StoreWatch:
    """Whether this process last found the store away: the log says so once
    when it goes and once when it is back, not for every request meanwhile."""

    def __init__(self, logger: logging.Logger, *, away: str, back: str) -> None:
        self.logger = logger
        self.away = away  # with %s for the error
        self.back = back
        self.is_away = False
        self.lock = threading.Lock()

    def failed(self, error: Exception) -> None:
        with self.lock:
            if self.is_away:
                return
            self.is_away = True
        self.logger.error(self.away, error)

    def answered(self) -> None:
        if not self.is_away:  # the common case: no lock taken
            return
        with self.lock:
            if not self.is_away:
                return
            self.is_away = False
        self.logger.warning(self.back)


class Store(Protocol):
    epoch_lags: bool  # whether a process may hold an epoch older than a purge

    def epoch(self, *, wait: bool = True) -> int: ...
    def versions(self, keys: Iterable[str]) -> dict[str, tuple[int, float]]: ...
    def get(self, key: str) -> Entry | None: ...
    def put(self, key: str, entry: Entry, *, url: str) -> None: ...
    def purge(self, keys: Iterable[str], *, at: float | None = None) -> int: ...
    def purge_all(self, *, at: float | None = None) -> int: ...
    def acquire(self, key: str, *, seconds: float) -> bool: ...
    def release(self, key: str) -> None: ...
    def urls_for(self, keys: Iterable[str]) -> list[str]: ...
    def index(self, keys: Iterable[str], url: str) -> None: ...
    def count(self, name: str, *, window: int) -> tuple[int, int]: ...
    def mark_done(self, tokens: Iterable[str]) -> None: ...
    def done(self, tokens: Iterable[str]) -> set[str]: ...
    def forget_done(self, tokens: Iterable[str]) -> None: ...
    def peek(self, name: str, *, window: int) -> tuple[int, int]: ...


def _holder() -> str:
    return f"{os.getpid()}:{threading.get_ident()}"


SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    key TEXT PRIMARY KEY, version INTEGER NOT NULL, purged_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY, meta TEXT NOT NULL, body BLOB NOT NULL,
    gzip BLOB NOT NULL, size INTEGER NOT NULL, used_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS entries_used ON entries (used_at);
CREATE TABLE IF NOT EXISTS leases (
    key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS urls (
    surrogate TEXT NOT NULL, url TEXT NOT NULL, PRIMARY KEY (surrogate, url));
CREATE TABLE IF NOT EXISTS done (token TEXT PRIMARY KEY, at REAL NOT NULL);
"""
# How long the mark of a purge intent done is kept, should the worker not run.
DONE_LIFETIME = 86400
# Host parameters per statement, well under SQLite's limit.
CHUNK = 500


class SQLiteStore:
    """The page store in one SQLite file, one connection per thread.

    The epoch is also published in a small memory-mapped file beside it
    (`cache.sqlite3.epoch`), written after each purge commits, so that a hit's
    check costs a memory read instead of a query. Each value is written once,
    after its commit, so a reader that sees a changed value re-reads the key
    versions, and one that sees an unchanged value has nothing to re-read.
    """

    epoch_lags = False  # read from the memory-mapped file, written at each purge

    def __init__(self, path: str, *, max_bytes: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._local = threading.local()
        self._map: mmap.mmap | None = None
        self._map_pid: int | None = None
        self._warned_at = float("-inf")

    @property
    def epoch_map(self) -> mmap.mmap:
        if self._map is None or self._map_pid != os.getpid():
            fd = os.open(self.path + ".epoch", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if os.fstat(fd).st_size < 8:
                    # Written, not truncated: a hole would be allocated at the
                    # first purge, and a full disk then kills the process (SIGBUS).
                    os.pwrite(fd, bytes(8), 0)
                self._map = mmap.mmap(fd, 8)
            finally:
                os.close(fd)
            self._map_pid = os.getpid()
        return self._map

    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None or getattr(self._local, "pid", None) != os.getpid():
            # Private from the first byte (its -wal and -shm files take its mode):
            # pages may show a commenter's own held comment.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            connection = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=False
            )
            connection.execute("PRAGMA journal_mode=WAL")
            # A lost cache write costs a render, never data: no fsync per write.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.executescript(SCHEMA)
            self._local.connection = connection
            self._local.pid = os.getpid()
        return connection

    @contextlib.contextmanager
    def _writing(self):
        """A write transaction, queued on a file lock (see core/sqlite/base.py)."""
        descriptor = os.open(self.path + ".write-lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back already (a full disk or an I/O
                # error at COMMIT does): the error to raise is the first one.
                if db.in_transaction:
                    try:
                        db.execute("ROLLBACK")
                    except sqlite3.Error as error:
                        logger.error("Page store rollback failed: %s", error)
                        self._local.connection = None  # a fresh one next time
                        db.close()
                raise
        finally:
            os.close(descriptor)  # closing releases the lock

    def epoch(self, *, wait: bool = True) -> int:
        return struct.unpack_from("<Q", self.epoch_map, 0)[0]

    def versions(self, keys: Iterable[str]) -> dict[str, tuple[int, float]]:
        keys = [*keys, EVERYTHING]
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT key, version, purged_at FROM versions WHERE key IN ({marks})",  # noqa: S608
            keys,
        )
        return {key: (version, purged_at) for key, version, purged_at in rows}

    def get(self, key: str) -> Entry | None:
        row = self.db.execute(
            "SELECT meta, body, gzip FROM entries WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        self.db.execute(
            "UPDATE entries SET used_at = ? WHERE key = ?", (time.time(), key)
        )
        return Entry.from_stored(*row)

    def put(self, key: str, entry: Entry, *, url: str) -> None:
        """Store a page, unless the disk is nearly full: the room left is kept
        for the database, whose writes are what readers would lose."""
        if self._disk_nearly_full():
            return
        with self._writing() as db:
            db.execute(
                "INSERT INTO entries (key, meta, body, gzip, size, used_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "meta = excluded.meta, body = excluded.body, gzip = excluded.gzip, "
                "size = excluded.size, used_at = excluded.used_at",
                (
                    key,
                    entry.meta(),
                    entry.body,
                    entry.gzip_body,
                    entry.size,
                    time.time(),
                ),
            )
            db.executemany(
                "INSERT OR IGNORE INTO urls (surrogate, url) VALUES (?, ?)",
                [(surrogate, url) for surrogate in entry.keys],
            )
            total = db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()
            if total[0] > self.max_bytes:
                self._evict(total[0] - self.max_bytes * 0.9)

    def _disk_nearly_full(self) -> bool:
        free = shutil.disk_usage(os.path.dirname(self.path) or ".").free
        nearly_full = free < KEEP_FREE_BYTES
        if nearly_full and time.monotonic() - self._warned_at > 60:
            self._warned_at = time.monotonic()
            logger.warning(
                "Less than %d MB free beside the page store: pages are not "
                "stored, to leave the room to the database",
                KEEP_FREE_BYTES >> 20,
            )
        return nearly_full

    def _evict(self, excess: float) -> None:
        freed = 0
        rows = self.db.execute(
            "SELECT key, size FROM entries ORDER BY used_at"
        ).fetchall()
        doomed = []
        for key, size in rows:
            if freed >= excess:
                break
            doomed.append((key,))
            freed += size
        self.db.executemany("DELETE FROM entries WHERE key = ?", doomed)

    def purge(self, keys: Iterable[str], *, at: float | None = None) -> int:
        """Bump the epoch and stamp the keys with it; `at` is when the change
        happened (now by default), from which a stale copy may be served."""
        keys = sorted(set(keys))
        with self._writing() as db:
            (epoch,) = db.execute(
                "INSERT INTO meta (name, value) VALUES ('epoch', 1) ON CONFLICT (name) "
                "DO UPDATE SET value = value + 1 RETURNING value"
            ).fetchone()
            stamp = time.time() if at is None else at
            db.executemany(
                "INSERT INTO versions (key, version, purged_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET version = excluded.version, "
                "purged_at = excluded.purged_at",
                [(key, epoch, stamp) for key in keys],
            )
        struct.pack_into("<Q", self.epoch_map, 0, epoch)
        return epoch

    def purge_all(self, *, at: float | None = None) -> int:
        """Purge every page: one version for `*`, however many keys there are."""
        return self.purge([EVERYTHING], at=at)

    def acquire(self, key: str, *, seconds: float) -> bool:
        now = time.time()
        row = self.db.execute(
            "INSERT INTO leases (key, holder, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, "
            "expires_at = excluded.expires_at WHERE leases.expires_at < ? "
            "RETURNING holder",
            (key, _holder(), now + seconds, now),
        ).fetchone()
        return row is not None

    def release(self, key: str) -> None:
        self.db.execute(
            "DELETE FROM leases WHERE key = ? AND holder = ?", (key, _holder())
        )

    def count(self, name: str, *, window: int) -> tuple[int, int]:
        """Add one to a counter shared by every process; (count so far, seconds
        until it resets). Fixed windows of `window` seconds."""
        now = time.time()
        start = now - now % window
        key = f"{name}@{int(start)}"
        (count,) = self.db.execute(
            "INSERT INTO counters (name, count, expires_at) VALUES (?, 1, ?) "
            "ON CONFLICT (name) DO UPDATE SET count = count + 1 RETURNING count",
            # Kept one window more, for `peek`.
            (key, start + 2 * window),
        ).fetchone()
        if count == 1:  # the first of a window sweeps the expired ones
            self.db.execute("DELETE FROM counters WHERE expires_at < ?", (now,))
        return count, max(1, int(start + window - now))

    def peek(self, name: str, *, window: int) -> tuple[int, int]:
        """A counter in the current and in the previous window, without adding
        to it, so a limit can count both: a count never drops to nothing at a
        window's edge."""
        now = time.time()
        start = int(now - now % window)
        rows = dict(
            self.db.execute(
                "SELECT name, count FROM counters WHERE name IN (?, ?)",
                (f"{name}@{start}", f"{name}@{start - window}"),
            ).fetchall()
        )
        return rows.get(f"{name}@{start}", 0), rows.get(f"{name}@{start - window}", 0)

    def index(self, keys: Iterable[str], url: str) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO urls (surrogate, url) VALUES (?, ?)",
            [(key, url) for key in keys],
        )

    def urls_for(self, keys: Iterable[str]) -> list[str]:
        return sorted(self._select("SELECT DISTINCT url FROM urls", "surrogate", keys))

    def mark_done(self, tokens: Iterable[str]) -> None:
        """Note purge intents as purged everywhere, for the worker to clear."""
        now = time.time()
        self.db.executemany(
            "INSERT OR IGNORE INTO done (token, at) VALUES (?, ?)",
            [(token, now) for token in tokens],
        )

    def done(self, tokens: Iterable[str]) -> set[str]:
        """Which of these purge intents are marked done."""
        return self._select("SELECT token FROM done", "token", tokens)

    def forget_done(self, tokens: Iterable[str]) -> None:
        """Drop these marks, and any older than DONE_LIFETIME."""
        with self._writing() as db:
            db.executemany("DELETE FROM done WHERE token = ?", [(t,) for t in tokens])
            db.execute("DELETE FROM done WHERE at < ?", (time.time() - DONE_LIFETIME,))

    def _select(self, query: str, column: str, values: Iterable[str]) -> set[str]:
        """The first column of `query` for rows whose `column` is in `values`."""
        values = list(values)
        found: set[str] = set()
        for start in range(0, len(values), CHUNK):
            chunk = values[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"{query} WHERE {column} IN ({marks})", chunk)
            found.update(value for (value,) in rows)
        return found
