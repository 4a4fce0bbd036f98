"""The page cache across processes: a write through one `broadsheet serve`
purges what another one serves, on one data directory and on PostgreSQL + Redis."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from email.message import Message
from pathlib import Path

import pytest

from tests.conftest import publish_comments_at_once, start_server

pytestmark = pytest.mark.server


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def fetch(url: str, data: dict | None = None) -> tuple[int, Message, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=20) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def cached(url: str) -> tuple[str, str]:
    """(X-Cache, page) of an anonymous GET, after making sure it was stored."""
    fetch(url)
    _, headers, page = fetch(url)
    return headers.get("X-Cache", ""), page


def read_after_write(url: str, expected: str) -> tuple[str, str]:
    """The first answer that shows `expected`, bounded: the Redis near-caches
    learn of a purge through pub/sub, a few milliseconds after it."""
    for _ in range(50):
        _, headers, page = fetch(url)
        if expected in page:
            return headers.get("X-Cache", ""), page
    raise AssertionError(f"{expected!r} never appeared at {url}")


@contextmanager
def two_servers(tmp_path: Path, extra_env: dict[str, str]):
    data_dir = tmp_path / "data"
    first = start_server(data_dir, "--demo", env=extra_env)
    publish_comments_at_once(first)
    second = None
    try:
        second = start_server(data_dir, env=extra_env)
        yield first, second
    finally:
        for server in (first, second):
            if server is not None:
                server.stop()


def shell(server, code: str) -> str:
    result = server.manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def check_writes_purge_across_processes(first, second) -> None:
    home = fetch(second.url + "/")[2]
    paths = re.findall(r'href="(/\d{4}/\d\d/\d\d/[^"]+/)"', home)
    reference = next(p for p in paths if "reservoirs" in p)
    other = next(p for p in paths if p != reference)
    url_b, other_b = second.url + reference, second.url + other

    # A comment posted through the first process...
    assert cached(url_b)[0] == "HIT" and cached(other_b)[0] == "HIT"
    form = fetch(first.url + reference)[2]
    token = re.search(r'name="token" value="([^"]+)"', form)[1]
    article_id = re.search(r'name="article" value="(\d+)"', form)[1]
    status, headers, _ = fetch(
        first.url + "/comments/post/",
        {
            "article": article_id,
            "token": token,
            "name": "Process Tester",
            "email": "tester@example.org",
            "body": "Posted through the first process.",
        },
    )
    assert status == 303
    # ...is shown by the second one right after.
    state, _ = read_after_write(url_b, "Posted through the first process.")
    assert state == "MISS"
    assert fetch(other_b)[1]["X-Cache"] == "HIT"

    # An edited article, a changed author and a changed site setting, written by
    # another process on the same data, are shown by the second one at once.
    writes = [
        (
            "from broadsheet.publishing.models import Article;"
            "from broadsheet.publishing.services import save_article;"
            f"a = Article.objects.get(pk={article_id});"
            "a.standfirst = 'A standfirst corrected elsewhere.';"
            "save_article(a, by=None)",
            "A standfirst corrected elsewhere.",
            True,
        ),
        (
            "from broadsheet.publishing.models import Article;"
            "from broadsheet.publishing.services import save_record;"
            f"au = Article.objects.get(pk={article_id}).bylines.first().author;"
            "au.bio = 'Now writing about rivers.';"
            "save_record(au, by=None)",
            "Now writing about rivers.",
            True,
        ),
        (
            "from broadsheet.core.services import update_site_settings;"
            "update_site_settings(by=None, site_name='The Second Lamp')",
            "The Second Lamp",
            False,
        ),
    ]
    for code, expected, other_stays in writes:
        assert cached(url_b)[0] == "HIT" and cached(other_b)[0] == "HIT"
        shell(first, code)
        state, _ = read_after_write(url_b, expected)
        assert state == "MISS", expected
        if other_stays:
            assert fetch(other_b)[1]["X-Cache"] == "HIT", expected


def test_two_processes_on_one_data_directory_share_purges(tmp_path):
    with two_servers(tmp_path, {}) as (first, second):
        check_writes_purge_across_processes(first, second)


@contextmanager
def scale_out_env():
    """A fresh PostgreSQL database and Redis database for two servers."""
    database_url = os.environ.get("SCALEOUT_DATABASE_URL") or os.environ.get(
        "DATABASE_URL"
    )
    cache_url = os.environ.get("CACHE_URL")
    if not database_url or not cache_url:
        pytest.skip("DATABASE_URL and CACHE_URL are needed for the scale-out test")
    import psycopg
    import redis

    name = f"broadsheet_e2e_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = database_url.rsplit("/", 1)[0]
    redis_db = cache_url.rsplit("/", 1)[0] + "/7"
    redis.Redis.from_url(redis_db).flushdb()
    try:
        yield {
            "DATABASE_URL": f"{base}/{name}",
            "CACHE_URL": redis_db,
            "BROADSHEET_SECRET_KEY": "scale-out-test-key-" + uuid.uuid4().hex,
        }
    finally:
        with psycopg.connect(database_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_processes_on_postgresql_and_redis_share_purges(tmp_path):
    with scale_out_env() as env:
        with two_servers(tmp_path, env) as (first, second):
            check_writes_purge_across_processes(first, second)
