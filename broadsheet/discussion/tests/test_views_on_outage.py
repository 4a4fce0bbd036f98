"""A comment, reply or edit that the database or disk cannot take just now is
shown back as typed, with a 503, ready to be sent again with one press."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client

from broadsheet.discussion.models import Comment
from broadsheet.discussion.tests.test_views import POST_URL, form_data
from broadsheet.testing.factories import ArticleFactory, CommentFactory
from broadsheet.testing.faults import database_fails
from broadsheet.testing.forms import submitted_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("writes_only", [True, False], ids=["disk-full", "db-away"])
def test_a_reply_that_cannot_be_saved_is_shown_back_and_sent_again(
    reader, parse, writes_only
):
    article = ArticleFactory()
    parent = CommentFactory(article=article)
    typed = form_data(
        article,
        parent=str(parent.pk),
        name="Ines Marlow",
        email="ines@example.org",
        website="https://ines.example.net/",
        body="Not in my town.\n\nThe bridge held until noon.",
    )
    with database_fails(writes_only=writes_only):
        response = reader.post(POST_URL, typed)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    page = parse(response)
    assert "may not have been saved" in page.select_one(".message").get_text()
    form = page.select_one("form.comment-form")
    sent_again = {name: values[0] for name, values in submitted_values(form).items()}
    assert {name: sent_again[name] for name in typed if name != "url_confirm"} == {
        name: value for name, value in typed.items() if name != "url_confirm"
    }
    assert Comment.objects.filter(parent=parent).count() == 0
    # The database is back: the same form, sent again as it is, is a reply.
    response = reader.post(form["action"], sent_again)
    assert response.status_code == 303
    reply = Comment.objects.get(parent=parent)
    assert reply.body == typed["body"] and reply.author_name == "Ines Marlow"


def test_an_edit_that_cannot_be_saved_keeps_the_new_text(reader, parse):
    article = ArticleFactory()
    reader.post(POST_URL, form_data(article, body="First draft."))
    comment = Comment.objects.get()
    address = f"/comments/{comment.pk}/edit/"
    with database_fails(writes_only=True):
        response = reader.post(address, {"body": "Second draft, kept."})
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    form = parse(response).select_one("form.comment-form")
    assert form.find("textarea").get_text().strip() == "Second draft, kept."
    comment.refresh_from_db()
    assert comment.body == "First draft."
    assert reader.post(address, submitted_values(form)).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Second draft, kept."


def test_a_database_error_of_ours_is_a_500_not_an_outage(reader):
    def missing_table(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT"):
            raise OperationalError("no such table: discussion_comment")
        return execute(sql, params, many, context)

    article = ArticleFactory()
    with connection.execute_wrapper(missing_table):
        response = reader.post(POST_URL, form_data(article))
    assert response.status_code == 500
    assert "Retry-After" not in response


@contextlib.contextmanager
def answer_to_the_comments_commit_lost() -> Iterator[None]:
    """The commit that saves a comment reaches the database, but its answer
    does not come back (as when PostgreSQL closes the connection then)."""
    inserted: list[str] = []

    def note(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and "discussion_comment" in sql:
            inserted.append(sql)
        return execute(sql, params, many, context)

    database = connections["default"]
    commit = database._commit

    def commit_then_lose_the_answer():
        commit()
        if inserted:
            inserted.clear()
            raise OperationalError("disk I/O error")

    database._commit = commit_then_lose_the_answer
    try:
        with connection.execute_wrapper(note):
            yield
    finally:
        del database._commit


@pytest.mark.django_db(transaction=True)
def test_a_reply_saved_as_the_database_went_away_is_not_posted_twice_when_resent(
    reader, parse
):
    from broadsheet.moderation.models import Mode, ModerationPolicy

    ModerationPolicy.objects.filter(pk=1).update(mode=Mode.HOLD_ALL)
    article = ArticleFactory()
    parent = CommentFactory(article=article)
    typed = form_data(article, parent=str(parent.pk), body="Saved, but unanswered.")
    with answer_to_the_comments_commit_lost():
        response = reader.post(POST_URL, typed)
    assert response.status_code == 503
    page = parse(response)
    message = page.select_one(".message").get_text(" ", strip=True)
    assert "may not have been saved" in message
    assert "if it was saved, you will be taken to it" in message
    saved = Comment.objects.get(parent=parent)  # saved all the same
    form = page.select_one("form.comment-form")
    sent_again = {name: values[0] for name, values in submitted_values(form).items()}
    response = reader.post(form["action"], sent_again)
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{saved.pk}"
    assert Comment.objects.filter(parent=parent).count() == 1
    # Held for review: the cookie the reader got shows it to them alone.
    assert saved.status == Comment.Status.HELD
    assert parse(reader.get(article.get_absolute_url())).find(id=f"comment-{saved.pk}")
    stranger = Client()
    assert not parse(stranger.get(article.get_absolute_url())).find(
        id=f"comment-{saved.pk}"
    )
