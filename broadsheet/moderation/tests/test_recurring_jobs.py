"""The recurring jobs: the hourly digest and the purge when comments close."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from broadsheet.core.recurring import schedule_recurring
from broadsheet.discussion import services
from broadsheet.moderation.models import MailPreference, ModerationPolicy
from broadsheet.moderation.tasks import purge_closed_discussions, send_digests
from broadsheet.testing.factories import ArticleFactory
from broadsheet.testing.smtp import smtp_server

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]


@pytest.fixture(autouse=True)
def ines_reads_the_digest(moderators, django_user_model):
    """Ines reads the hourly digest; Tomas keeps one mail per comment."""
    MailPreference.objects.create(
        user=django_user_model.objects.get(username="ines"),
        frequency=MailPreference.Frequency.DIGEST,
    )


def post_held(body: str, email: str = "held@example.org"):
    return services.post_comment(
        ArticleFactory(),
        {"name": "Held Reader", "email": email, "body": body},
        ip="192.0.2.3",
    )


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def waiting(job) -> DBTaskResult:
    return DBTaskResult.objects.get(task_path=job.module_path, status="READY")


def make_due(job) -> None:
    DBTaskResult.objects.filter(task_path=job.module_path, status="READY").update(
        run_after=timezone.now() - timedelta(seconds=1)
    )


def test_a_digest_reader_gets_one_mail_an_hour_listing_every_held_comment(
    smtp_port, moderators
):
    post_held("The first one to review.", "a@example.org")
    post_held("The second one to review.", "b@example.org")
    with smtp_server(smtp_port) as inbox:
        schedule_recurring()
        run_worker()
    to_ines = [content for (to,), content in inbox.messages if to.startswith("ines")]
    to_tomas = [content for (to,), content in inbox.messages if to.startswith("tomas")]
    assert len(to_tomas) == 2  # one per comment, as he chose
    assert len(to_ines) == 1
    (digest,) = to_ines
    assert "2 comments are waiting for review." in digest
    assert "The first one to review." in digest
    assert "The second one to review." in digest
    assert len(re.findall(r"/moderation/decide/\S+/", digest)) == 4
    # The next digest is an hour away and covers what comes after this one.
    following = waiting(send_digests)
    assert following.run_after > timezone.now() + timedelta(minutes=59)


def test_a_digest_that_cannot_be_sent_is_sent_with_the_next_hour(smtp_port, moderators):
    post_held("Held while the mail server is down.")
    schedule_recurring()
    first_window = waiting(send_digests).args_kwargs["kwargs"]["since"]
    run_worker()  # nobody listens on the port
    assert waiting(send_digests).args_kwargs["kwargs"]["since"] == first_window
    make_due(send_digests)
    with smtp_server(smtp_port) as inbox:
        run_worker()
    digests = [c for (to,), c in inbox.messages if to.startswith("ines")]
    assert len(digests) == 1
    assert "Held while the mail server is down." in digests[0]
    assert waiting(send_digests).args_kwargs["kwargs"]["since"] != first_window


def test_a_digest_run_that_happens_twice_is_mailed_once(smtp_port, moderators):
    post_held("Waiting for review.")
    with smtp_server(smtp_port) as inbox:
        schedule_recurring()
        run_worker()
        # Its worker died before recording it: the run is queued again.
        DBTaskResult.objects.filter(
            task_path=send_digests.module_path, status="SUCCESSFUL"
        ).update(status="READY")
        run_worker()
    digests = [c for (to,), c in inbox.messages if to.startswith("ines")]
    assert len(digests) == 1
    assert (
        DBTaskResult.objects.filter(
            task_path=send_digests.module_path, status="READY"
        ).count()
        == 1
    )  # still one chain


def test_no_digest_goes_out_when_nothing_waits(smtp_port, moderators):
    with smtp_server(smtp_port) as inbox:
        schedule_recurring()
        run_worker()
    assert inbox.messages == []


def test_scheduling_twice_queues_each_job_once(moderators):
    assert set(schedule_recurring()) >= {
        send_digests.module_path,
        purge_closed_discussions.module_path,
    }
    assert schedule_recurring() == []
    assert DBTaskResult.objects.filter(status="READY").count() == len(
        DBTaskResult.objects.values_list("task_path").distinct()
    )


def test_a_page_drops_its_comment_form_when_comments_close_by_age(wsgi, page_store):
    ModerationPolicy.objects.update_or_create(pk=1, defaults={"close_after_days": 2})
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    url = article.get_absolute_url()
    wsgi.get(url)
    cached = wsgi.get(url)
    assert cached.headers["x-cache"] == "HIT"
    assert 'class="comment-form"' in cached.text
    # Time passes (no write touches the article): the close moment is now past.
    type(article).objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(days=2, minutes=1)
    )
    assert 'class="comment-form"' in wsgi.get(url).text  # the stale cached copy
    schedule_recurring()
    run_worker()
    after = wsgi.get(url)
    assert after.headers["x-cache"] == "MISS"
    assert 'class="comment-form"' not in after.text
