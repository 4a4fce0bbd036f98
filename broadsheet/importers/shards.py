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

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.synchronize import Event, Lock
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from broadsheet.core.outages import is_outage
from broadsheet.importers.exceptions import ImportRefused, stopped_by_outage
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
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MOST_JOBS))


def can_fork() -> bool:
    """Forked readers use connections of their own, which would not see the
    writes of a transaction this process holds open (a caller's atomic block)."""
    return not connection.in_atomic_block


@dataclass
class Shared:
    """What the import and its readers share across the fork."""

    parent: int  # the import's process
    ready: Event  # set once the import's database is ready for queries
    # The place in the file of the earliest record a reader refused so far:
    # readers stop there, so the refusal named is the one a single reader
    # would have met first.
    refused_at: ctypes.c_longlong  # in memory the processes share
    lock: Lock

    def orphaned(self) -> bool:
        return os.getppid() != self.parent


class Overtaken(Exception):
    """Another reader refused an earlier record of the file."""


@dataclass
class ShardReport(Report):
    """A shard's report; it also stops the shard when its work is moot."""

    shared: Shared | None = None
    ticks: int = 0  # the records read, so the place of the one being staged

    def tick(self, kind: str) -> None:
        super().tick(kind)
        self.ticks += 1
        if self.ticks > self.shared.refused_at.value:
            raise Overtaken
        if self.ticks % 500 == 0 and self.shared.orphaned():
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
    ImportRefused: the refusal of the earliest record any process refused,
    as one process reading the whole file would."""
    opened(path, WHAT).close()  # a missing file is refused before any fork
    parts = [
        staging.path.with_name(f"{staging.path.stem}-{n}.staging") for n in range(jobs)
    ]
    # Each process opens its own connections; none may inherit this one's.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    shared = Shared(
        parent=os.getpid(),
        ready=context.Event(),
        refused_at=context.Value("q", sys.maxsize, lock=False),
        lock=context.Lock(),
    )
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
                    args=(writer, path, part, (number, jobs), shared),
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
        shared.ready.set()
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
    """Each reader's findings; raises the refusal of the earliest record any of
    them refused, once every reader has stopped."""
    reads: dict[int, Read] = {}
    refusals: list[tuple[int, str]] = []
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
            if outcome == "outage":
                raise ImportRefused(rest[0])  # the other readers are stopped
            if outcome == "refused":
                refusals.append((rest[0], rest[1]))
            elif outcome == "read":
                read, counts, seen = rest
                reads[number] = read
                report.counts.update(counts)
                if number == 0:
                    report.read.update(seen)  # every shard reads every record
    if refusals:
        raise ImportRefused(min(refusals)[1])
    return [reads[number] for number in sorted(reads)]


def _read_shard(
    writer: Connection,
    path: Path,
    part: Path,
    shard: tuple[int, int],
    shared: Shared,
    *,
    skip_broken: bool,
    uploads_dir: Path | None,
    progress: bool,
    out,
) -> None:
    # Ctrl-C reaches the whole process group: the import stops its shards.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    staging = None
    report = ShardReport(out=out, progress=progress, shared=shared)
    try:
        staging = Staging(part)
        with connection.execute_wrapper(_after(shared)):
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
        with shared.lock:
            if report.ticks < shared.refused_at.value:
                shared.refused_at.value = report.ticks
        writer.send(("refused", report.ticks, str(refusal)))
    except Overtaken:
        writer.send(("overtaken",))
    except Exception as error:
        if not is_outage(error):
            raise  # a mistake of ours: its traceback, and the import stops
        # A full disk, say: the import says so in one sentence.
        writer.send(("outage", str(stopped_by_outage(error, settings.DATA_DIR))))
    finally:
        if staging is not None:
            staging.close(keep=True)
        connections.close_all()
        writer.close()


def _after(shared: Shared) -> Callable:
    """A query wrapper that holds each query until the import's database is
    ready, and gives up if the import is gone meanwhile."""

    def wrapper(execute, sql, params, many, context):
        while not shared.ready.wait(1):
            if shared.orphaned():
                os._exit(1)
        return execute(sql, params, many, context)

    return wrapper
