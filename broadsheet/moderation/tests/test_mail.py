"""Mail to moderators through a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment
from broadsheet.testing.factories import ArticleFactory
from broadsheet.testing.smtp import Inbox, smtp_server

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]


def post_held(body="Please look at this."):
    return services.post_comment(
        ArticleFactory(),
        {"name": "Held Reader", "email": "held@example.org", "body": body},
        ip="192.0.2.3",
    )


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def test_a_held_comment_is_mailed_to_every_moderator_with_its_reasons(
    smtp_port, moderators
):
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        comment = post_held()
        assert comment.status == Comment.Status.HELD
        assert inbox.messages == []  # sent by the worker, not by the post
        run_worker()
    finally:
        server.stop()
    # One message each, since each carries links signed for its moderator.
    assert sorted(to for (to,), _ in inbox.messages) == [
        "ines@example.org",
        "tomas@example.org",
    ]
    for _, content in inbox.messages:
        assert "Please look at this." in content
        assert "every comment is held for review" in content
        assert "/moderation/decide/" in content
    links = [re.findall(r"/moderation/decide/[^\s]+/", c) for _, c in inbox.messages]
    assert links[0] != links[1]


def test_posting_works_with_the_mail_server_down_and_mail_follows_later(
    smtp_port, moderators
):
    comment = post_held(body="Posted while mail is down.")
    assert Comment.objects.filter(pk=comment.pk).exists()
    run_worker()  # nobody listens: the task queues a retry for later
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > timezone.now()
    DBTaskResult.objects.filter(pk=retry.pk).update(
        run_after=timezone.now() - timedelta(seconds=1)
    )
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        run_worker()
    finally:
        server.stop()
    assert len(inbox.messages) == 2
    assert all("Posted while mail is down." in c for _, c in inbox.messages)


class RefusingTheSecond(Inbox):
    """A mail server that accepts every message but the second, for now."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.seen = getattr(self, "seen", 0) + 1
        if self.seen == 2:
            return "451 Try again later"
        return await super().handle_DATA(server, session, envelope)


def test_a_mail_job_that_runs_again_mails_no_moderator_twice(smtp_port, moderators):
    post_held()
    with smtp_server(smtp_port) as inbox:
        run_worker()
        # Its worker died before recording it: the job is queued again.
        DBTaskResult.objects.filter(status="SUCCESSFUL").update(status="READY")
        run_worker()
    assert len(inbox.messages) == 2  # one each, once


def test_a_retry_mails_only_the_moderators_the_server_refused(smtp_port, moderators):
    post_held()
    with smtp_server(smtp_port, RefusingTheSecond()) as inbox:
        run_worker()
    [(first_to, _)] = inbox.messages
    DBTaskResult.objects.filter(status="READY").update(
        run_after=timezone.now() - timedelta(seconds=1)
    )
    with smtp_server(smtp_port) as later:
        run_worker()
    [(then_to, _)] = later.messages
    assert sorted(first_to + then_to) == ["ines@example.org", "tomas@example.org"]


def test_a_rolled_back_post_leaves_no_mail_to_send(moderators):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        post_held()
        raise RuntimeError("the request failed after the comment was saved")
    assert not Comment.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_mailed_link_asks_to_confirm_then_approves_as_its_moderator(
    client, parse, moderators, django_user_model
):
    from broadsheet.moderation.links import decision_path
    from broadsheet.moderation.models import AuditEntry

    comment = post_held(body="Approve me by mail.")
    ines = django_user_model.objects.get(username="ines")
    path = decision_path(comment.pk, "approve", ines.pk)
    page = parse(client.get(path))  # what a link scanner does: nothing changes
    assert page.find("h1").get_text() == "Approve this comment?"
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.HELD
    client.post(path)
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action) == (ines, "approve")


def test_a_forged_or_stale_link_changes_nothing(client, moderators, django_user_model):
    from broadsheet.moderation.links import decision_path

    comment = post_held()
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    assert client.post("/moderation/decide/not-a-token/").status_code == 400
    assert (
        client.post(decision_path(comment.pk, "approve", reader.pk)).status_code == 403
    )
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.HELD
