"""Staging a WordPress export on every core: several processes each read the
whole file (the XML parse is the cheap part) and convert every Nth item, with
its comments, into a staging file of their own. The files are then merged into
the import's staging file, as if one process had read everything, so the load
and its report are the same whatever the number of processes.

The processes are forked: they share the settings and the modules already
loaded, and they never write to the site's database (they may read it, on
connections of their own, for images already here).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.synchronize import Event
from pathlib import Path

from django.db import connection, connections

from broadsheet.importers.exceptions import ImportRefused
from broadsheet.importers.report import Report
from broadsheet.importers.safexml import opened
from broadsheet.importers.staging import Staging
from broadsheet.importers.uploads import Uploads
from broadsheet.importers.wordpress.reading import (
    Read,
    finish_wordpress,
    merged_reads,
    read_wordpress,
)
from broadsheet.importers.wordpress.wxr import WHAT

# SQLite attaches at most ten files to one connection.
MOST_JOBS = 8


def default_jobs() -> int:
    """One process per core this process may run on."""
    return max(1, min(len(os.sched_getaffinity(0)), MOST_JOBS))


def can_fork() -> bool:
    """Forked readers use connections of their own, which would not see the
    writes of a transaction this process holds open (a caller's atomic block)."""
    return not connection.in_atomic_block


@dataclass
class ShardReport(Report):
    """A shard's report; it also stops the shard when the import is gone."""

    parent: int = 0
    ticks: int = 0

    def tick(self, kind: str) -> None:
        super().tick(kind)
        self.ticks += 1
        if self.ticks % 500 == 0 and os.getppid() != self.parent:
            os._exit(1)  # the import was killed: nothing will read this shard


def stage_wordpress_in_shards(
    path: Path,
    staging: Staging,
    report: Report,
    *,
    jobs: int,
    skip_broken: bool,
    uploads_dir: Path | None,
    meanwhile: Callable[[], None] = lambda: None,
) -> dict:
    """stage_wordpress, spread over `jobs` processes; returns the site's facts.

    `meanwhile` runs here while they read (the import migrates the site's
    database); their queries, if any, wait until it is done. Raises
    ImportRefused (the first one a process met)."""
    opened(path, WHAT).close()  # a missing file is refused before any fork
    parts = [
        staging.path.with_name(f"{staging.path.stem}-{n}.staging") for n in range(jobs)
    ]
    # Each process opens its own connections; none may inherit this one's.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    processes, pending = [], {}
    try:
        # The readers' collector leaves the objects they inherit alone, so
        # those pages stay shared with this process instead of being copied.
        gc.freeze()
        try:
            for number, part in enumerate(parts):
                reader, writer = context.Pipe(duplex=False)
                process = context.Process(
                    target=_read_shard,
                    args=(writer, path, part, (number, jobs), ready),
                    kwargs={
                        "skip_broken": skip_broken,
                        "uploads_dir": uploads_dir,
                        "progress": report.progress and number == 0,
                        "out": report.out,
                    },
                    daemon=True,
                )
                process.start()
                writer.close()
                processes.append(process)
                pending[reader] = number
        finally:
            gc.unfreeze()
        meanwhile()
        ready.set()
        reads = _collect(pending, report)
        staging.merge(parts)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for part in parts:
            part.unlink(missing_ok=True)
    read = merged_reads(reads)
    finish_wordpress(staging, read)
    return {**read.site, "base_path": read.base}


def _collect(pending: dict[Connection, int], report: Report) -> list[Read]:
    reads: dict[int, Read] = {}
    while pending:
        for reader in wait(list(pending)):
            number = pending.pop(reader)
            try:
                outcome, *rest = reader.recv()
            except EOFError:
                raise RuntimeError(
                    f"the staging process {number} stopped without a word; "
                    "its error is above"
                ) from None
            if outcome == "refused":
                raise ImportRefused(rest[0])
            read, counts, seen = rest
            reads[number] = read
            report.counts.update(counts)
            if number == 0:
                report.read.update(seen)  # every shard reads every record
    return [reads[number] for number in sorted(reads)]


def _read_shard(
    writer: Connection,
    path: Path,
    part: Path,
    shard: tuple[int, int],
    ready: Event,
    *,
    skip_broken: bool,
    uploads_dir: Path | None,
    progress: bool,
    out,
) -> None:
    # Ctrl-C reaches the whole process group: the import stops its shards.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    staging = Staging(part)
    report = ShardReport(out=out, progress=progress, parent=os.getppid())
    try:
        with connection.execute_wrapper(_after(ready)):
            read = read_wordpress(
                path,
                staging,
                report,
                skip_broken=skip_broken,
                uploads=Uploads(uploads_dir) if uploads_dir else None,
                shard=shard,
            )
        writer.send(("read", read, report.counts, report.read))
    except ImportRefused as refusal:
        writer.send(("refused", str(refusal)))
    finally:
        staging.close(keep=True)
        connections.close_all()
        writer.close()


def _after(ready: Event) -> Callable:
    """A query wrapper that holds each query until `ready` is set."""

    def wrapper(execute, sql, params, many, context):
        ready.wait()
        return execute(sql, params, many, context)

    return wrapper
