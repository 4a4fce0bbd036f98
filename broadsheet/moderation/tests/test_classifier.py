"""The spam classifier learns from moderators' decisions and explains its holds."""

from __future__ import annotations

import random

import pytest

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment
from broadsheet.moderation import classifier
from broadsheet.moderation.models import ClassifierState, Mode, ModerationPolicy
from broadsheet.testing.factories import ArticleFactory, CommentFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]

SPAM_WORDS = (
    "cheap pills discount casino bonus winner prize crypto wallet invest profit "
    "guaranteed offer click deal free money earn income loan credit replica watches"
).split()
GENUINE_WORDS = (
    "reservoir council budget drought pipes leakage ministry report water river "
    "engineers contract regulator district rainfall policy reform tariffs article "
    "argument evidence figures"
).split()
FILLER = "the a and of to in is it this that for with on as".split()


def text(words: tuple | list, rng: random.Random, length: int = 14) -> str:
    picked = [rng.choice(words) if i % 2 else rng.choice(FILLER) for i in range(length)]
    return " ".join(picked).capitalize() + "."


@pytest.fixture(autouse=True)
def _policy(page_store):
    ModerationPolicy.objects.update_or_create(
        pk=1,
        defaults={
            "mode": Mode.HOLD_FIRST_TIME,
            "rate_per_network": 0,
            "rate_per_email": 0,
            "hold_links": 2,
        },
    )


def returning(article, email="regular@example.org"):
    CommentFactory(article=article, author_email=email, author_name="Regular")


def post(article, body, email="regular@example.org", ip="192.0.2.44"):
    return services.post_comment(
        article, {"name": "Regular", "email": email, "body": body}, ip=ip
    )


def test_the_classifier_is_neutral_until_it_has_learnt():
    assert classifier.spam_probability("cheap pills casino bonus") is None


def test_after_moderators_decide_spam_is_held_with_its_score_as_the_only_reason():
    rng = random.Random(7)
    article = ArticleFactory()
    returning(article)
    spammy = "Cheap pills and a casino bonus, guaranteed profit for the winner."
    genuine = "The regulator's leakage figures for the district match the report."
    assert post(article, spammy).status == Comment.Status.APPROVED  # not yet learnt

    for number in range(50):
        for words, decision in ((SPAM_WORDS, "spam"), (GENUINE_WORDS, "approved")):
            comment = CommentFactory(
                article=article,
                body=text(words, rng),
                status="held",
                author_email=f"trainee{number}{decision}@example.org",
            )
            services.set_comment_status(comment, decision, by=None)
    state = ClassifierState.objects.current()
    assert (state.spam_docs, state.ham_docs) == (50, 50)

    held = post(article, spammy + " Again!")
    assert held.status == Comment.Status.HELD
    assert len(held.reasons) == 1
    label, score = held.reasons[0].rsplit(" ", 1)
    assert label == "spam score" and float(score) >= 0.9
    fine = post(article, genuine)
    assert fine.status == Comment.Status.APPROVED
    assert fine.reasons == []


def test_a_stranger_s_obvious_spam_is_refused_once_learnt():
    from broadsheet.discussion.exceptions import CommentRefused

    rng = random.Random(11)
    article = ArticleFactory()
    for number in range(30):
        for words, decision in ((SPAM_WORDS, "spam"), (GENUINE_WORDS, "approved")):
            comment = CommentFactory(
                article=article, body=text(words, rng), status="held",
                author_email=f"t{number}{decision}@example.org",
            )  # fmt: skip
            services.set_comment_status(comment, decision, by=None)
    with pytest.raises(CommentRefused, match="looks like spam"):
        post(
            article,
            "Free money! Cheap pills, casino bonus, crypto wallet, guaranteed profit.",
            email="stranger@example.org",
            ip="198.51.100.200",
        )


def test_a_decision_is_learnt_once():
    article = ArticleFactory()
    comment = CommentFactory(article=article, body="Cheap pills.", status="held")
    services.set_comment_status(comment, "spam", by=None)
    services.set_comment_status(comment, "spam", by=None)
    assert ClassifierState.objects.current().spam_docs == 1
