"""The WordPress importer on generated exports of about 10 MB and 100 MB.

    python bench/import_wxr.py [--sizes 10,100] [--runs 3] [--jobs N] [--keep DIR]

Writes WXR files of invented content (posts of several paragraphs with headings,
quotes and links, threaded comments up to a few levels deep, a few held and
spam ones), then runs `broadsheet import wordpress FILE` on each, in a fresh
data directory, as a separate process, `--runs` times, and prints the items
and comments per second of the median run (wall-clock, start-up and the new
data directory's migrations included).

Memory, in one more run (reading /proc takes a share of the CPU the timed runs
should not lose): the import reads on every core with forked processes, so
besides the peak RSS of the import's own process (from wait4) the process tree
is sampled every 20 ms, and the peaks of its summed RSS (shared pages counted
once per process: an upper bound) and summed PSS (shared pages divided among
the processes sharing them: what the tree really holds) are printed.

A second import of the same file is timed too (it finds everything
unchanged). The time of a fixed pure-Python loop is printed beside the
figures, since the machines we measure on vary in speed from minute to minute.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.processes import PeakMemory  # noqa: E402
from broadsheet.importers.tests.wxr_files import generated_export  # noqa: E402


@dataclass
class Run:
    seconds: float
    own_rss: int  # MiB, the import's own process
    tree_rss: int  # MiB, summed over the process tree, at its peak
    tree_pss: int
    output: str


def run_import(
    data_dir: Path, path: Path, jobs: int | None, *, sampled: bool = False
) -> Run:
    command = [sys.executable, "-m", "broadsheet.cli", "import", "wordpress"]
    command += [str(path)] + (["--jobs", str(jobs)] if jobs else [])
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env={**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Reading /proc takes CPU a timed run should not lose.
    peak = PeakMemory(process.pid, every=0.02)
    with peak if sampled else nullcontext():
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"import failed:\n{output}")
    return Run(
        seconds, usage.ru_maxrss // 1024, peak.rss // 1024, peak.pss // 1024, output
    )


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop, best of three: the shared machines
    we measure on run some minutes half again as slow as others, and this
    says which kind of minute a figure came from."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        sum(number * number for number in range(3_000_000))
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100", help="file sizes in MB")
    parser.add_argument("--runs", type=int, default=3, help="imports of each file")
    parser.add_argument("--jobs", type=int, help="passed on (default: the import's)")
    parser.add_argument("--keep", type=Path, help="write the files here")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    for megabytes in (int(size) for size in options.sizes.split(",")):
        path = work / f"export-{megabytes}mb.xml"
        # About 41 KB of XML per post with its comments.
        posts, comments = generated_export(path, megabytes * 1024 * 1024 // 41_000)
        size = path.stat().st_size / 1024 / 1024
        runs = []
        speed = machine_speed()
        for _ in range(options.runs):
            data_dir = Path(tempfile.mkdtemp(prefix=f"bench-import-{megabytes}-"))
            runs.append((run_import(data_dir, path, options.jobs), data_dir))
        median, data_dir = sorted(runs, key=lambda pair: pair[0].seconds)[
            len(runs) // 2
        ]
        times = ", ".join(f"{run.seconds:.2f}" for run, _ in runs)
        speed = (speed + machine_speed()) / 2
        print(f"\n{size:.1f} MB export: {posts:,} posts, {comments:,} comments")
        print(f"  machine speed: a fixed loop took {speed:.3f} s (lower is faster)")
        print(f"  first import, {len(runs)} runs: {times} s")
        print(
            f"  median         {median.seconds:7.2f} s  "
            f"{(posts + comments) / median.seconds:8,.0f} items/s  "
            f"{comments / median.seconds:8,.0f} comments/s"
        )
        done = re.search(r"Done \(([\d.]+) s, of which ([\d.]+) s", median.output)
        print(
            f"  the import's own time {float(done[1]):.1f} s, of which the load's "
            f"transaction {float(done[2]):.1f} s"
        )
        fresh = Path(tempfile.mkdtemp(prefix=f"bench-import-{megabytes}-"))
        sampled = run_import(fresh, path, options.jobs, sampled=True)
        subprocess.run(["rm", "-rf", str(fresh)], check=True)
        print(
            f"  memory at its peak: {sampled.own_rss} MiB RSS of the import's "
            f"process; the process tree {sampled.tree_rss} MiB RSS summed, "
            f"{sampled.tree_pss} MiB PSS summed"
        )
        summary = [line for line in median.output.splitlines() if line[:2] == "  "]
        print("\n".join("    " + line.strip() for line in summary[:8]))
        again = run_import(data_dir, path, options.jobs)
        print(
            f"  second import  {again.seconds:7.2f} s  (everything unchanged)  "
            f"{again.own_rss} MiB RSS of the import's process"
        )
        for _, directory in runs:
            subprocess.run(["rm", "-rf", str(directory)], check=True)


if __name__ == "__main__":
    main()
