"""Jobs that run again and again (the hourly digest, time-driven purges).

django-tasks has no scheduler, so each run of a recurring job queues the next
one itself, handing on the end of the time window it covered. A run that fails
hands on its own start, so the next run covers that window again. The worker
calls `schedule_recurring()` as it starts, which queues a first run of every job
that has none waiting or running.

A run may happen twice (its worker killed before the run was recorded: see
broadsheet.core.heartbeats): the second covers the same window again and a
little more, so a body must be harmless twice. Two chains of one job (two
workers starting at once) are kept from forming by a lock.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone
from django_tasks import TaskContext, TaskResultStatus, task
from django_tasks.base import Task

logger = logging.getLogger(__name__)

# A job body gets the window (since, until], after the run's TaskContext when
# it takes one, and returns False to have the next run cover it again (a mail
# server that was down, say).
Body = Callable[..., bool | None]
# Held while a chain is looked at and extended (PostgreSQL; SQLite's
# transactions take its one write lock anyway).
CHAIN_LOCK = 0x62726F6164  # "broad"


@dataclass(frozen=True)
class Recurring:
    task: Task
    every: timedelta
    lookback: timedelta


_jobs: dict[str, Recurring] = {}


def recurring(
    *,
    every: timedelta,
    lookback: timedelta | None = None,
    takes_context: bool = False,
):
    """Make `body(since, until)` a task that runs every `every`. Its first run
    covers `lookback` (default: `every`) before the worker started. With
    `takes_context`, the body gets the run's TaskContext first (its id keys
    what a run that happens twice must not do twice)."""

    def decorate(body: Body) -> Task:
        @functools.wraps(body)
        def run(context: TaskContext, since: str) -> str:
            start, until = datetime.fromisoformat(since), timezone.now()
            handed_on = start
            try:
                window = (context, start, until) if takes_context else (start, until)
                if body(*window) is not False:
                    handed_on = until
            finally:
                _queue_next(job, since=handed_on, at=until + every)
            return "done" if handed_on == until else "window kept for the next run"

        # django-tasks reads the signature: run's own, not the body's.
        del run.__wrapped__
        job = Recurring(task(takes_context=True)(run), every, lookback or every)
        _jobs[job.task.module_path] = job
        return job.task

    return decorate


def _runs(job: Recurring, *statuses: TaskResultStatus) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=job.task.module_path, status__in=statuses
    ).exists()


def _lock_chains() -> None:
    """Serialise the looking at and extending of chains, till the commit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def _queue_next(job: Recurring, *, since: datetime, at: datetime) -> None:
    with transaction.atomic():
        _lock_chains()
        # Two chains (a run that happened twice) meet here and become one.
        if not _runs(job, TaskResultStatus.READY):
            job.task.using(run_after=at).enqueue(since=since.isoformat())


def schedule_recurring() -> list[str]:
    """Queue a first run of every recurring job that has none waiting or
    running; returns the names of the jobs it queued."""
    queued = []
    now = timezone.now()
    with transaction.atomic():
        _lock_chains()
        for path, job in sorted(_jobs.items()):
            if not _runs(job, TaskResultStatus.READY, TaskResultStatus.RUNNING):
                job.task.enqueue(since=(now - job.lookback).isoformat())
                queued.append(path)
                logger.info("Scheduled the recurring job %s", path)
    return queued
