"""Every policy setting and screening check: its verdict and its reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.discussion import services
from broadsheet.discussion.exceptions import AlreadyPosted, CommentRefused
from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import ArticlePolicy, Ban, Mode, ModerationPolicy
from broadsheet.testing.factories import ArticleFactory, CommentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.moderation_policy]


@pytest.fixture(autouse=True)
def _fresh_counters(page_store):
    """Rate counters live in the page cache's store: a fresh one per test."""


def policy(**fields) -> ModerationPolicy:
    """The policy under test; rate limits off unless the test is about them."""
    fields.setdefault("mode", Mode.PUBLISH)
    fields.setdefault("rate_per_network", 0)
    fields.setdefault("rate_per_email", 0)
    return ModerationPolicy.objects.update_or_create(pk=1, defaults=fields)[0]


def post(article, body="A fair point about the budget.", *, email="ana@example.org",
         ip="203.0.113.5", name="Ana", parent=None):  # fmt: skip
    return services.post_comment(
        article,
        {"name": name, "email": email, "body": body, "parent": parent and parent.pk},
        ip=ip,
    )


def test_by_default_a_first_time_commenter_is_held_and_a_known_one_published():
    article = ArticleFactory()
    first = post(article)
    assert first.status == Comment.Status.HELD
    assert first.reasons == ["first-time commenter"]
    Comment.objects.filter(pk=first.pk).update(status=Comment.Status.APPROVED)
    second = post(article, body="And a second thought, once known.")
    assert second.status == Comment.Status.APPROVED
    assert second.reasons == []


def test_hold_all_holds_even_known_commenters():
    policy(mode=Mode.HOLD_ALL)
    article = ArticleFactory()
    CommentFactory(article=article, author_email="ana@example.org")
    held = post(article)
    assert held.status == Comment.Status.HELD
    assert held.reasons == ["every comment is held for review"]


def test_an_article_can_override_the_site_mode():
    policy(mode=Mode.PUBLISH)
    article = ArticleFactory()
    ArticlePolicy.objects.create(article=article, mode=Mode.HOLD_ALL)
    assert post(article).status == Comment.Status.HELD
    assert post(ArticleFactory(), body="Elsewhere.").status == Comment.Status.APPROVED


def test_links_at_the_threshold_hold_the_comment_with_their_count():
    policy(hold_links=2)
    article = ArticleFactory()
    one = post(article, body="Source: https://example.org/a")
    assert one.status == Comment.Status.APPROVED
    two = post(article, body="See https://example.org/a and www.example.net/b")
    assert two.status == Comment.Status.HELD
    assert two.reasons == ["2 links"]


def test_a_suspect_word_holds_and_names_the_word():
    policy(suspect_words="casino\nCrypto")
    held = post(ArticleFactory(), body="Try my crypto tips, friends.")
    assert held.status == Comment.Status.HELD
    assert held.reasons == ["suspect word “crypto”"]
    # Whole words only: "cryptography" is not "crypto".
    fine = post(
        ArticleFactory(), body="Cryptography matters here.", email="b@example.org"
    )
    assert fine.status == Comment.Status.APPROVED


def test_a_banned_word_refuses_and_writes_nothing():
    policy(banned_words="viagra")
    with pytest.raises(CommentRefused, match="not allowed here"):
        post(ArticleFactory(), body="Cheap VIAGRA here")
    assert not Comment.objects.exists()


def test_several_reasons_are_all_kept():
    policy(mode=Mode.HOLD_FIRST_TIME, suspect_words="loan")
    held = post(
        ArticleFactory(),
        body="A loan at https://example.org/x and https://example.org/y",
    )
    assert held.reasons == ["2 links", "suspect word “loan”", "first-time commenter"]


def test_the_maximum_length_refuses_longer_comments():
    policy(max_length=50)
    with pytest.raises(CommentRefused, match="longer than 50 characters"):
        post(ArticleFactory(), body="x" * 51)
    assert post(ArticleFactory(), body="y" * 50).status == Comment.Status.APPROVED


def test_comments_close_some_days_after_publication():
    policy(close_after_days=3)
    old = ArticleFactory(published_at=timezone.now() - timedelta(days=4))
    with pytest.raises(CommentRefused, match="Comments are closed") as refusal:
        post(old)
    assert refusal.value.status_code == 403
    recent = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    assert post(recent).status == Comment.Status.APPROVED


def test_a_ban_by_email_or_prefix_refuses_until_it_expires():
    from broadsheet.discussion.avatars import email_hmac

    policy()
    article = ArticleFactory()
    Ban.objects.create(email_hmac=email_hmac("troll@example.org"), reason="abuse")
    with pytest.raises(CommentRefused, match="cannot comment") as refusal:
        post(article, email="Troll@Example.org")
    assert refusal.value.status_code == 403
    Ban.objects.create(ip_prefix="198.51.100.0/24", reason="flood")
    with pytest.raises(CommentRefused):
        post(article, ip="198.51.100.77", email="new@example.org")
    Ban.objects.update(until=timezone.now() - timedelta(minutes=1))
    assert post(article, email="troll@example.org").status == Comment.Status.APPROVED


