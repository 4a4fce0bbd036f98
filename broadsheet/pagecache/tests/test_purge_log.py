"""The purge log: intents written with the write, cleared once purged, replayed
when a purge failed, and a purge of every page when the log is long."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broadsheet.discussion import services as discussion_services
from broadsheet.pagecache import wiring
from broadsheet.pagecache.models import PurgeIntent
from broadsheet.pagecache.replay import EVERYTHING_ABOVE, replay_purges
from broadsheet.pagecache.tests.recorder import PurgeRecorder, unused_port
from broadsheet.testing.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def post(article, body="A fresh thought."):
    return discussion_services.post_comment(
        article,
        {"name": "Rui", "email": "rui@example.org", "body": body},
        ip="192.0.2.1",
        screened=False,
    )


def intents_naming(key: str) -> list[PurgeIntent]:
    return [intent for intent in PurgeIntent.objects.all() if key in intent.keys]


@pytest.fixture
def fronts(page_store, settings):
    """Point the purges at these fronts (after the page store is chosen)."""

    def use(*specs: str) -> None:
        settings.PAGE_CACHE = {**settings.PAGE_CACHE, "FRONTS": list(specs)}
        wiring.get_fronts.cache_clear()

    yield use
    wiring.get_fronts.cache_clear()


def run_the_worker(monkeypatch, *, minutes: int) -> None:
    """Let `minutes` pass, then run every job due, as `broadsheet worker` does."""
    from broadsheet.core.recurring import schedule_recurring

    later = timezone.now() + timedelta(minutes=minutes)
    monkeypatch.setattr(timezone, "now", lambda: later)
    schedule_recurring()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def test_a_comment_writes_its_intent_in_its_own_transaction_and_marks_it_done(
    page_store,
):
    article = ArticleFactory()
    with CaptureQueriesContext(connection) as queries:
        post(article)
    statements = [q["sql"] for q in queries if "pagecache_purgeintent" in q["sql"]]
    assert len(statements) == 1 and statements[0].upper().startswith("INSERT")
    [intent] = intents_naming(f"thread:{article.pk}")
    assert page_store.done([intent.token]) == {intent.token}


def test_a_rolled_back_write_leaves_no_intent_and_purges_nothing(wsgi):
    article = ArticleFactory()
    url = article.get_absolute_url()
    wsgi.get(url)
    before = PurgeIntent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        post(article, body="Never committed.")
        raise RuntimeError("the write fails after the comment was saved")
    assert PurgeIntent.objects.count() == before
    assert wsgi.get(url).headers["x-cache"] == "HIT"


def test_intents_marked_done_are_cleared_without_purging_again(wsgi):
    article = ArticleFactory()
    post(article)
    url = article.get_absolute_url()
    wsgi.get(url)
    replay = replay_purges()
    assert replay.cleared >= 1 and replay.replayed == 0
    assert not PurgeIntent.objects.exists()
    assert wsgi.get(url).headers["x-cache"] == "HIT"


def test_a_failed_purge_stays_logged_and_the_worker_retries_it_once_the_front_is_back(
    wsgi, fronts, monkeypatch
):
    article = ArticleFactory()
    url = article.get_absolute_url()
    wsgi.get(url)
    port = unused_port()
    fronts(f"varnish:http://127.0.0.1:{port}")
    post(article, body="Posted while Varnish is down.")  # the writer is answered
    # The page store was purged; the front was not, so the intent stays.
    assert "Posted while Varnish is down." in wsgi.get(url).text
    [intent] = intents_naming(f"thread:{article.pk}")
    assert not wiring.get_store().done([intent.token])

    run_the_worker(monkeypatch, minutes=2)  # Varnish still down
    intent.refresh_from_db()
    assert intent.attempts == 1 and "Varnish at" in intent.error

    with PurgeRecorder(port) as varnish:
        run_the_worker(monkeypatch, minutes=4)
    assert f"thread:{article.pk}" in varnish.xkeys()
    assert not PurgeIntent.objects.exists()


def test_a_long_log_is_replayed_as_a_purge_of_every_page_and_every_key(wsgi, fronts):
    article = ArticleFactory()
    url = article.get_absolute_url()
    wsgi.get(url)
    assert wsgi.get(url).headers["x-cache"] == "HIT"
    now = timezone.now()
    keys = [f"tag:{number}" for number in range(EVERYTHING_ABOVE + 1)]
    PurgeIntent.objects.bulk_create(
        PurgeIntent(surrogate_keys=key, written_at=now, retry_at=now) for key in keys
    )
    with PurgeRecorder() as varnish:
        fronts(f"varnish:{varnish.address}")
        replay = replay_purges()
    assert replay.replayed == len(keys) and not replay.error
    # None of the page's keys was named; the purge of every page reached it.
    assert wsgi.get(url).headers["x-cache"] == "MISS"
    assert varnish.xkeys() == set(keys)
    assert not PurgeIntent.objects.exists()
