"""Data directories that tests import into through the real command line, and
per-table checksums of their SQLite databases."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

# Columns that hold the moment of writing: they differ between two imports of
# the same file, so the after-state is compared without them.
DATABASE = "broadsheet.sqlite3"
# Columns that hold the moment of the run (an import, its purge intent).
MOMENTS = (
    "created_at",
    "updated_at",
    "imported_at",
    "local_updated_at",
    "run_after",
    "written_at",
    "retry_at",
)


def environment(data_dir: Path) -> dict:
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)  # the data directory's own SQLite
    env.pop("CACHE_URL", None)
    return env


def broadsheet(
    data_dir: Path, *args: str, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """`broadsheet ARGS` on this data directory, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", *args],
        env={**environment(data_dir), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def processes_reading(export: Path) -> list[int]:
    """The live processes whose command line names this export."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
            state = (cmdline.parent / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if str(export).encode() in words and state != "Z":
            found.append(int(cmdline.parent.name))
    return found


def checksums(database: Path, *, without_moments: bool) -> dict[str, tuple]:
    """Per table: its row count and a digest of its rows."""
    connection = sqlite3.connect(database)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        sums = {}
        for table in tables:
            columns = [
                row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')
            ]
            if without_moments:
                columns = [c for c in columns if c not in MOMENTS]
            if table.startswith("django_tasks") and without_moments:
                columns = ["count(*)"]
            listed = ", ".join(c if c == "count(*)" else f'"{c}"' for c in columns)
            query = f'SELECT {listed} FROM "{table}" ORDER BY 1'  # noqa: S608
            rows = connection.execute(query).fetchall()
            sums[table] = (len(rows), hash(tuple(rows)))
        return sums
    finally:
        connection.close()
