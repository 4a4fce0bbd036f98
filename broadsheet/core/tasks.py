"""Background work that belongs to no one app."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.management import call_command
from django.utils import timezone

from broadsheet.core.models import SentMail
from broadsheet.core.recurring import recurring

FAILED_KEPT_DAYS = 30


@recurring(every=timedelta(days=1))
def prune_finished_tasks(since: datetime, until: datetime) -> None:
    """Delete finished task results: successful ones after 14 days, failed ones
    after 30, so the task table stays small however long the site runs; and
    the receipts of mail sent as long ago, whose jobs cannot run again."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=14,
        failed_min_age_days=FAILED_KEPT_DAYS,
        verbosity=0,
    )
    old = timezone.now() - timedelta(days=FAILED_KEPT_DAYS)
    SentMail.objects.filter(sent_at__lt=old).delete()
