"""`broadsheet backup` and `broadsheet restore` on the demo site and on a site
with 100,000 comments.

    python bench/backup.py [--comments 100000] [--runs 3] [--keep DIR]

Builds the demo site (`broadsheet serve --demo`, stopped again) and a site of
generated posts with threaded comments (a WXR export written by the importer
tests' generator, imported with `broadsheet import wordpress`), then times
`broadsheet backup` and `broadsheet restore` on each as separate processes
(wall-clock, the command's start-up included; median of `--runs`) and prints
the archive's size beside the database's. For the choice of compression it
also times gzip of the database copy at levels 1, 6 and 9 (the archive
compresses the database only: pictures are compressed already). The time of a
fixed pure-Python loop is printed too, since the machines we measure on vary
in speed. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.import_wxr import machine_speed  # noqa: E402
from broadsheet.importers.tests.wxr_files import (  # noqa: E402
    COMMENTS_PER_POST,
    generated_export,
)
from tests.conftest import start_server  # noqa: E402


def broadsheet(data_dir: Path, *args: str) -> tuple[float, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "BROADSHEET_PURGE_FRONTS"}
    }
    environment["BROADSHEET_DATA_DIR"] = str(data_dir)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"broadsheet {' '.join(args)} failed:\n{result.stderr}")
    return seconds, result.stdout


def comments_in(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM discussion_comment").fetchone()[
            0
        ]


def gzip_levels(database: Path) -> list[str]:
    data = database.read_bytes()
    lines = []
    for level in (1, 6, 9):
        started = time.perf_counter()
        size = len(gzip.compress(data, compresslevel=level))
        lines.append(
            f"    gzip -{level}: {size / 2**20:.1f} MB in "
            f"{time.perf_counter() - started:.2f} s"
        )
    return lines


def measure(name: str, data_dir: Path, work: Path, runs: int) -> None:
    database = data_dir / "broadsheet.sqlite3"
    slug = name.replace(" ", "-")
    backups, times, restores = work / f"{slug}-backups", [], []
    archive = None
    for run in range(runs):
        seconds, output = broadsheet(data_dir, "backup", str(backups), "--keep", "1")
        times.append(seconds)
        archive = Path(output.removeprefix("Wrote ").split(" (")[0])
        target = work / f"{slug}-restored-{run}"
        seconds, _ = broadsheet(target, "restore", str(archive))
        restores.append(seconds)
        shutil.rmtree(target)
        time.sleep(1.1)  # archive names are to the second
    print(
        f"{name}: {comments_in(database):,} comments, database "
        f"{database.stat().st_size / 2**20:.1f} MB"
    )
    print(
        f"  backup: median {statistics.median(times):.2f} s "
        f"({', '.join(f'{t:.2f}' for t in times)}), archive "
        f"{archive.stat().st_size / 2**20:.1f} MB"
    )
    print(
        f"  restore: median {statistics.median(restores):.2f} s "
        f"({', '.join(f'{t:.2f}' for t in restores)})"
    )
    print("  the database copy alone, for the choice of compression:")
    print("\n".join(gzip_levels(database)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the sites here")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="broadsheet-backup-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"a fixed Python loop: {machine_speed():.3f} s")

    demo = work / "demo"
    if not (demo / "broadsheet.sqlite3").exists():
        start_server(demo, "--demo").stop()
    measure("demo site", demo, work, options.runs)

    large = work / "large"
    if not (large / "broadsheet.sqlite3").exists():
        export = work / "export.xml"
        posts = max(1, round(options.comments / COMMENTS_PER_POST))
        _, comments = generated_export(export, posts)
        print(f"(importing {posts:,} posts with {comments:,} comments)")
        broadsheet(large, "import", "wordpress", str(export))
    measure("large site", large, work, options.runs)
    if options.keep is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
