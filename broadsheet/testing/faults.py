"""A database that fails as a full disk or a stopped server makes it fail, for
the app-level tests of what readers and editors see then (the server-level
tests in tests/ stop a real PostgreSQL and fill a real disk)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import OperationalError, connection

WRITES = ("INSERT", "UPDATE", "DELETE")


@contextlib.contextmanager
def database_fails(*, writes_only: bool = False) -> Iterator[list[str]]:
    """Every query (or every write) on the default connection raises SQLite's
    "database or disk is full"; yields the statements that were refused."""
    refused: list[str] = []

    def refuse(execute, sql, params, many, context):
        if writes_only and not sql.lstrip().upper().startswith(WRITES):
            return execute(sql, params, many, context)
        refused.append(sql)
        raise OperationalError("database or disk is full")

    with connection.execute_wrapper(refuse):
        yield refused
