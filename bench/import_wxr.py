"""The WordPress importer on generated exports of about 10 MB and 100 MB.

    python bench/import_wxr.py [--sizes 10,100] [--keep DIR]

Writes WXR files of invented content (posts of several paragraphs with headings,
quotes and links, threaded comments up to a few levels deep, a few held and
spam ones), then runs `broadsheet import wordpress FILE` on each, in a fresh
data directory, as a separate process, and prints the items and comments per
second and the peak RSS of that process (from wait4). A second import of the
same file is timed too (it finds everything unchanged). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadsheet.importers.tests.wxr_files import generated_export  # noqa: E402


def run_import(data_dir: Path, path: Path) -> tuple[float, int, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "broadsheet.cli", "import", "wordpress", str(path)],
        env={**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"import failed:\n{output}")
    return seconds, usage.ru_maxrss // 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100", help="file sizes in MB")
    parser.add_argument("--keep", type=Path, help="write the files here")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    for megabytes in (int(size) for size in options.sizes.split(",")):
        path = work / f"export-{megabytes}mb.xml"
        # About 41 KB of XML per post with its comments.
        posts, comments = generated_export(path, megabytes * 1024 * 1024 // 41_000)
        size = path.stat().st_size / 1024 / 1024
        data_dir = Path(tempfile.mkdtemp(prefix=f"bench-import-{megabytes}-"))
        seconds, peak, output = run_import(data_dir, path)
        print(f"\n{size:.1f} MB export: {posts:,} posts, {comments:,} comments")
        done = re.search(r"Done \(([\d.]+) s, of which ([\d.]+) s", output)
        own, load = float(done[1]), float(done[2])
        print(
            f"  first import   {seconds:7.1f} s  {(posts + comments) / seconds:8,.0f} "
            f"items/s  {comments / seconds:8,.0f} comments/s  peak RSS {peak} MiB"
        )
        print(
            f"  without start-up and migrations ({own:.1f} s): "
            f"{comments / own:,.0f} comments/s; the load's transaction {load:.1f} s"
        )
        summary = [line for line in output.splitlines() if line.startswith("  ")]
        print("\n".join("    " + line.strip() for line in summary[:8]))
        seconds, peak, _ = run_import(data_dir, path)
        print(
            f"  second import  {seconds:7.1f} s  (everything unchanged)"
            f"  peak RSS {peak} MiB"
        )


if __name__ == "__main__":
    main()
