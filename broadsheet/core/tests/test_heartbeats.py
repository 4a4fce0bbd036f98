"""Leases: the job of a live worker stays its own, a dead worker's runs again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from broadsheet.core.heartbeats import (
    MAX_CLAIMS,
    beat,
    requeue_orphaned_jobs,
    worker_heartbeat_age,
)
from broadsheet.discussion.tasks import refresh_cards

pytestmark = pytest.mark.django_db
LEASE = timedelta(seconds=30)
EXPIRED = timedelta(seconds=-1)


def claimed_by(*worker_ids: str) -> DBTaskResult:
    job = DBTaskResult.objects.get(pk=refresh_cards.enqueue().id)
    for worker_id in worker_ids:
        job.claim(worker_id)
    return job


def status(job: DBTaskResult) -> str:
    job.refresh_from_db()
    return job.status


def test_the_job_of_a_worker_with_a_live_lease_is_left_running():
    beat("alive", lease=LEASE)
    job = claimed_by("alive")
    assert requeue_orphaned_jobs() == []
    assert status(job) == "RUNNING"


def test_the_job_of_a_worker_whose_lease_expired_is_queued_again():
    beat("dead", lease=EXPIRED)
    beat("alive", lease=LEASE)
    theirs, ours = claimed_by("dead"), claimed_by("alive")
    assert requeue_orphaned_jobs() == [str(theirs.pk)]
    assert status(theirs) == "READY"
    assert status(ours) == "RUNNING"


def test_the_job_of_a_worker_that_never_held_a_lease_is_queued_again():
    job = claimed_by("an-older-worker")
    assert requeue_orphaned_jobs() == [str(job.pk)]
    assert status(job) == "READY"


def test_only_the_last_worker_to_claim_a_job_owns_it():
    beat("dead", lease=EXPIRED)
    beat("alive", lease=LEASE)
    job = claimed_by("dead", "alive")
    assert requeue_orphaned_jobs() == []
    assert status(job) == "RUNNING"


def test_a_job_whose_worker_died_every_time_fails_instead_of_running_again():
    job = claimed_by(*(f"dead-{n}" for n in range(MAX_CLAIMS)))
    assert requeue_orphaned_jobs() == []
    assert status(job) == "FAILED"
    assert "stopped mid-job 5 times" in job.traceback


def test_the_heartbeat_age_is_that_of_the_freshest_lease():
    assert worker_heartbeat_age() is None
    beat("dead", lease=EXPIRED)
    beat("alive", lease=LEASE)
    age = worker_heartbeat_age()
    assert age is not None and 0 <= age < 60
