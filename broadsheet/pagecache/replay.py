"""Replaying the purge log: after a crash, and for purges that failed.

`broadsheet serve` replays the whole log before it binds its port, so no page
older than the database is served after a crash between a write's commit and its
purge. The worker replays the intents due for a retry every minute: those whose
purge failed (the page store or a front away), and those a crashed worker
process left behind while the server went on. Intents marked done in the page
store are only deleted. The others are purged in one go, from the store and from
each front; past EVERYTHING_ABOVE keys, the store purges every page instead of
each key (the fronts still get every key and address).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F
from django.utils import timezone

from broadsheet.pagecache.models import PurgeIntent, token
from broadsheet.pagecache.purge import STORE_ERRORS, PurgeFailed, purge_now, shown
from broadsheet.pagecache.wiring import get_store

logger = logging.getLogger(__name__)

EVERYTHING_ABOVE = 500  # distinct keys
BATCH = 2000
MAX_BATCHES = 500  # a million intents in one replay at most
CHUNK = 500  # intents per DELETE or UPDATE
# The waits after the 1st, 2nd, 3rd… failed retry of the same intents.
BACKOFF = tuple(timedelta(minutes=m) for m in (1, 2, 4, 5))


@dataclass(frozen=True)
class Replay:
    cleared: int  # marked done already: deleted without a purge
    replayed: int  # purged again (or tried)
    error: str = ""


def replay_purges(*, due_only: bool = False) -> Replay:
    """Clear the logged intents (every one, or those due for a retry): those
    marked done are deleted, the others are purged in one go first. If a part
    fails they stay, each failure waiting longer for the next retry. Raises
    DatabaseError if the log cannot be read."""
    now = timezone.now()
    log = PurgeIntent.objects.order_by("pk")
    if due_only:
        log = log.filter(retry_at__lte=now)
    store = get_store()
    cleared = replayed = 0
    last = 0
    pending: list[tuple[int, datetime, str, int]] = []
    for _ in range(MAX_BATCHES):
        batch = list(
            log.filter(pk__gt=last).values_list(
                "pk", "written_at", "surrogate_keys", "attempts"
            )[:BATCH]
        )
        if not batch:
            break
        last = batch[-1][0]
        tokens = {token(pk, at): pk for pk, at, _, _ in batch}
        try:
            done = store.done(tokens)
        except STORE_ERRORS:
            done = set()  # purged again, then: one purge more, never one less
        _clear([tokens[name] for name in done], store, done)
        cleared += len(done)
        pending.extend(row for row in batch if token(row[0], row[1]) not in done)
    if pending:
        replayed = len(pending)
        error = _replay(pending, now)
        if error:
            return Replay(cleared, replayed, error)
        _clear([pk for pk, *_ in pending], store, set())
    return Replay(cleared, replayed)


def _replay(rows: list[tuple[int, datetime, str, int]], now: datetime) -> str:
    """Purge the rows' keys in one go; "" or what failed, the rows kept."""
    keys = sorted({key for _, _, words, _ in rows for key in words.split()})
    everything = len(keys) > EVERYTHING_ABOVE
    first = min(at for _, at, _, _ in rows)
    try:
        # Counted from the first write: no reader is served a stale copy meanwhile.
        purge_now(keys, at=first.timestamp(), everything=everything)
    except PurgeFailed as error:
        attempts = max(tries for *_, tries in rows)
        wait = BACKOFF[min(attempts, len(BACKOFF) - 1)]
        pks = [pk for pk, *_ in rows]
        for start in range(0, len(pks), CHUNK):
            PurgeIntent.objects.filter(pk__in=pks[start : start + CHUNK]).update(
                attempts=F("attempts") + 1, retry_at=now + wait, error=str(error)[:1000]
            )
        logger.error(
            "%d purge intents (%s) stay logged after %d failed attempts; "
            "next try in %s",
            len(rows),
            shown(keys),
            attempts + 1,
            wait,
        )
        return str(error)
    logger.info(
        "Replayed %d purge intents: %s",
        len(rows),
        "every page" if everything else shown(keys),
    )
    return ""


def _clear(pks: list[int], store, done: set[str]) -> None:
    for start in range(0, len(pks), CHUNK):
        PurgeIntent.objects.filter(pk__in=pks[start : start + CHUNK]).delete()
    if done:
        try:
            store.forget_done(done)
        except STORE_ERRORS:
            pass  # marks expire by themselves
