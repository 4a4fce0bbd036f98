"""`broadsheet worker`: django-tasks-db's worker, made to outlive the database.

It differs from `db_worker` in four ways. A database outage (a restart, a
server that is down for a while) is waited out: one log line, connections
closed, a bounded backoff, and the worker goes on. The outcome of a job is kept
until it can be recorded, so a job that ran while the database went away is
neither lost nor run twice. A job that itself met an outage runs again later
instead of failing. And the worker holds a lease (broadsheet.core.heartbeats)
while it lives, so the job of a worker that is killed runs again elsewhere.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from argparse import ArgumentTypeError
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.db import close_old_connections, connection, connections, transaction
from django.db.utils import DatabaseError
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks import TaskResultStatus
from django_tasks.base import TaskContext
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker as DBWorker
from django_tasks_db.management.commands.db_worker import valid_interval
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from broadsheet.core.heartbeats import BEAT_EVERY, Heartbeat, beat
from broadsheet.core.outages import is_outage
from broadsheet.core.recurring import schedule_recurring

logger = logging.getLogger("broadsheet.worker")

FIRST_PAUSE, LAST_PAUSE = 0.5, 10.0  # seconds between reconnection attempts
# A job that met an outage runs again after 5 s, then 10, 20… at most 5 min.
AGAIN_FIRST, AGAIN_LAST = 5.0, 300.0


@dataclass
class Outcome:
    """What running a job gave: a value, or the exception it raised."""

    job: DBTaskResult
    value: Any = None
    error: Exception | None = None


class Worker(DBWorker):
    """django-tasks-db's worker loop, with outages waited out, outcomes kept
    until recorded and a lease held; see the module's docstring."""

    def __init__(self, *, heartbeat: float, **options: Any) -> None:
        super().__init__(**options)
        self.heartbeat = Heartbeat(self.worker_id, every=heartbeat)
        self.current: DBTaskResult | None = None  # claimed, not yet recorded
        self.unrecorded: Outcome | None = None
        self.stopping = threading.Event()

    def shutdown(self, signum, frame) -> None:
        self.stopping.set()  # ends a wait for the database at once
        super().shutdown(signum, frame)

    def run(self) -> None:
        logger.info("Starting worker worker_id=%s", self.worker_id)
        self.heartbeat.start()
        try:
            if self.startup_delay and self.interval:
                time.sleep(random.random())  # noqa: S311  (no thundering herd)
            self._loop()
        finally:
            self.heartbeat.stop()
            self._give_back_unfinished()

    def _loop(self) -> None:
        scheduled = False
        while self.running:
            job = None
            try:
                if not scheduled:
                    schedule_recurring()
                    scheduled = True
                self.record()
                job = self._claim()
                if job is not None:
                    self.run_task(job)
            except Exception as error:
                if not is_outage(error):
                    raise
                self._wait_for_database(error)
                continue
            if (self.batch and job is None) or (
                self.max_tasks is not None and self._run_tasks >= self.max_tasks
            ):
                return
            if self.running and job is None:
                time.sleep(self.interval)

    def _claim(self) -> DBTaskResult | None:
        close_old_connections()
        jobs = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            jobs = jobs.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            jobs = jobs.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(jobs.db):
            job = jobs.get_locked()
            if job is not None:
                # The lease exists before the job is ours: a sweep never
                # finds it RUNNING without a live owner.
                beat(self.worker_id, lease=self.heartbeat.lease)
                job.claim(self.worker_id)
        return job

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run the job and record its outcome (later, if the database is away)."""
        self.running_task = True
        self.current = db_task_result
        self.unrecorded = self._outcome(db_task_result)
        self._run_tasks += 1
        self.record()

    def _outcome(self, job: DBTaskResult) -> Outcome:
        try:
            task = job.task
            result = job.task_result
            task_started.send(sender=type(task.get_backend()), task_result=result)
            args, kwargs = result.args, result.kwargs
            if task.takes_context:
                args = [TaskContext(task_result=result), *args]
            return Outcome(job, value=task.call(*args, **kwargs))
        except Exception as error:
            return Outcome(job, error=error)

    def record(self) -> None:
        """Record the outcome kept from the last job, if any: its end, or,
        for a job that met an outage, its return to the queue for later."""
        outcome = self.unrecorded
        if outcome is None:
            return
        close_old_connections()
        job = outcome.job
        with transaction.atomic():
            if not _still_ours(job):
                logger.warning("Job %s was queued again before it was recorded", job.id)
            elif outcome.error is not None and is_outage(outcome.error):
                _run_again_later(job, outcome.error)
            else:
                _record_end(job, outcome)
        self.current = self.unrecorded = None
        self.running_task = False
        if job.status == TaskResultStatus.SUCCESSFUL:
            _announce_end(job)
        elif job.status == TaskResultStatus.FAILED:
            # django-tasks logs a failure with logger.exception, which shows
            # the exception being handled: so it is, once more.
            try:
                raise outcome.error
            except Exception:
                _announce_end(job)

    def _wait_for_database(self, error: Exception) -> None:
        self.heartbeat.lost_database()
        reason = str(error).strip().splitlines()[0] if str(error).strip() else error
        logger.warning(
            "Database unavailable (%s): the worker waits and reconnects", reason
        )
        away_since, pause = time.monotonic(), FIRST_PAUSE
        while self.running:
            _close_connections()
            if self.stopping.wait(pause):
                return
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
            except Exception as again:
                if not is_outage(again):
                    raise
                pause = min(pause * 2, LAST_PAUSE)
                continue
            logger.warning(
                "Database back after %.0f s: the worker goes on",
                time.monotonic() - away_since,
            )
            return

    def _give_back_unfinished(self) -> None:
        """On the way out, record the outcome still kept, or queue again the
        job a forced stop interrupted, rather than leave it to its lease."""
        job = self.current
        if job is None:
            return
        try:
            if self.unrecorded is not None:
                self.record()
                return
            with transaction.atomic():
                if _still_ours(job):
                    DBTaskResult.objects.filter(pk=job.pk).update(
                        status=TaskResultStatus.READY
                    )
                    logger.warning("Job %s queued again: the worker stopped", job.id)
        except DatabaseError as error:
            logger.warning("Job %s is left to its lease: %s", job.id, error)


def _still_ours(job: DBTaskResult) -> bool:
    """Whether the job is RUNNING under our claim still (locked till commit)."""
    current = (
        DBTaskResult.objects.select_for_update()
        .filter(pk=job.pk, status=TaskResultStatus.RUNNING)
        .values_list("worker_ids", flat=True)
        .first()
    )
    return current == job.worker_ids


def _run_again_later(job: DBTaskResult, error: Exception) -> None:
    delay = min(AGAIN_FIRST * 2 ** (len(job.worker_ids) - 1), AGAIN_LAST)
    DBTaskResult.objects.filter(pk=job.pk).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + timedelta(seconds=delay),
    )
    logger.warning(
        "Job %s (%s) met an outage (%s); it runs again in %.0f s",
        job.id,
        job.task_path,
        type(error).__name__,
        delay,
    )


def _record_end(job: DBTaskResult, outcome: Outcome) -> None:
    # Unwrapped: their blind retries inside a transaction would hide an
    # outage behind a TransactionManagementError; the worker retries instead.
    if outcome.error is None:
        try:
            with transaction.atomic():
                DBTaskResult.set_successful.__wrapped__(job, outcome.value)
            return
        except (TypeError, ValueError) as error:  # a value JSON cannot hold
            outcome.error = error
    DBTaskResult.set_failed.__wrapped__(job, outcome.error)


def _announce_end(job: DBTaskResult) -> None:
    try:
        sender = type(job.task.get_backend())
    except (ImportError, SuspiciousOperation):
        return  # a task that no longer exists: its failure is recorded
    task_finished.send(sender=sender, task_result=job.task_result)


def _close_connections() -> None:
    for each in connections.all(initialized_only=True):
        try:
            each.close()
        except DatabaseError:
            pass  # it was broken; it is closed all the same


def positive_seconds(value: str) -> float:
    seconds = valid_interval(value)
    if not seconds:
        raise ArgumentTypeError("Must be greater than zero")
    return seconds


class Command(DBWorkerCommand):
    help = (
        "Run the background worker: mail, scheduled work and the recurring jobs "
        "(hourly digest, time-driven purges), queued in the database. It waits "
        "out database outages and runs again the jobs of workers that died."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat",
            metavar="SECONDS",
            type=positive_seconds,
            default=BEAT_EVERY,
            help="seconds between renewals of this worker's lease; a worker "
            "silent for six of them is taken for dead and its job runs again "
            "(default: %(default)r)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queues = options["queue_name"].split(",")
        excluded = (options["exclude_queues"] or "").split(",")
        worker = Worker(
            queue_names=queues,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=[name for name in excluded if name],
            heartbeat=options["heartbeat"],
        )
        if options["reload"] and not options["batch"]:
            # Development only (DEBUG): as django-tasks-db does, in the child.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
            return
        worker.configure_signals()
        worker.run()
