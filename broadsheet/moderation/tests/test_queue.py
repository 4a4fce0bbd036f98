"""The moderation queue: what a moderator sees and every action, with JS off."""

from __future__ import annotations

import pytest

from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import AuditEntry, Ban
from broadsheet.moderation.roles import ensure_moderators_group
from broadsheet.testing.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model, client):
    user = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    user.groups.add(ensure_moderators_group())
    client.force_login(user)
    return user


def held(**fields):
    if "article" not in fields:
        fields["article"] = ArticleFactory()
    comment = CommentFactory(status="held", **fields)
    Comment.objects.filter(pk=comment.pk).update(
        reasons=["first-time commenter", "2 links"]
    )
    return comment


def test_the_queue_shows_each_held_comment_with_context_reasons_and_history(
    client, parse, moderator
):
    article = ArticleFactory(headline="The water question")
    parent = CommentFactory(
        article=article, body="The original point.", author_name="Opener"
    )
    comment = held(article=parent.article, parent=parent, author_email="x@example.org")
    CommentFactory(article=parent.article, author_email="x@example.org", status="spam")
    page = parse(client.get("/moderation/"))
    item = page.find(id=f"mod-{comment.pk}")
    assert "The water question" in item.get_text()
    assert "In reply to Opener:" in item.get_text()
    assert [li.get_text() for li in item.select(".mod-reasons li")] == [
        "first-time commenter",
        "2 links",
    ]
    assert "History: 0 approved, 0 rejected, 1 spam" in item.get_text()


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")],
)
def test_each_action_changes_the_comment_and_is_logged(
    client, moderator, action, status
):
    comment = held()
    response = client.post(
        "/moderation/act/",
        {"action": action, "comments": [comment.pk], "tab": "pending"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == status
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.comment) == (moderator, action, comment)


def test_bulk_reject_acts_on_every_ticked_comment(client, moderator):
    comments = [held() for _ in range(3)]
    client.post(
        "/moderation/act/",
        {"action": "reject", "comments": [c.pk for c in comments[:2]]},
    )
    statuses = [Comment.objects.get(pk=c.pk).status for c in comments]
    assert statuses == ["rejected", "rejected", "held"]
    assert AuditEntry.objects.count() == 2


def test_a_ban_needs_a_reason_and_then_refuses_the_commenter(client, moderator):
    comment = held(author_email="troll@example.org")
    refused = client.post(
        "/moderation/act/", {"action": "ban", "comments": [comment.pk]}
    )
    assert refused.status_code == 400
    assert not Ban.objects.exists()
    client.post(
        "/moderation/act/",
        {
            "action": "ban",
            "comments": [comment.pk],
            "reason": "abuse",
            "ban_email": "on",
            "ban_until": "2099-01-01",
        },
    )
    ban = Ban.objects.get()
    assert ban.email_hmac == comment.email_hmac and ban.reason == "abuse"
    assert ban.until.year == 2099
    assert Comment.objects.get(pk=comment.pk).status == "rejected"
    assert list(AuditEntry.objects.values_list("action", flat=True)) == [
        "reject",
        "ban",
    ]


def test_the_log_lists_who_did_what(client, parse, moderator):
    comment = held(author_name="Noisy")
    client.post("/moderation/act/", {"action": "spam", "comments": [comment.pk]})
    text = parse(client.get("/moderation/log/")).find("ol").get_text()
    assert "mod · Marked as spam" in text and "Noisy" in text


def test_readers_and_plain_staff_cannot_moderate(client, django_user_model):
    assert client.get("/moderation/").status_code == 302  # to the login page
    user = django_user_model.objects.create_user("someone", "s@example.org", "pw")
    client.force_login(user)
    assert client.get("/moderation/").status_code == 403
    comment = held()
    response = client.post(
        "/moderation/act/", {"action": "approve", "comments": [comment.pk]}
    )
    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).status == "held"


def test_a_moderator_chooses_the_hourly_digest_and_the_choice_is_kept(
    client, parse, moderator
):
    from broadsheet.moderation.models import MailPreference
    from broadsheet.moderation.tasks import moderators

    page = parse(client.get("/moderation/mail/"))
    assert page.find("input", attrs={"value": "each"}).has_attr("checked")
    assert "Mail goes to mod@example.org." in page.get_text()
    assert client.post("/moderation/mail/", {"frequency": "digest"}).status_code == 200
    assert MailPreference.objects.get(user=moderator).frequency == "digest"
    assert list(moderators("digest")) == [moderator]
    assert list(moderators("each")) == []
    page = parse(client.get("/moderation/mail/"))
    assert page.find("input", attrs={"value": "digest"}).has_attr("checked")


def test_a_bad_mail_choice_gets_a_400_and_changes_nothing(client, parse, moderator):
    from broadsheet.moderation.models import MailPreference

    response = client.post("/moderation/mail/", {"frequency": "weekly"})
    assert response.status_code == 400
    assert "Select a valid choice" in parse(response).get_text()
    assert not MailPreference.objects.exists()


def test_readers_and_staff_without_the_role_cannot_choose_moderation_mail(
    client, django_user_model
):
    staff = django_user_model.objects.create_user("writer", "w@example.org", "pw")
    client.force_login(staff)
    assert client.get("/moderation/mail/").status_code == 403


def test_superusers_hear_of_held_comments_like_moderators(django_user_model):
    from broadsheet.moderation.tasks import moderators

    boss = django_user_model.objects.create_superuser("boss", "b@example.org", "pw")
    django_user_model.objects.create_user("writer", "w@example.org", "pw")
    assert list(moderators()) == [boss]
