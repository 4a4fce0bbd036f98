"""The database of a backup: a consistent copy taken while the site runs, and
put back into an empty place.

SQLite: the online backup API (`sqlite3.Connection.backup`) in one step, that
is one read transaction: the copy is the database as of one commit, while the
site's writers go on (WAL lets a reader and writers work side by side).
PostgreSQL: `pg_dump`, which reads in one repeatable-read snapshot, and
`pg_restore` in one transaction into an empty database.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from broadsheet.backups import BackupError
from broadsheet.backups.archive import new_file

SQLITE_MEMBER = "database/broadsheet.sqlite3.gz"
POSTGRES_MEMBER = "database/postgresql.dump"
SQLITE_FULL = 13
KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def snapshot_sqlite(source: Path, destination: Path) -> None:
    """Copy the live database at `source` into `destination`, a new private file."""
    new_file(destination).close()
    live = sqlite3.connect(source, timeout=20)
    copy = sqlite3.connect(destination)
    try:
        live.backup(copy)
        # The copy stands alone, without a -wal file beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        # SQLite reports a full disk as SQLITE_FULL or, on some writes, as a
        # plain I/O error; the space left (the partial copy still there) tells.
        if (
            getattr(error, "sqlite_errorcode", 0) & 0xFF == SQLITE_FULL
            or shutil.disk_usage(destination.parent).free < 2**20
        ):
            raise OSError(errno.ENOSPC, str(error)) from error
        raise
    finally:
        copy.close()
        live.close()


def remove_sqlite_files(path: Path) -> None:
    """Remove a database file and whatever SQLite keeps beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def integrity_problem(path: Path) -> str | None:
    """None when SQLite's `PRAGMA integrity_check` finds the file sound, else
    its first complaint."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        connection.close()
    return None if rows == [("ok",)] else str(rows[0][0])


def _libpq(database_url: str) -> tuple[str, dict[str, str]]:
    """The address for pg_dump and pg_restore without its password (which the
    process list would show), and an environment that carries it instead."""
    parts = urlsplit(database_url)
    environment = dict(os.environ)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    if password:
        environment["PGPASSWORD"] = unquote(password)
    address = urlunsplit(
        ("postgresql", f"{user}{at}{hostport}", parts.path, parts.query, "")
    )
    return address, environment


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed, and a site on PostgreSQL needs it "
            "(Debian: apt-get install postgresql-client)."
        )
    return path


def _complaint(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return (
        lines[-1].removeprefix("pg_dump: ").removeprefix("pg_restore: ")
        if lines
        else ""
    )


def dump_postgres(database_url: str, destination: Path) -> None:
    """pg_dump's custom format into `destination`, a new private file; raises
    BackupError, or OSError(ENOSPC) when the disk fills up."""
    address, environment = _libpq(database_url)
    program = _program("pg_dump")
    with new_file(destination) as out:
        result = subprocess.run(  # noqa: S603  (our own arguments, no shell)
            [program, "--format=custom", "--no-owner", "--no-privileges", address],
            stdout=out,
            stderr=subprocess.PIPE,
            env=environment,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        if "No space left on device" in result.stderr:
            raise OSError(errno.ENOSPC, "No space left on device")
        raise BackupError(f"pg_dump failed: {_complaint(result.stderr)}.")


def restore_postgres(database_url: str, dump: Path) -> None:
    """pg_restore `dump` in one transaction: on failure the database is left
    as it was. Raises BackupError."""
    address, environment = _libpq(database_url)
    result = subprocess.run(  # noqa: S603  (our own arguments, no shell)
        [
            _program("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            address,
            str(dump),
        ],
        capture_output=True,
        env=environment,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            "pg_restore failed and the database is left as it was: "
            f"{_complaint(result.stderr)}."
        )


def postgres_tables() -> list[str]:
    """The tables of the configured database (for the emptiness check)."""
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            return connection.introspection.table_names(cursor)
    finally:
        connection.close()
