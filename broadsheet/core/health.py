"""What the site's parts say about themselves: for `/healthz?detail=1` and the
metrics listener.

Each part registers a probe, a function returning facts about it: whether it
is `ok`, and numbers whose names end in their unit (`free_bytes`,
`age_seconds`). Core registers the database, the disk and the worker; other apps
register theirs in `AppConfig.ready()` (the page store, the purge log), so core
never imports them.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

Facts = dict[str, bool | int | float | None]
Probe = Callable[[], Facts]

# Below this much free space in the data directory, the disk is not ok: SQLite
# and the page store need room for their journals.
LOW_DISK_BYTES = 64 * 1024 * 1024

_probes: dict[str, Probe] = {}


def register(name: str, probe: Probe) -> None:
    """Add a part's probe; registering a name again replaces it."""
    _probes[name] = probe


def readiness() -> dict[str, Facts]:
    """Every part's facts. A probe that raises is reported as not ok, with the
    kind of error, never its message (it could name a password or a path)."""
    report: dict[str, Facts] = {}
    for name, probe in _probes.items():
        started = time.perf_counter()
        try:
            facts = dict(probe())
        except Exception as error:  # a probe's failure is its answer
            logger.warning("Health probe %s failed: %r", name, error)
            facts = {"ok": False, "error": type(error).__name__}
        facts["probe_seconds"] = round(time.perf_counter() - started, 4)
        report[name] = facts
    return report


def database() -> Facts:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def disk() -> Facts:
    usage = shutil.disk_usage(settings.DATA_DIR)
    return {
        "ok": usage.free >= LOW_DISK_BYTES,
        "free_bytes": usage.free,
        "total_bytes": usage.total,
    }


def jobs() -> Facts:
    """Background jobs waiting to run, running, and failed (failed ones are
    kept 30 days). Always ok: the worker's heartbeat says whether it runs."""
    from django.db.models import Count
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    counts = dict(
        DBTaskResult.objects.values_list("status").annotate(Count("pk")).order_by()
    )
    return {
        "ok": True,
        "queued": counts.get(TaskResultStatus.READY, 0),
        "running": counts.get(TaskResultStatus.RUNNING, 0),
        "failed": counts.get(TaskResultStatus.FAILED, 0),
    }


def worker() -> Facts:
    """A background worker renewed its lease lately (every 5 s, lasting 30 s).
    With `--no-worker` here, the worker on another machine counts."""
    from broadsheet.core.heartbeats import BEAT_EVERY, LEASE_BEATS, worker_heartbeat_age

    age = worker_heartbeat_age()
    return {
        "ok": age is not None and age < BEAT_EVERY * LEASE_BEATS,
        "heartbeat_age_seconds": None if age is None else round(age, 1),
    }


register("database", database)
register("disk", disk)
register("jobs", jobs)
register("worker", worker)
