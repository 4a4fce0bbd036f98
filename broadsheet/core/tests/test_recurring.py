"""Recurring jobs: each run queues the next; old task results are pruned."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from broadsheet.core.models import SentMail
from broadsheet.core.recurring import schedule_recurring
from broadsheet.core.tasks import prune_finished_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def test_each_run_queues_the_next_for_the_window_after_its_own():
    schedule_recurring()
    first = DBTaskResult.objects.get(task_path=prune_finished_tasks.module_path)
    run_worker()
    first.refresh_from_db()
    assert first.status == "SUCCESSFUL"
    (following,) = DBTaskResult.objects.filter(
        task_path=prune_finished_tasks.module_path, status="READY"
    )
    since = following.args_kwargs["kwargs"]["since"]
    assert since > first.args_kwargs["kwargs"]["since"]
    assert (
        timedelta(hours=23) < following.run_after - timezone.now() <= timedelta(days=1)
    )


def test_finished_task_results_are_pruned_after_two_weeks():
    schedule_recurring()
    run_worker()
    done = DBTaskResult.objects.filter(status="SUCCESSFUL")
    kept = done.count()
    old = done.first()
    DBTaskResult.objects.filter(pk=old.pk).update(
        finished_at=timezone.now() - timedelta(days=15)
    )
    DBTaskResult.objects.filter(
        task_path=prune_finished_tasks.module_path, status="READY"
    ).update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == kept


def test_receipts_of_mail_are_pruned_after_thirty_days():
    SentMail.objects.bulk_create([SentMail(key="old"), SentMail(key="new")])
    SentMail.objects.filter(key="old").update(
        sent_at=timezone.now() - timedelta(days=31)
    )
    schedule_recurring()
    run_worker()
    assert list(SentMail.objects.values_list("key", flat=True)) == ["new"]


def test_a_worker_starting_while_a_run_is_running_starts_no_second_chain():
    schedule_recurring()
    run = DBTaskResult.objects.get(task_path=prune_finished_tasks.module_path)
    run.claim("another-worker")
    assert prune_finished_tasks.module_path not in schedule_recurring()
    assert not DBTaskResult.objects.filter(
        task_path=prune_finished_tasks.module_path, status="READY"
    ).exists()
