"""Every discussion and moderation write purges exactly the pages it changes,
and writes that change no public page purge nothing (see site_pages)."""

from __future__ import annotations

import pytest

from broadsheet.discussion import services as discussion
from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import AuditEntry, Mode, ModerationPolicy
from broadsheet.moderation.services import moderate_comments, update_policy
from broadsheet.pagecache.tests.site_pages import (  # noqa: F401  (fixtures shared by import)
    check_purges,
    lead_in,
    page_store,
    public_urls,
    site,
)
from broadsheet.publishing import services as publishing
from broadsheet.publishing.models import (
    Appeal,
    Article,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]


def test_posting_a_comment(wsgi, site):
    def write():
        discussion.post_comment(
            lead_in(site),
            {"name": "New Reader", "email": "new@example.org", "body": "Agreed."},
            ip="192.0.2.40",
        )

    lead = site["lead"].get_absolute_url()
    assert check_purges(wsgi, write) == [lead, "/feed/comments/", f"{lead}feed/"]


def test_holding_then_approving_a_comment(wsgi, site):
    ModerationPolicy.objects.filter(pk=1).update(mode=Mode.HOLD_ALL)
    held = {}

    def hold():
        held["comment"] = discussion.post_comment(
            lead_in(site),
            {"name": "Waiting", "email": "wait@example.org", "body": "Held text."},
            ip="192.0.2.41",
        )

    assert check_purges(wsgi, hold) == []

    def approve():
        moderate_comments(
            [Comment.objects.get(pk=held["comment"].pk)],
            AuditEntry.Action.APPROVE,
            by=None,
        )

    lead = site["lead"].get_absolute_url()
    assert check_purges(wsgi, approve) == [lead, "/feed/comments/", f"{lead}feed/"]


def test_corrections_restores_and_a_commenters_own_changes(wsgi, site):
    from broadsheet.publishing.models import Correction

    lead = site["lead"].get_absolute_url()

    def correct():
        publishing.save_correction(
            Correction(article=lead_in(site), text="A date was wrong."), by=None
        )

    assert lead in check_purges(wsgi, correct)

    article = lead_in(site)
    first = article.revisions.order_by("created_at", "pk").first()
    article.standfirst = "A new standfirst, for a while."
    publishing.save_article(article, by=None)

    def restore():
        publishing.restore_revision(first, by=None)

    assert lead in check_purges(wsgi, restore)

    comment = Comment.objects.get(body="A first response.")

    def edit_own():
        discussion.edit_own_comment(comment, "A first response, with a typo fixed.")

    assert check_purges(wsgi, edit_own) == [lead, "/feed/comments/", f"{lead}feed/"]

    def delete_own():
        discussion.delete_own_comment(Comment.objects.get(pk=comment.pk))

    assert check_purges(wsgi, delete_own) == [lead, "/feed/comments/", f"{lead}feed/"]


def test_enough_reports_take_a_comment_off_every_page_that_showed_it(wsgi, site):
    from broadsheet.moderation.services import report_comment

    comment = Comment.objects.get(body="A first response.")
    lead = site["lead"].get_absolute_url()

    def reported():
        for network in ("198.51.100.1", "203.0.113.1", "192.0.2.99"):
            report_comment(comment, reason="abuse", ip=network)

    assert check_purges(wsgi, reported) == [lead, "/feed/comments/", f"{lead}feed/"]


def quiet_writes(site) -> dict:
    """Writes that change no public page, each of which must purge nothing."""
    from broadsheet.discussion.models import ReplySubscription
    from broadsheet.moderation.services import (
        ban_commenter,
        report_comment,
        set_mail_preference,
    )
    from broadsheet.testing.factories import StaffFactory

    comment = Comment.objects.get(body="A first response.")

    def mail_choice():
        moderator = StaffFactory(username="mod", role="Moderators")
        set_mail_preference(moderator, "digest", by=moderator)

    def confirm_and_stop():
        subscription = ReplySubscription.objects.create(
            comment=comment, email="reader@example.org"
        )
        discussion.confirm_subscription(subscription)
        discussion.unsubscribe(subscription)

    return {
        "a ban": lambda: ban_commenter(comment, reason="spam run", by=None),
        "one report": lambda: report_comment(comment, reason="spam", ip="192.0.2.7"),
        "a stricter link rule": lambda: update_policy(by=None, hold_links=1),
        "submitting a draft": lambda: publishing.submit_for_review(
            Article.objects.get(headline="A draft"), by=None
        ),
        "an appeal click": lambda: publishing.record_appeal_click(
            Appeal.objects.get(), article=lead_in(site)
        ),
        "a moderator's mail choice": mail_choice,
        "a reply subscription": confirm_and_stop,
    }


@pytest.mark.parametrize(
    "name",
    [
        "a ban",
        "one report",
        "a stricter link rule",
        "submitting a draft",
        "an appeal click",
        "a moderator's mail choice",
        "a reply subscription",
    ],
)
def test_writes_that_change_no_public_page_purge_nothing(wsgi, site, name):
    assert check_purges(wsgi, quiet_writes(site)[name]) == []
