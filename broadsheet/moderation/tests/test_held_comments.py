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


def post_as_author(client, article, body):
    return client.post(
        "/comments/post/",
        {
            "article": article.pk,
            "token": tokens.make_token(article.pk),
            "name": "Known Reader",
            "email": "known@example.org",
            "body": body,
        },
    )


def test_an_edit_that_adds_links_takes_the_comment_back_to_the_queue(client, wsgi):
    ModerationPolicy.objects.update_or_create(pk=1, defaults={"mode": Mode.PUBLISH})
    article = ArticleFactory()
    url = article.get_absolute_url()
    post_as_author(client, article, "A fair point, well made.")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED
    wsgi.get(url)
    assert wsgi.get(url).headers["x-cache"] == "HIT"

    response = client.post(
        f"/comments/{comment.pk}/edit/",
        {"body": "Buy now at https://pills.example.com and www.cheap.example.net"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD
    assert comment.reasons == ["edited after posting", "2 links"]
    other = wsgi.get(url)
    assert other.headers["x-cache"] == "MISS"
    assert "pills.example.com" not in other.text
    assert "A fair point" not in other.text


def test_an_edit_with_a_banned_word_is_refused_and_keeps_the_typed_text(client, parse):
    ModerationPolicy.objects.update_or_create(
        pk=1, defaults={"mode": Mode.PUBLISH, "banned_words": "scoundrel"}
    )
    article = ArticleFactory()
    post_as_author(client, article, "I disagree with the second part.")
    comment = Comment.objects.get()
    response = client.post(
        f"/comments/{comment.pk}/edit/",
        {"body": "The author is a scoundrel and I disagree."},
    )
    assert response.status_code == 400
    page = parse(response)
    assert "a word that is not allowed here" in page.get_text()
    assert page.find("textarea").get_text().strip() == (
        "The author is a scoundrel and I disagree."
    )
    comment.refresh_from_db()
    assert comment.body == "I disagree with the second part."
    assert comment.status == Comment.Status.APPROVED


def test_editing_does_not_count_against_the_rate_limit(client, page_store):
    ModerationPolicy.objects.update_or_create(
        pk=1, defaults={"mode": Mode.PUBLISH, "rate_per_email": 1}
    )
    article = ArticleFactory()
    post_as_author(client, article, "One comment only.")
    comment = Comment.objects.get()
    for attempt in range(3):
        response = client.post(
            f"/comments/{comment.pk}/edit/", {"body": f"One comment, take {attempt}."}
        )
        assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "One comment, take 2."
