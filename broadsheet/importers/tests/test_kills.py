"""An import killed at any moment leaves the site as it was before, or as the
whole import leaves it: never a mix. Through the real command line, with
SIGKILL, on SQLite in its data directory."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from broadsheet.importers.tests.wxr_files import generated_export

# Columns that hold the moment of writing: they differ between two imports of
# the same file, so the after-state is compared without them.
MOMENTS = ("created_at", "updated_at", "imported_at", "local_updated_at", "run_after")


def environment(data_dir: Path) -> dict:
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)  # the data directory's own SQLite
    env.pop("CACHE_URL", None)
    return env


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


def import_until(data_dir: Path, export: Path, marker: str, delay: float) -> str:
    """Start the import, kill it `delay` seconds after `marker` appears in its
    progress output; returns what it printed."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "broadsheet.cli",
            "import",
            "wordpress",
            str(export),
            "--progress",
        ],
        env=environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen = b""
    deadline = time.monotonic() + 120
    while marker.encode() not in seen and time.monotonic() < deadline:
        chunk = os.read(process.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()
    return seen.decode(errors="replace")


def test_a_killed_import_leaves_the_whole_before_or_the_whole_after(tmp_path):
    export = tmp_path / "export.xml"
    generated_export(export, 80)
    pristine = tmp_path / "pristine"
    subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "migrate", "-v0"],
        env=environment(pristine),
        check=True,
        timeout=120,
    )
    database = "broadsheet.sqlite3"
    before = checksums(pristine / database, without_moments=False)

    finished = tmp_path / "finished"
    shutil.copytree(pristine, finished)
    subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "import", "wordpress", str(export)],
        env=environment(finished),
        check=True,
        timeout=300,
        capture_output=True,
    )
    after = checksums(finished / database, without_moments=True)
    assert after["publishing_article"][0] == 80

    outcomes = []
    moments = [("read ", 0.3), ("loading articles", 0.0), ("loading comments", 0.0)]
    delays = (0.05, 0.15, 0.3, 0.4, 0.5, 0.6, 1.0)
    moments += [("loading comments", delay) for delay in delays]
    for number, (marker, delay) in enumerate(moments):
        data_dir = tmp_path / f"killed-{number}"
        shutil.copytree(pristine, data_dir)
        printed = import_until(data_dir, export, marker, delay)
        assert marker in printed, printed
        if checksums(data_dir / database, without_moments=False) == before:
            outcomes.append("before")
        else:
            assert checksums(data_dir / database, without_moments=True) == after, (
                f"killed {delay} s after {marker!r}: neither before nor after"
            )
            outcomes.append("after")
    print("outcomes:", list(zip(moments, outcomes, strict=True)))
    # Kills during staging and during the load found the site untouched.
    assert outcomes[:3] == ["before", "before", "before"]
