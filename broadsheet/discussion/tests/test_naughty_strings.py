"""The Big List of Naughty Strings, posted as comments: never a 5xx, never markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.discussion import tokens
from broadsheet.discussion.models import Comment
from broadsheet.testing.factories import ArticleFactory

BLNS = Path(__file__).resolve().parents[3].parent / "shared" / "testdata" / "blns.json"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not BLNS.exists(), reason=f"shared test data missing: {BLNS} not found"
    ),
]


def naughty_strings() -> list[str]:
    return [s for s in json.loads(BLNS.read_text()) if s.strip()]


def test_every_naughty_string_is_posted_or_refused_cleanly(client, parse):
    article = ArticleFactory()
    token = tokens.make_token(article.pk)
    statuses, landed_on = [], set()
    for text in naughty_strings():
        response = client.post(
            "/comments/post/",
            {
                "article": article.pk,
                "token": token,
                "name": text[:80],
                "email": "tester@example.org",
                "body": text,
            },
        )
        statuses.append(response.status_code)
        if response.status_code == 303:
            landed_on.add(response["Location"])
        assert response.status_code in {303, 400}, (text, response.status_code)
    assert statuses.count(303) > len(statuses) // 2
    page = parse(client.get(article.get_absolute_url()))
    for body in page.select(".comment-body"):
        assert body.find(["script", "img", "iframe", "svg", "style"]) is None
        for link in body.find_all("a"):
            assert link["href"].startswith(("http://", "https://", "/"))
            assert link["rel"] == ["nofollow", "ugc"]
    # Strings that are the same once cleaned are one comment, sent again.
    assert Comment.objects.count() == len(landed_on)
