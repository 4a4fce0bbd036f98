"""Workers' leases, and the jobs of workers that died put back in the queue.

django-tasks-db marks a job RUNNING when a worker claims it; if that worker is
killed, the row would stay RUNNING for ever. So every `broadsheet worker` holds
a lease (a WorkerHeartbeat row) that a thread of its own renews every few
seconds, long jobs included, and a job whose worker's lease has expired is
queued again by another worker.

Leases are written and compared with the database's clock, so workers on
several machines agree whatever their own clocks say. After a database outage
every lease has aged alike: a worker only judges the others once it has itself
reached the database for a whole lease, time enough for every live worker to
have renewed its own.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from django.db import (
    IntegrityError,
    close_old_connections,
    connections,
    transaction,
)
from django.db.models import DurationField, ExpressionWrapper, Max, Value
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from broadsheet.core.models import WorkerHeartbeat
from broadsheet.core.outages import is_outage

logger = logging.getLogger("broadsheet.worker")

BEAT_EVERY = 5.0  # seconds, by default
LEASE_BEATS = 6  # a lease lasts this many beats: a worker is dead after 30 s
# A job interrupted this many times (its worker killed each time, by the job
# itself perhaps) is failed rather than queued again for ever.
MAX_CLAIMS = 5
FORGET_AFTER = timedelta(days=1)  # heartbeats of workers gone this long


class WorkerLost(Exception):
    """Recorded as the error of a job whose worker died too many times."""


def _from_now(delta: timedelta) -> ExpressionWrapper:
    return ExpressionWrapper(
        Now() + Value(delta, output_field=DurationField()),
        output_field=WorkerHeartbeat._meta.get_field("seen_at"),
    )


def beat(worker_id: str, *, lease: timedelta) -> None:
    """Renew (or take) the worker's lease for `lease` from now."""
    lease_from_now = {"seen_at": Now(), "expires_at": _from_now(lease)}
    mine = WorkerHeartbeat.objects.filter(worker_id=worker_id)
    if mine.update(**lease_from_now):
        return
    try:
        with transaction.atomic():
            WorkerHeartbeat.objects.create(worker_id=worker_id, **lease_from_now)
    except IntegrityError:
        # The worker's other thread took it first (a claim and a beat at once).
        mine.update(**lease_from_now)


def worker_heartbeat_age() -> float | None:
    """Seconds since any worker last renewed its lease, by the database's
    clock; None when no worker has been seen for a day."""
    age = WorkerHeartbeat.objects.aggregate(
        age=ExpressionWrapper(Now() - Max("seen_at"), output_field=DurationField())
    )["age"]
    return None if age is None else max(age.total_seconds(), 0.0)


def requeue_orphaned_jobs() -> list[str]:
    """Queue again the jobs left RUNNING by a worker whose lease has expired
    (or which never held one); a job interrupted MAX_CLAIMS times is failed
    instead. Returns the ids of the jobs queued again."""
    requeued = []
    with transaction.atomic():
        # Locked, so that a worker recording its job's end waits for us (and
        # we skip a row it is writing), and two sweeps never share a job.
        running = list(
            DBTaskResult.objects.running()
            .select_for_update(skip_locked=True)
            .only("id", "worker_ids", "status", "task_path")
        )
        owners = {job.worker_ids[-1] for job in running if job.worker_ids}
        alive = set(
            WorkerHeartbeat.objects.filter(
                worker_id__in=owners, expires_at__gt=Now()
            ).values_list("worker_id", flat=True)
        )
        for job in running:
            if job.worker_ids and job.worker_ids[-1] in alive:
                continue
            if len(job.worker_ids) >= MAX_CLAIMS:
                _fail(job)
                continue
            DBTaskResult.objects.filter(pk=job.pk).update(status=TaskResultStatus.READY)
            requeued.append(str(job.id))
            logger.warning(
                "Job %s (%s) queued again: its worker stopped mid-job",
                job.id,
                job.task_path,
            )
        WorkerHeartbeat.objects.filter(seen_at__lt=_from_now(-FORGET_AFTER)).delete()
    return requeued


def _fail(job: DBTaskResult) -> None:
    error = WorkerLost(f"Its worker stopped mid-job {len(job.worker_ids)} times.")
    DBTaskResult.objects.filter(pk=job.pk).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=f"{__name__}.{WorkerLost.__qualname__}",
        traceback=f"{WorkerLost.__qualname__}: {error}",
        return_value=None,
    )
    logger.error("Job %s (%s) failed: %s", job.id, job.task_path, error)


class Heartbeat:
    """A worker's lease, renewed every `every` seconds from a thread of its
    own; the same thread queues again the jobs of dead workers, once this
    worker has reached the database for a whole lease, and every lease
    after that."""

    def __init__(self, worker_id: str, *, every: float = BEAT_EVERY) -> None:
        self.worker_id = worker_id
        self.every = every
        self.lease = timedelta(seconds=every * LEASE_BEATS)
        self.reaching_since: float | None = None
        self._last_sweep = float("-inf")
        self._complained = False
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="worker-heartbeat", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=self.every + 5)

    def lost_database(self) -> None:
        """The worker met an outage: leases it reads now may be stale."""
        self.reaching_since = None

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                self._tick()
                self._stopping.wait(self.every)
        finally:
            connections.close_all()

    def _tick(self) -> None:
        try:
            close_old_connections()
            beat(self.worker_id, lease=self.lease)
            now = time.monotonic()
            if self.reaching_since is None:
                self.reaching_since = now
            lease = self.lease.total_seconds()
            if now - self.reaching_since >= lease and now - self._last_sweep >= lease:
                self._last_sweep = now
                requeue_orphaned_jobs()
            self._complained = False
        except Exception as error:
            self.reaching_since = None
            # The worker's main loop says "database unavailable" once; a
            # mistake of ours is said once until the heartbeat works again.
            if not is_outage(error) and not self._complained:
                logger.exception("The worker's heartbeat failed")
                self._complained = True
            connections.close_all()
