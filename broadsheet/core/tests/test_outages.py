"""What counts as an outage (503, retried) and what stays a mistake (500)."""

import errno
import sqlite3

import psycopg
import pytest
from django.db import utils as db_utils

from broadsheet.core.outages import is_outage
from broadsheet.pagecache.stores import StoreUnavailable


def _wrapped(cause: BaseException, wrapper=db_utils.OperationalError):
    try:
        try:
            raise cause
        except BaseException as error:
            raise wrapper(*error.args) from error
    except BaseException as outer:
        return outer


def test_a_full_sqlite_disk_is_an_outage(tmp_path):
    error = sqlite3.OperationalError("database or disk is full")
    assert is_outage(error)
    assert is_outage(_wrapped(error))


def test_a_missing_table_is_a_mistake_not_an_outage(tmp_path):
    db = sqlite3.connect(tmp_path / "x.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as raised:
        db.execute("SELECT * FROM no_such_table")
    assert not is_outage(raised.value)
    assert not is_outage(_wrapped(raised.value))


def test_a_refused_postgresql_connection_is_an_outage():
    with pytest.raises(psycopg.OperationalError) as raised:
        psycopg.connect("postgresql://postgres@127.0.0.1:1/none", connect_timeout=2)
    assert is_outage(_wrapped(raised.value))


def test_a_postgresql_syntax_error_is_a_mistake():
    error = psycopg.errors.SyntaxError("syntax error at or near")
    assert not is_outage(_wrapped(error, db_utils.ProgrammingError))


def test_disk_errors_and_store_outages_are_outages():
    assert is_outage(OSError(errno.ENOSPC, "No space left on device"))
    assert is_outage(StoreUnavailable("redis away"))
    assert is_outage(db_utils.InterfaceError("connection already closed"))


def test_programming_errors_are_not_outages():
    assert not is_outage(ValueError("bad"))
    assert not is_outage(KeyError("x"))
    assert not is_outage(OSError(errno.ENOENT, "No such file"))
    assert not is_outage(_wrapped(ZeroDivisionError(), RuntimeError))


def test_an_outage_is_logged_in_one_line_and_a_mistake_with_its_traceback():
    import logging
    import sys

    from broadsheet.core.outages import OutageLogFilter

    def record_of(error):
        try:
            raise error
        except Exception:
            return logging.LogRecord(
                "django.request", logging.ERROR, __file__, 1,
                "Service Unavailable: %s", ("/comments/post/",), sys.exc_info(),
            )  # fmt: skip

    outage = record_of(_wrapped(sqlite3.OperationalError("database or disk is full")))
    assert OutageLogFilter().filter(outage)
    assert outage.exc_info is None
    assert outage.getMessage() == (
        "Service Unavailable: /comments/post/ (OperationalError: database or disk "
        "is full)"
    )
    mistake = record_of(ZeroDivisionError("division by zero"))
    assert OutageLogFilter().filter(mistake)
    assert mistake.exc_info is not None
