"""Jobs that run again and again (the hourly digest, time-driven purges).

django-tasks has no scheduler, so each run of a recurring job queues the next
one itself, handing on the end of the time window it covered. A run that fails
hands on its own start, so the next run covers that window again. The worker
calls `schedule_recurring()` as it starts, which queues a first run of every job
that has none waiting.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.base import Task

logger = logging.getLogger(__name__)

# A job body gets the window (since, until] and returns False to have the next
# run cover it again (a mail server that was down, say).
Body = Callable[[datetime, datetime], bool | None]


@dataclass(frozen=True)
class Recurring:
    task: Task
    every: timedelta
    lookback: timedelta


_jobs: dict[str, Recurring] = {}


def recurring(*, every: timedelta, lookback: timedelta | None = None):
    """Make `body(since, until)` a task that runs every `every`. Its first run
    covers `lookback` (default: `every`) before the worker started."""

    def decorate(body: Body) -> Task:
        @functools.wraps(body)
        def run(since: str) -> str:
            start, until = datetime.fromisoformat(since), timezone.now()
            handed_on = start
            try:
                if body(start, until) is not False:
                    handed_on = until
            finally:
                _queue_next(job, since=handed_on, at=until + every)
            return "done" if handed_on == until else "window kept for the next run"

        job = Recurring(task()(run), every, lookback or every)
        _jobs[job.task.module_path] = job
        return job.task

    return decorate


def _waiting(job: Recurring) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=job.task.module_path, status=TaskResultStatus.READY
    ).exists()


def _queue_next(job: Recurring, *, since: datetime, at: datetime) -> None:
    # Two chains (two workers started at once) meet here and become one.
    if _waiting(job):
        return
    job.task.using(run_after=at).enqueue(since=since.isoformat())


def schedule_recurring() -> list[str]:
    """Queue a first run of every recurring job that has none waiting; returns
    the names of the jobs it queued."""
    queued = []
    now = timezone.now()
    for path, job in sorted(_jobs.items()):
        if not _waiting(job):
            job.task.enqueue(since=(now - job.lookback).isoformat())
            queued.append(path)
            logger.info("Scheduled the recurring job %s", path)
    return queued
