"""The page store's part in `/healthz?detail=1` and the metrics."""

from __future__ import annotations

from broadsheet.core.health import Facts
from broadsheet.pagecache.wiring import get_store


def page_store() -> Facts:
    """The shared store answers a read. Pages are rendered uncached while it
    does not, so the site is still ready without it."""
    get_store().versions(["site"])
    return {"ok": True}


def purges() -> Facts:
    """The purge log: intents whose purge failed (a store or front away) wait
    for the worker's retry; the age of the oldest is the purge lag."""
    from django.db.models import Count, Min, Q
    from django.utils import timezone

    from broadsheet.pagecache.models import PurgeIntent

    log = PurgeIntent.objects.aggregate(
        logged=Count("pk"),
        failed=Count("pk", filter=Q(attempts__gt=0)),
        oldest=Min("written_at", filter=Q(attempts__gt=0)),
    )
    lag = (timezone.now() - log["oldest"]).total_seconds() if log["oldest"] else 0.0
    return {
        "ok": log["failed"] == 0,
        "logged": log["logged"],
        "failed": log["failed"],
        "oldest_failed_age_seconds": round(lag, 1),
    }
