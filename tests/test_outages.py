"""A real `broadsheet serve` while its database is away: PostgreSQL stopped, or
SQLite on a full disk. Readers get a 503 with Retry-After in the site's look,
a comment comes back as typed, and the same server recovers by itself."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from broadsheet.pagecache.redis_store import RedisStore
from broadsheet.pagecache.stores import StoreUnavailable
from tests.conftest import PUBLISH_COMMENTS_AT_ONCE, Server, start_server
from tests.own_services import fill_disk, small_filesystem
from tests.test_pagecache_processes import cached, fetch

pytestmark = pytest.mark.server

TYPED = {
    "name": "Ines Marlow",
    "email": "ines@example.org",
    "body": "The bridge held until noon & the river took the rest.",
}


@contextmanager
def serving(data_dir: Path, **env: str) -> Iterator[Server]:
    """`broadsheet serve` without its worker; its output is shown if the test fails."""
    server = start_server(data_dir, "--no-worker", env=env)
    try:
        yield server
    except BaseException:
        print(f"\n----- output of broadsheet serve -----\n{server.log()[-6000:]}")
        raise
    finally:
        server.stop()


def new_article(server: Server) -> str:
    """A published article's address, its comments published at once."""
    made = server.manage(
        "shell",
        "-c",
        PUBLISH_COMMENTS_AT_ONCE + "from broadsheet.testing.factories import"
        " ArticleFactory;"
        "print(ArticleFactory(headline='After the flood').get_absolute_url())",
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def comment_form(page: str) -> dict[str, str]:
    """The hidden fields of the comment form on a page, and what was typed."""
    hidden = {
        name: re.search(rf'name="{name}" value="([^"]*)"', page)[1]
        for name in ("article", "parent", "token")
    }
    return {**hidden, **TYPED}


def assert_kept(page: str, form: dict[str, str]) -> None:
    """The answer page holds the comment form again, with everything typed."""
    assert "may not have been saved" in page
    assert '<form class="comment-form" method="post" action="/comments/post/">' in page
    for name in ("article", "parent", "token"):
        assert f'name="{name}" value="{form[name]}"' in page
    assert f'value="{TYPED["name"]}"' in page
    assert f'value="{TYPED["email"]}"' in page
    assert TYPED["body"].replace("&", "&amp;") in page


def test_with_postgresql_stopped_readers_get_503s_and_their_words_back(
    tmp_path, postgres_cluster
):
    with serving(
        tmp_path / "data",
        DATABASE_URL=postgres_cluster.url,
        BROADSHEET_SECRET_KEY="test-only-key-for-a-cluster-of-our-own",
    ) as server:
        article = new_article(server)
        status, _, page = fetch(server.url + article)
        assert status == 200
        form = comment_form(page)

        postgres_cluster.stop()
        # A page not in the cache: a 503 in the site's look, never stored.
        status, headers, page = fetch(server.url + "/search/?q=flood")
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert "no-store" in headers["Cache-Control"]
        assert 'class="masthead"' in page and "/static/core/site" in page
        assert "cannot reach its database" in page
        # The article is in the cache: still served.
        assert fetch(server.url + article)[0] == 200
        # A comment: 503, and the form again with everything typed.
        status, headers, page = fetch(server.url + "/comments/post/", form)
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert_kept(page, form)

        postgres_cluster.start()
        # The same server, not restarted: the search answers, and the same
        # form sent again posts the comment.
        for word in ("flood", "river", "bridge", "noon"):  # both workers, likely
            assert fetch(server.url + f"/search/?q={word}")[0] == 200
        status, headers, _ = fetch(server.url + "/comments/post/", form)
        assert status == 303
        # Sent again, as after an answer lost in a restart: the same comment.
        status, again, _ = fetch(server.url + "/comments/post/", form)
        assert status == 303 and again["Location"] == headers["Location"]
        assert again["Set-Cookie"].startswith("bs_commenter=")
        page = fetch(server.url + article)[2]
        assert page.count(TYPED["body"].replace("&", "&amp;")) == 1
        assert server.process.poll() is None


def count_comments(server: Server) -> str:
    result = server.manage(
        "shell",
        "-c",
        "from django.db import connection;"
        "from broadsheet.discussion.models import Comment;"
        "cursor = connection.cursor();"
        "cursor.execute('PRAGMA integrity_check');"
        "print(Comment.objects.count(), cursor.fetchone()[0])",
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_with_the_disk_full_a_comment_comes_back_as_typed_and_nothing_is_half_written(
    tmp_path,
):
    with small_filesystem(40) as mount:
        # The data directory on the small disk; the server's log beside the test.
        (mount / "data").mkdir()
        data_dir = tmp_path / "data"
        data_dir.symlink_to(mount / "data")
        with serving(data_dir) as server:
            article = new_article(server)
            form = comment_form(fetch(server.url + article)[2])
            assert count_comments(server) == "0 ok"

            filler = fill_disk(Path(mount))
            status, headers, page = fetch(server.url + "/comments/post/", form)
            assert status == 503
            assert int(headers["Retry-After"]) > 0
            assert_kept(page, form)
            # The worker processes' counter files hold no page left to be
            # allocated: a write there on a full disk would kill the process.
            for counters in (mount / "data" / "metrics").glob("*.db"):
                size = counters.stat()
                assert size.st_blocks * 512 >= size.st_size, counters
            # A body over 1 MB waits in a file: it cannot, and says so.
            big = {**form, "body": "x" * (1 << 21)}
            status, headers, _ = fetch(server.url + "/comments/post/", big)
            assert status == 503
            assert int(headers["Retry-After"]) > 0
            # Reads still work: a page not in the cache is made, not stored.
            assert fetch(server.url + "/search/?q=flood")[0] == 200
            # And a restart on the full disk serves them again. (The counter
            # files of the stopped run are put aside, and the disk filled again:
            # the new run has no room even for its own.)
            server.stop()
            (mount / "data" / "metrics").rename(mount / "data" / "metrics-old")
            (mount / "data" / "metrics").mkdir()
            assert fill_disk(Path(mount)) == filler
            port = int(server.url.rsplit(":", 1)[1])
            restarted = start_server(data_dir, "--no-worker", port=port)
            server.process, server.log_path = restarted.process, restarted.log_path
            assert "The disk is full: skipped" in server.log()
            assert fetch(server.url + article)[0] == 200
            assert fetch(server.url + "/search/?q=river")[0] == 200

            filler.unlink()
            assert count_comments(server) == "0 ok"  # nothing half-written
            status, _, _ = fetch(server.url + "/comments/post/", form)
            assert status == 303
            assert count_comments(server) == "1 ok"
            assert server.process.poll() is None


def test_with_redis_away_cached_pages_are_rendered_and_never_a_500(
    tmp_path, redis_server
):
    with serving(tmp_path / "data", CACHE_URL=redis_server.url) as server:
        article = new_article(server)
        assert cached(server.url + article)[0] == "HIT"
        redis_server.stop()
        for _ in range(10):  # both worker processes, which held it in memory
            status, _, page = fetch(server.url + article)
            assert status == 200
            assert "After the flood" in page
        redis_server.start()
        for _ in range(100):  # bounded: the store is found again within seconds
            if cached(server.url + article)[0] == "HIT":
                break
            time.sleep(0.1)
        assert cached(server.url + article)[0] == "HIT"


def test_after_redis_comes_back_empty_no_copy_from_before_passes_for_current(
    redis_server,
):
    """The processes' near caches hold pages stamped with the versions of the
    keys they show; Redis restarted with nothing kept must never give those
    versions again, even to a purge made before any process listens again."""
    store = RedisStore(redis_server.url, lifetime=60)
    try:
        for _ in range(3):
            store.purge(["article-1"])
        before = store.epoch()
        [(version_before, _)] = store.versions(["article-1"]).values()
        redis_server.stop()
        redis_server.start()
        # A comment's purge at once, before this process has subscribed again.
        store.purge(["article-1"])
        [(version_after, _)] = store.versions(["article-1"]).values()
        assert version_after > version_before
        after = None
        for _ in range(50):  # bounded: the listener retries each second
            try:
                after = store.epoch()
            except StoreUnavailable:
                time.sleep(0.1)
                continue
            if after != before:
                break
            time.sleep(0.1)
        assert after is not None and after >= version_after > before
    finally:
        store.close()
