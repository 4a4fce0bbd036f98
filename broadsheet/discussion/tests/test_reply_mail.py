"""Reply notices: double opt-in, one mail per approved reply, one-click unsubscribe,
through a real SMTP server on loopback."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment, ReplySubscription
from broadsheet.testing.factories import ArticleFactory
from broadsheet.testing.smtp import free_port, smtp_server, use_smtp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def port(settings):
    number = free_port()
    use_smtp(settings, number)
    return number


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def post(article, body, *, email, parent=None, notify=False):
    return services.post_comment(
        article,
        {
            "name": email.split("@")[0].title(),
            "email": email,
            "body": body,
            "parent": parent.pk if parent else None,
            "notify_replies": notify,
        },
        ip="192.0.2.8",
        screened=False,
    )


def link(content: str, kind: str) -> str:
    return re.search(rf"http://[^/\s]+(/comments/replies/[^\s]+/{kind}/)", content)[1]


def test_replies_are_mailed_only_after_confirmation_and_until_unsubscribed(
    client, port
):
    article = ArticleFactory()
    mine = post(article, "My view.", email="asker@example.org", notify=True)
    post(article, "A reply before confirming.", email="a@example.org", parent=mine)
    with smtp_server(port) as inbox:
        run_worker()
    [(to, confirmation)] = inbox.messages  # the confirmation, no reply notice
    assert to == ["asker@example.org"]
    confirm = link(confirmation, "confirm")
    assert "Mail me about replies?" in client.get(confirm).content.decode()
    assert not ReplySubscription.objects.get().is_confirmed  # a GET does nothing
    client.post(confirm)
    assert ReplySubscription.objects.get().is_confirmed

    post(article, "A reply after confirming.", email="b@example.org", parent=mine)
    held = post(article, "A held reply.", email="c@example.org", parent=mine)
    Comment.objects.filter(pk=held.pk).update(status="held")
    post(article, "Answering myself.", email="asker@example.org", parent=mine)
    with smtp_server(port) as inbox:
        run_worker()
    [(to, notice)] = inbox.messages
    assert "A reply after confirming." in notice
    assert re.search(r"List-Unsubscribe:\s+<http://", notice)
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in notice

    # One click from the mail program: a POST without a form or a cookie.
    from django.test import Client

    assert (
        Client(enforce_csrf_checks=True).post(link(notice, "stop")).status_code == 200
    )
    post(article, "After unsubscribing.", email="d@example.org", parent=mine)
    with smtp_server(port) as inbox:
        run_worker()
    assert inbox.messages == []


def test_approving_a_held_reply_sends_the_notice_once(port):
    article = ArticleFactory()
    mine = post(article, "Question?", email="asker@example.org", notify=True)
    # The reply arrives held (made so directly), then the asker confirms.
    reply = post(article, "Answer, held first.", email="b@example.org", parent=mine)
    Comment.objects.filter(pk=reply.pk).update(status="held")
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    ReplySubscription.objects.update(is_confirmed=True)
    reply.refresh_from_db()
    services.set_comment_status(reply, "approved", by=None)
    services.set_comment_status(reply, "approved", by=None)
    with smtp_server(port) as inbox:
        run_worker()
    notices = [c for _, c in inbox.messages if "Answer, held first." in c]
    assert len(notices) == 1
