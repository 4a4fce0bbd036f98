"""How the worker records a job's outcome: a job that met an outage runs again
later, a mistake of ours fails, and an outcome that waited out an outage is not
written over a job another worker has taken since."""

from __future__ import annotations

import pytest
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from broadsheet.core.management.commands.worker import Outcome, Worker
from broadsheet.discussion.tasks import refresh_cards

# The worker closes stale connections between jobs, which a test wrapped in
# a transaction would not survive.
pytestmark = pytest.mark.django_db(transaction=True)


def worker(worker_id: str = "ours") -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
        heartbeat=5,
    )


def claimed_by(worker_id: str) -> DBTaskResult:
    job = DBTaskResult.objects.get(pk=refresh_cards.enqueue().id)
    job.claim(worker_id)
    return job


def recorded(job: DBTaskResult, **outcome) -> DBTaskResult:
    ours = worker()
    ours.current = job
    ours.unrecorded = Outcome(job, **outcome)
    ours.record()
    return DBTaskResult.objects.get(pk=job.pk)


def test_a_job_that_met_an_outage_is_queued_to_run_again_later():
    job = recorded(
        claimed_by("ours"), error=OperationalError("database or disk is full")
    )
    assert job.status == "READY"
    assert job.run_after > timezone.now()


def test_a_job_that_raised_a_mistake_of_ours_fails():
    job = recorded(claimed_by("ours"), error=ZeroDivisionError("a bug"))
    assert job.status == "FAILED"
    assert "ZeroDivisionError" in job.traceback


def test_a_job_that_ran_is_recorded_with_its_value():
    job = recorded(claimed_by("ours"), value="sent")
    assert (job.status, job.return_value) == ("SUCCESSFUL", "sent")


def test_an_outcome_is_not_recorded_over_a_job_another_worker_took_since():
    ours = claimed_by("ours")
    theirs = DBTaskResult.objects.get(pk=ours.pk)
    theirs.claim("theirs")  # our lease expired during the outage
    job = recorded(ours, value="sent")
    assert (job.status, job.worker_ids) == ("RUNNING", ["ours", "theirs"])
