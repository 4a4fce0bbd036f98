"""What fronts (nginx, Varnish, a CDN) may keep: never a copy older than a
purge they have already received, and every address a page went out under is
purged with it."""

from __future__ import annotations

import os
import threading
import time

import pytest
from django.db import connections

from broadsheet.pagecache.tests.test_layer import post
from broadsheet.testing.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("overtaking", ["a comment", "a purge of every page"])
def test_a_render_overtaken_by_a_purge_is_not_stored(
    make_layer, page_store, overtaking
):
    from django.core.handlers.wsgi import WSGIHandler

    article = ArticleFactory()
    django_app = WSGIHandler()
    interrupt = {"on": True}

    def paused_render(environ, start_response):
        response = django_app(environ, start_response)
        if interrupt["on"]:
            # The render's queries are done; a purge comes now.
            interrupt["on"] = False
            if overtaking == "a comment":
                post(article, body="Written while the page was rendering.")
            else:
                page_store.purge_all()
        return response

    wsgi = make_layer(paused_render)
    url = article.get_absolute_url()
    first = wsgi.get(url)
    assert "Written while the page was rendering." not in first.text
    # Nor kept by a front: the purge has reached nginx or a CDN already.
    assert first.headers["cache-control"] == "no-store"
    second = wsgi.get(url)
    assert second.headers["x-cache"] == "MISS"
    assert second.headers["cache-control"].startswith("public, max-age=0, s-maxage=")
    if overtaking == "a comment":
        assert "Written while the page was rendering." in second.text
    assert wsgi.get(url).headers["x-cache"] == "HIT"


def test_a_stale_copy_served_after_a_purge_tells_fronts_not_to_keep_it(
    wsgi, page_store
):
    article = ArticleFactory()
    url = article.get_absolute_url()
    wsgi.get(url)
    post(article, body="A comment that purges the page.")
    # Another process holds the lease and renders the page again; meanwhile,
    # for half a second, the copy from before the purge is served.
    leased = threading.Thread(
        target=page_store.acquire, args=(f"127.0.0.1:8000{url}",), kwargs={"seconds": 2}
    )
    leased.start()
    leased.join(timeout=10)
    stale = wsgi.get(url)
    assert stale.headers["x-cache"] == "STALE"
    assert "A comment that purges the page." not in stale.text
    # nginx or a CDN would keep it for an hour: the purge has reached them already.
    assert stale.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("page_store", ["redis"], indirect=True)
def test_behind_a_front_a_copy_this_process_was_not_yet_told_is_purged_is_not_shared(
    page_store, make_layer, settings
):
    """With Redis, a process hears of another's purge a moment after it, and a
    front asks again right after the purge: what it gets, it keeps an hour."""
    from broadsheet.pagecache.redis_store import RedisStore

    settings.PAGE_CACHE = {
        **settings.PAGE_CACHE,
        "FRONTS": ["varnish:http://127.0.0.1:9"],
    }
    wsgi = make_layer()
    url = ArticleFactory().get_absolute_url()
    wsgi.get(url)
    stored = wsgi.get(url)
    assert stored.headers["x-cache"] == "HIT"
    before = page_store.epoch()
    other = RedisStore(os.environ["CACHE_URL"], lifetime=3600, prefix=page_store.prefix)
    try:
        other.purge(stored.headers["surrogate-key"].split())
    finally:
        other.close()
    time.sleep(0.2)  # the purge's message arrives; then, as if it had not yet:
    page_store._epoch = before
    assert wsgi.app.near_answer(wsgi.environ(url)) is None
    answer = wsgi.get(url)
    assert answer.status == 200
    assert "s-maxage" not in answer.headers["cache-control"]


def test_an_address_variant_answered_after_waiting_for_a_render_is_recorded_for_purges(
    page_store, make_layer, settings
):
    """A front keeps each address apart: `?utm_source=…` answered from a copy
    another process has just rendered must be purged with the page next time."""
    settings.PAGE_CACHE = {
        **settings.PAGE_CACHE,
        "FRONTS": ["varnish:http://127.0.0.1:9"],
    }
    wsgi = make_layer()
    article = ArticleFactory()
    url = article.get_absolute_url()
    wsgi.get(url)
    post(article, body="A comment that purges the page.")
    time.sleep(0.6)  # past the half second in which the copy from before is served
    key = f"127.0.0.1:8000{url}"
    assert page_store.acquire(key, seconds=5)  # another process renders it

    def render_elsewhere():
        try:
            time.sleep(0.3)
            epoch = page_store.epoch()
            wsgi.app.render(wsgi.environ(url), lambda *_: None, epoch=epoch, key=key)
            page_store.release(key)
        finally:
            connections.close_all()

    elsewhere = threading.Thread(target=render_elsewhere)
    elsewhere.start()
    variant = wsgi.get(url + "?utm_source=newsletter")
    elsewhere.join(timeout=10)
    assert variant.headers["x-cache"] == "HIT"
    assert "A comment that purges the page." in variant.text
    keys = variant.headers["surrogate-key"].split()
    assert url + "?utm_source=newsletter" in page_store.urls_for(keys)


def test_a_missing_page_is_not_kept_by_fronts(wsgi):
    """A tag or month that does not exist yet may exist after a write that
    purges no key the 404 named: a front must not keep the 404."""
    answer = wsgi.get("/tag/not-yet-a-tag/")
    assert answer.status == 404
    assert answer.headers["cache-control"] == "no-store"
    assert wsgi.get("/tag/not-yet-a-tag/").headers["x-cache"] == "MISS"