def test_a_duplicate_is_refused_unless_its_author_sends_the_same_comment_again():
    policy(mode=Mode.HOLD_ALL)
    article = ArticleFactory()
    first = post(article, body="Same words.")
    # Its author, again (their first answer lost): the comment already saved.
    with pytest.raises(AlreadyPosted) as again:
        post(article, body="Same words.", ip="203.0.113.77")
    assert again.value.comment == first and first.status == Comment.Status.HELD
    for elsewhere in [
        {"article": ArticleFactory()},
        {"article": article, "parent": CommentFactory(article=article)},
        {"article": article, "ip": "198.51.100.5"},  # same e-mail, other network
        {"article": article, "email": "other@example.org", "ip": "203.0.113.9"},
    ]:
        with pytest.raises(CommentRefused, match="already posted") as refusal:
            post(body="Same words.", **elsewhere)
        assert refusal.type is CommentRefused, elsewhere
    Comment.objects.filter(pk=first.pk).update(status=Comment.Status.SPAM)
    with pytest.raises(CommentRefused, match="already posted") as refusal:
        post(article, body="Same words.")
    assert refusal.type is CommentRefused
    assert Comment.objects.count() == 2  # the first, and the parent made above


def test_a_ban_made_from_a_comment_refuses_the_next_post(django_user_model):
    from broadsheet.moderation.services import ban_commenter

    policy()
    moderator = django_user_model.objects.create_superuser("mod", "m@example.org", "pw")
    article = ArticleFactory()
    offending = post(article, body="Something abusive.")
    ban = ban_commenter(offending, reason="abuse", by=moderator, prefix=True)
    assert ban.ip_prefix == "203.0.113.0/24" and ban.email_hmac
    with pytest.raises(CommentRefused):
        post(article, body="Back again.", email="fresh@example.org")


def test_only_moderators_change_the_policy(django_user_model):
    from django.core.exceptions import PermissionDenied

    from broadsheet.moderation.services import update_policy

    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    with pytest.raises(PermissionDenied):
        update_policy(by=reader, mode=Mode.PUBLISH)
    assert update_policy(by=None, hold_links=5).hold_links == 5


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (
            {"rate_per_network": 3},
            "more than 3 comments per 10 minutes from one network",
        ),
        ({"rate_per_email": 3}, "more than 3 comments per 10 minutes from one e-mail"),
    ],
)
def test_rate_limits_refuse_with_429_and_a_retry_time(limits, reason):
    policy(**limits)
    article = ArticleFactory()
    for number in range(3):
        email = "same@example.org" if "rate_per_email" in limits else f"{number}@x.org"
        ip = "203.0.113.5" if "rate_per_network" in limits else f"198.51.{number}.1"
        post(article, body=f"Comment number {number}.", email=email, ip=ip)
    with pytest.raises(CommentRefused, match="posting too fast") as refusal:
        post(article, body="One too many.", email="same@example.org", ip="203.0.113.5")
    assert refusal.value.status_code == 429
    assert 0 < refusal.value.retry_after <= 600
    assert Comment.objects.count() == 3
    # Another network and another e-mail are not affected.
    assert post(article, body="Hello.", email="else@example.org", ip="192.0.2.9")


def test_while_the_shared_store_is_away_each_process_still_counts(page_store_away):
    policy(rate_per_network=2)
    article = ArticleFactory()
    for number in range(2):
        post(article, body=f"Comment number {number}.", email=f"{number}@x.org")
    with pytest.raises(CommentRefused, match="posting too fast") as refusal:
        post(article, body="One too many.", email="late@x.org")
    assert refusal.value.status_code == 429
    assert 0 < refusal.value.retry_after <= 600
    assert Comment.objects.count() == 2
    assert post(article, body="Hello.", email="else@x.org", ip="192.0.2.9")


def test_a_rate_limited_post_keeps_the_typed_text_and_says_when_to_retry(client, parse):
    from broadsheet.discussion import tokens

    policy(rate_per_network=1)
    article = ArticleFactory()
    form = {
        "article": article.pk,
        "token": tokens.make_token(article.pk),
        "name": "Quick",
        "email": "quick@example.org",
        "body": "First.",
    }
    assert client.post("/comments/post/", form).status_code == 303
    response = client.post("/comments/post/", {**form, "body": "Second, too soon."})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = parse(response)
    assert page.find("textarea").get_text().strip() == "Second, too soon."
    assert "posting too fast" in page.get_text()


def test_an_article_past_the_closing_age_shows_no_form(client, parse):
    policy(close_after_days=3)
    old = ArticleFactory(published_at=timezone.now() - timedelta(days=4))
    page = parse(client.get(old.get_absolute_url()))
    assert page.find("form", class_="comment-form") is None
    assert "Comments are closed." in page.find(id="respond").get_text()
    recent = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    assert parse(client.get(recent.get_absolute_url())).find(
        "form", class_="comment-form"
    )
