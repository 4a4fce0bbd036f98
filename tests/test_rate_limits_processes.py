"""Rate limits hold across worker processes and machines: two `broadsheet serve`
on one data directory, and two on PostgreSQL + Redis."""

from __future__ import annotations

import re

import pytest

from tests.test_pagecache_processes import fetch, scale_out_env, two_servers

pytestmark = pytest.mark.server

LIMIT = 4


def check_limit_is_shared(first, second) -> None:
    code = (
        "from broadsheet.moderation.models import ModerationPolicy;"
        "ModerationPolicy.objects.update_or_create(pk=1, defaults={'mode': 'publish',"
        f" 'rate_per_network': {LIMIT}, 'rate_per_email': 0}})"
    )
    assert first.manage("shell", "-c", code).returncode == 0
    home = fetch(first.url + "/")[2]
    path = re.search(r'href="(/\d{4}/\d\d/\d\d/[^"]*reservoirs[^"]*)"', home)[1]
    page = fetch(first.url + path)[2]
    form = {
        "article": re.search(r'name="article" value="(\d+)"', page)[1],
        "token": re.search(r'name="token" value="([^"]+)"', page)[1],
        "name": "Fast Poster",
    }
    servers = [first, second]
    for number in range(LIMIT):
        server = servers[number % 2]
        status, _, _ = fetch(
            server.url + "/comments/post/",
            {**form, "email": f"p{number}@example.org", "body": f"Post {number}."},
        )
        assert status == 303, number
    for server in servers:
        status, headers, body = fetch(
            server.url + "/comments/post/",
            {**form, "email": "late@example.org", "body": "One too many."},
        )
        assert status == 429
        assert int(headers["Retry-After"]) > 0
        assert "One too many." in body  # the typed text is kept


def test_a_rate_limit_holds_across_two_processes_on_one_data_directory(tmp_path):
    with two_servers(tmp_path, {}) as (first, second):
        check_limit_is_shared(first, second)


def test_a_rate_limit_holds_across_two_processes_sharing_redis(tmp_path):
    with scale_out_env() as env:
        with two_servers(tmp_path, env) as (first, second):
            check_limit_is_shared(first, second)
