"""The page cache as a reader meets it: hits without queries, purges on writes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import ExitStack

import pytest
from django.db import connections

from broadsheet.core.services import update_site_settings
from broadsheet.discussion import services as discussion_services
from broadsheet.publishing import services as publishing_services
from broadsheet.testing.factories import (
    AppealFactory,
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


class QueryMade(AssertionError):
    pass


def no_queries():
    """Fail on any query on any Django database connection."""
    stack = ExitStack()

    def refuse(execute, sql, params, many, context):
        raise QueryMade(f"query during a cache hit: {sql}")

    for connection in connections.all():
        stack.enter_context(connection.execute_wrapper(refuse))
    return stack


def post(article, body="Fresh thought.", parent=None):
    return discussion_services.post_comment(
        article,
        {
            "name": "Rui",
            "email": "rui@example.org",
            "body": body,
            "parent": parent.pk if parent else None,
        },
        ip="192.0.2.1",
    )


def test_a_cached_anonymous_get_is_answered_with_no_query(wsgi):
    article = ArticleFactory()
    url = article.get_absolute_url()
    assert wsgi.get(url).headers["x-cache"] == "MISS"
    with no_queries():
        hit = wsgi.get(url)
    assert hit.status == 200
    assert hit.headers["x-cache"] == "HIT"
    assert article.headline in hit.text


def test_hits_carry_the_caching_headers_and_answer_conditional_gets(wsgi):
    article = ArticleFactory(authors=[AuthorFactory(name="Ana Lopes")])
    url = article.get_absolute_url()
    wsgi.get(url)
    hit = wsgi.get(url)
    assert hit.headers["cache-control"].startswith("public, max-age=0, s-maxage=3600")
    assert "stale-while-revalidate=" in hit.headers["cache-control"]
    keys = hit.headers["surrogate-key"].split()
    assert f"article:{article.pk}" in keys and "site" in keys
    assert hit.headers["vary"] == "Accept-Encoding"
    not_modified = wsgi.get(url, if_none_match=hit.headers["etag"])
    assert not_modified.status == 304 and not_modified.body == b""
    zipped = wsgi.get(url, accept_encoding="gzip, br")
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["etag"] != hit.headers["etag"]
    import gzip

    assert gzip.decompress(zipped.body) == hit.body


def test_gzip_goes_only_to_readers_whose_accept_encoding_weighs_it_above_zero(wsgi):
    url = ArticleFactory().get_absolute_url()
    plain = wsgi.get(url)
    for header, zipped in [
        ("gzip, br", True),
        ("br;q=1.0, GZIP;q=0.8", True),
        ("*", True),
        ("identity, *;q=0.5", True),
        ("gzip;q=0", False),
        ("br, gzip; q=0.000", False),
        ("*;q=0", False),
        ("gzip;q=0, *", False),
        ("gzip;q=nonsense", False),
        ("br, deflate", False),
    ]:
        answer = wsgi.get(url, accept_encoding=header)
        assert ("content-encoding" in answer.headers) is zipped, header
        if not zipped:
            assert answer.body == plain.body, header


def test_undeclared_query_parameters_share_the_entry_and_declared_ones_do_not(wsgi):
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    url = article.get_absolute_url()
    wsgi.get(url)
    assert wsgi.get(url + "?utm_source=feed&fbclid=1").headers["x-cache"] == "HIT"
    reply = wsgi.get(f"{url}?replyto={comment.pk}")
    assert reply.headers["x-cache"] == "MISS"
    assert 'name="parent" value="%d"' % comment.pk in reply.text
    # Values that name nothing, or name the same page again, store nothing.
    for query in ["replyto=424242", f"replyto=0{comment.pk}", "cpage=1", "cpage=01"]:
        for _ in range(2):
            answer = wsgi.get(f"{url}?{query}")
            assert (answer.status, answer.headers["x-cache"]) == (404, "MISS"), query


def test_pages_are_stored_without_any_per_visitor_data(wsgi, client, django_user_model):
    article = ArticleFactory()
    url = article.get_absolute_url()
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    staff = wsgi.get(
        url, cookie=f"sessionid={session}; csrftoken=abcdefghijklmnopqrstuvwxyzABCDEF"
    )
    assert staff.headers["x-cache"] == "MISS"
    commenter = wsgi.get(url, cookie="bs_commenter=1:signed")
    assert commenter.headers["x-cache"] == "MISS"
    first = wsgi.get(url, cookie="csrftoken=abcdefghijklmnopqrstuvwxyzABCDEF")
    assert first.headers["x-cache"] == "MISS"  # nothing was stored for the others
    stored = wsgi.get(url)
    assert stored.headers["x-cache"] == "HIT"
    assert "set-cookie" not in stored.headers
    for private in ("editor", "csrfmiddlewaretoken", "/admin/", "Log out"):
        assert private not in stored.text


def test_a_bad_host_gets_400_and_nothing_is_stored(wsgi, page_store):
    article = ArticleFactory()
    answer = wsgi.get(article.get_absolute_url(), host="evil.example.com")
    assert answer.status == 400
    assert page_store.get(f"evil.example.com{article.get_absolute_url()}") is None
    assert wsgi.get(article.get_absolute_url()).headers["x-cache"] == "MISS"


def test_sixteen_concurrent_requests_for_a_purged_page_cause_one_render(make_layer):
    from django.core.handlers.wsgi import WSGIHandler

    article = ArticleFactory()
    django_app = WSGIHandler()
    renders = []
    lock = threading.Lock()

    def counted_render(environ, start_response):
        with lock:
            renders.append(environ["PATH_INFO"])
        return django_app(environ, start_response)

    wsgi = make_layer(counted_render)
    url = article.get_absolute_url()
    wsgi.get(url)
    assert len(renders) == 1
    post(article, body="A comment that purges the page.")
    start = threading.Barrier(16)
    answers = []

    def read():
        start.wait(timeout=10)
        answers.append(wsgi.get(url))
        connections.close_all()

    threads = [threading.Thread(target=read) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(answers) == 16
    assert len(renders) == 2  # the first fill, and exactly one after the purge
    assert {a.status for a in answers} == {200}
    states = [a.headers["x-cache"] for a in answers]
    assert states.count("MISS") == 1
    assert set(states) <= {"MISS", "HIT", "STALE"}


@pytest.mark.parametrize("write", ["comment", "article", "author", "site"])
def test_a_write_purges_the_pages_that_show_it_and_no_other(wsgi, write):
    author = AuthorFactory(name="Ana Lopes", bio="Ana Lopes writes on housing.")
    article = ArticleFactory(authors=[author], headline="The housing ledger")
    other = ArticleFactory(authors=[AuthorFactory()])
    AppealFactory(is_default=True)
    url, other_url = article.get_absolute_url(), other.get_absolute_url()
    for address in (url, other_url):
        wsgi.get(address)
        assert wsgi.get(address).headers["x-cache"] == "HIT"

    if write == "comment":
        post(article, body="A brand new comment.")
        expected = "A brand new comment."
    elif write == "article":
        article.standfirst = "A corrected standfirst."
        publishing_services.save_article(article, by=None)
        expected = "A corrected standfirst."
    elif write == "author":
        author.bio = "Ana Lopes now covers energy."
        publishing_services.save_record(author, by=None)
        expected = "Ana Lopes now covers energy."
    else:
        update_site_settings(by=None, site_name="The Evening Lamp")
        expected = "The Evening Lamp"

    after = wsgi.get(url)
    assert after.headers["x-cache"] == "MISS"
    assert expected in after.text
    unrelated = wsgi.get(other_url)
    if write == "site":
        assert unrelated.headers["x-cache"] == "MISS"  # every page shows the site
    else:
        assert unrelated.headers["x-cache"] == "HIT"


def test_appeal_clicks_are_counted_with_the_cache_on(wsgi):
    from broadsheet.publishing.models import AppealClick

    appeal = AppealFactory(is_default=True)
    article = ArticleFactory()
    for _ in range(2):
        answer = wsgi.get(f"/support/{appeal.pk}/{article.pk}/")
        assert answer.status == 302
    assert AppealClick.objects.get().count == 2


def test_the_commenter_cookie_is_set_on_posting(client):
    from broadsheet.discussion import tokens

    article = ArticleFactory()
    response = client.post(
        "/comments/post/",
        {
            "article": article.pk,
            "token": tokens.make_token(article.pk),
            "name": "Rui",
            "email": "rui@example.org",
            "body": "Hello.",
        },
    )
    cookie = response.cookies["bs_commenter"]
    assert cookie["httponly"] and 0 < int(cookie["max-age"]) <= 7 * 24 * 3600


def test_with_redis_down_pages_are_rendered_and_writes_still_work(settings, caplog):
    from django.core.handlers.wsgi import WSGIHandler

    from broadsheet.pagecache import wiring
    from broadsheet.pagecache.layer import PageCacheLayer
    from broadsheet.pagecache.redis_store import RedisStore
    from broadsheet.pagecache.tests.conftest import WsgiClient

    down = RedisStore("redis://127.0.0.1:9/0", lifetime=3600)  # nothing listens
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "STORE": "redis://127.0.0.1:9/0"}
    wiring.get_store.cache_clear()
    layer = WsgiClient(
        PageCacheLayer(
            WSGIHandler(),
            store=down,
            options={**settings.PAGE_CACHE, "ALLOWED_HOSTS": settings.ALLOWED_HOSTS},
        )
    )
    article = ArticleFactory()
    for _ in range(2):
        answer = layer.get(article.get_absolute_url())
        assert answer.status == 200
        assert article.headline in answer.text
    post(article, body="Posted while Redis is down.")
    assert "Posted while Redis is down." in layer.get(article.get_absolute_url()).text
    # Said once, not for each of the three requests.
    assert caplog.text.count("Page cache store unavailable") == 1
    down.close()
    wiring.get_store.cache_clear()


def test_the_served_application_answers_hits_without_a_query(settings, tmp_path):
    """The same, through `broadsheet.wsgi.application` as `broadsheet serve` runs it."""
    from broadsheet.pagecache import wiring
    from broadsheet.pagecache.tests.conftest import WsgiClient

    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "STORE": str(tmp_path / "c.sqlite3")}
    wiring.get_store.cache_clear()
    try:
        from broadsheet.wsgi import django_application

        application = wiring.wrap(django_application)
        client = WsgiClient(application)
        article = ArticleFactory()
        assert client.get(article.get_absolute_url()).headers["x-cache"] == "MISS"
        with no_queries():
            assert client.get(article.get_absolute_url()).headers["x-cache"] == "HIT"
    finally:
        wiring.get_store.cache_clear()


def test_a_counter_is_read_without_counting_and_survives_a_window_edge(
    page_store, monkeypatch
):
    import time as clock

    from broadsheet.pagecache import stores

    moment = [6000.0 + 590]  # ten seconds before a 600-second window ends
    monkeypatch.setattr(stores.time, "time", lambda: moment[0])
    monkeypatch.setattr(clock, "time", lambda: moment[0])
    for _ in range(3):
        page_store.count("login:test", window=600)
    assert page_store.peek("login:test", window=600) == (3, 0)
    assert page_store.peek("login:test", window=600) == (3, 0)  # adds nothing
    moment[0] += 20  # the next window: the last one still counts
    assert page_store.peek("login:test", window=600) == (0, 3)
    moment[0] += 600  # two windows on: forgotten
    assert page_store.peek("login:test", window=600) == (0, 0)


def test_a_fresh_process_keys_its_first_request_by_the_declared_query(tmp_path):
    """The URLconf declares the query parameters; a worker's very first request
    (?page=2) must not be keyed, and stored, as the first page."""
    script = (
        "import broadsheet.wsgi as w;"
        "from broadsheet.pagecache.decorators import DECLARED_QUERY;"
        "print(sorted(DECLARED_QUERY))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "BROADSHEET_DATA_DIR": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "'page'" in result.stdout and "'p'" in result.stdout
