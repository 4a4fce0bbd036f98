"""Which errors mean "trouble below" (a database, disk or store that is down or
full for a while) rather than a mistake in our code.

An outage is answered with 503 and `Retry-After` and retried by the worker; any
other exception stays a 500, so a programming error is never disguised as a
passing fault.
"""

from __future__ import annotations

import errno
import sqlite3

from django.db import utils as db_utils


class Outage(Exception):
    """Raised by our own code for a service that is away (the page store, say)."""


# errno values of a disk or filesystem that cannot take a write just now.
DISK_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EMFILE, errno.ENFILE}
)
# Messages SQLite gives when it cannot write or reach its files; any other
# OperationalError (a missing table, a syntax error) is a mistake of ours.
SQLITE_OUTAGE_WORDS = (
    "database or disk is full",
    "disk i/o error",
    "unable to open database file",
    "database is locked",
    "readonly database",
    "attempt to write a readonly database",
)
# The SQLSTATE classes of PostgreSQL that mean the server or connection is away
# (08: connection exception, 53: insufficient resources, 57: operator
# intervention such as a shutdown, 58: system error).
POSTGRES_OUTAGE_CLASSES = ("08", "53", "57", "58")


def is_outage(error: BaseException) -> bool:
    """True when `error` (or what it was raised from) is a database, disk or
    store outage that will pass, False for anything else. An error raised while
    handling an outage is not one itself: only explicit causes are followed."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _is_outage_itself(current):
            return True
        current = current.__cause__
    return False


def is_disk_full(error: BaseException) -> bool:
    """True when `error`, or what it was raised from, is a full disk."""
    current: BaseException | None = error
    while current is not None:
        if isinstance(current, OSError) and current.errno in {
            errno.ENOSPC,
            errno.EDQUOT,
        }:
            return True
        if "database or disk is full" in str(current).lower():
            return True
        current = current.__cause__
    return False


def _is_outage_itself(error: BaseException) -> bool:
    if isinstance(error, db_utils.InterfaceError):
        return True  # the connection is gone ("connection already closed")
    if isinstance(error, sqlite3.OperationalError | db_utils.OperationalError):
        return _is_database_outage(error)
    if isinstance(error, OSError) and error.errno in DISK_ERRNOS:
        return True
    if isinstance(error, ConnectionError | TimeoutError):
        return True
    return _is_store_outage(error)


def _is_database_outage(error: BaseException) -> bool:
    cause = error.__cause__ or error
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate[:2] in POSTGRES_OUTAGE_CLASSES
    message = str(error).lower()
    if type(cause).__module__.startswith("psycopg"):
        # psycopg's OperationalError without a SQLSTATE: the server could not
        # be reached, or the connection broke.
        return True
    return any(words in message for words in SQLITE_OUTAGE_WORDS)


def _is_store_outage(error: BaseException) -> bool:
    import redis

    return isinstance(error, Outage | redis.ConnectionError | redis.TimeoutError)


class OutageLogFilter:
    """A logging filter: an outage is logged as one line naming the error, not
    with its traceback. During a database restart every request fails the same
    way, and thousands of identical tracebacks would bury everything else."""

    def filter(self, record) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and is_outage(error):
            message = str(error).strip().splitlines()[0] if str(error).strip() else ""
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {message})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True
