"""Readers report comments; enough distinct readers hold one for review."""

from __future__ import annotations

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import Report
from broadsheet.testing.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def report(client, comment, ip, reason="abuse"):
    return client.post(
        f"/moderation/report/{comment.pk}/",
        {"reason": reason, "note": "Not OK."},
        REMOTE_ADDR=ip,
    )


def test_every_comment_has_a_report_link_to_a_form(client, parse):
    comment = CommentFactory(article=ArticleFactory(), body="Heated words.")
    page = parse(client.get(comment.article.get_absolute_url()))
    link = page.find(id=f"comment-{comment.pk}").find("a", class_="report")
    assert link["href"] == f"/moderation/report/{comment.pk}/"
    form = parse(client.get(link["href"]))
    assert "Heated words." in form.get_text()
    assert form.find("input", attrs={"name": "reason", "value": "abuse"}) is not None


def test_three_readers_from_different_networks_hold_the_comment(client):
    comment = CommentFactory(article=ArticleFactory())
    assert report(client, comment, "192.0.2.1").status_code == 200
    report(client, comment, "192.0.2.99")  # the same network: counted once
    report(client, comment, "198.51.100.1", reason="spam")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    report(client, comment, "203.0.113.1")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD
    assert comment.reasons == ["reported by 3 readers: abuse, spam"]
    assert Report.objects.filter(comment=comment).count() == 3


def test_a_report_without_a_reason_is_refused_and_nothing_is_written(client, parse):
    comment = CommentFactory(article=ArticleFactory())
    response = client.post(f"/moderation/report/{comment.pk}/", {"note": "hmm"})
    assert response.status_code == 400
    assert "This field is required." in parse(response).get_text()
    assert not Report.objects.exists()


def test_only_published_comments_can_be_reported(client):
    held = CommentFactory(article=ArticleFactory(), status="held")
    assert client.get(f"/moderation/report/{held.pk}/").status_code == 404
    assert client.get("/moderation/report/424242/").status_code == 404
