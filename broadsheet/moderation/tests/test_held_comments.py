"""A held comment: invisible to others, visible to its author, public once approved."""

from __future__ import annotations

import pytest

from broadsheet.discussion import services, tokens
from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import Mode, ModerationPolicy
from broadsheet.testing.factories import ArticleFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]


def test_a_held_comment_is_shown_to_its_author_only_until_approved(client, wsgi):
    ModerationPolicy.objects.update_or_create(pk=1, defaults={"mode": Mode.HOLD_ALL})
    article = ArticleFactory()
    url = article.get_absolute_url()
    wsgi.get(url)
    assert wsgi.get(url).headers["x-cache"] == "HIT"

    response = client.post(
        "/comments/post/",
        {
            "article": article.pk,
            "token": tokens.make_token(article.pk),
            "name": "Held Reader",
            "email": "held@example.org",
            "body": "Waiting for a moderator.",
        },
    )
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert comment.status == Comment.Status.HELD
    # The author (with the commenter cookie) sees it in place, marked.
    mine = client.get(url).content.decode()
    assert "Waiting for a moderator." in mine
    assert "Your comment is awaiting moderation." in mine
    assert "No responses to" in mine  # a held comment is not counted
    # Everyone else, from the shared cache, does not.
    other = wsgi.get(url)
    assert other.headers["x-cache"] == "HIT"
    assert "Waiting for a moderator." not in other.text

    services.set_comment_status(comment, Comment.Status.APPROVED, by=None)
    after = wsgi.get(url)
    assert after.headers["x-cache"] == "MISS"
    assert "Waiting for a moderator." in after.text
    assert "awaiting moderation" not in after.text
