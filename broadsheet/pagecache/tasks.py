"""Background work of the page cache, run by `broadsheet worker`."""

from __future__ import annotations

from datetime import datetime, timedelta

from broadsheet.core.recurring import recurring
from broadsheet.pagecache.replay import replay_purges


@recurring(every=timedelta(minutes=1))
def retry_purges(since: datetime, until: datetime) -> None:
    """Purge what the log still holds a minute after its write: a purge that
    failed (the page store or a front away), or one a crashed process left."""
    replay_purges(due_only=True)  # logs what it did, and what failed
