"""Background work that belongs to no one app."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.management import call_command

from broadsheet.core.recurring import recurring


@recurring(every=timedelta(days=1))
def prune_finished_tasks(since: datetime, until: datetime) -> None:
    """Delete finished task results: successful ones after 14 days, failed ones
    after 30, so the task table stays small however long the site runs."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=14,
        failed_min_age_days=30,
        verbosity=0,
    )
