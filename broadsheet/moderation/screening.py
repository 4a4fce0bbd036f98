"""Screening a new comment against the site's policy: every reason is kept.

Registered with discussion (discussion never imports this app). Each check adds
the reason it applied, in words a volunteer moderator reads in the queue.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from broadsheet.discussion.models import Comment
from broadsheet.discussion.screening import DUPLICATE_WINDOW, Decision, Facts, Verdict
from broadsheet.moderation import classifier
from broadsheet.moderation.models import (
    ArticlePolicy,
    Ban,
    Lesson,
    Mode,
    ModerationPolicy,
)
from broadsheet.pagecache import counters
from broadsheet.publishing.models import Article

LINK = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|biz|ru|xyz)\b", re.I
)
HOLD_SCORE = 0.9  # held, with the score as a reason
REFUSE_SCORE = 0.99  # refused outright, for commenters not yet known


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def screen(facts: Facts) -> Verdict:
    """Publish, hold or reject a new comment, with every reason that applied."""
    policy = ModerationPolicy.objects.current()
    refusal = _refusal(facts, policy)
    if refusal is not None:
        return refusal
    reasons = []
    links = len(LINK.findall(facts.body))
    if policy.hold_links and links >= policy.hold_links:
        reasons.append(_("%(count)d links") % {"count": links})
    text = f"{facts.name} {facts.body}".lower()
    for word in ModerationPolicy.words(policy.suspect_words):
        if _has_word(text, word):
            reasons.append(_("suspect word “%(word)s”") % {"word": word})
    known = _is_known(facts.email_hmac)
    probability = classifier.spam_probability(f"{facts.name} {facts.body}")
    if probability is not None and probability >= HOLD_SCORE:
        reason = _("spam score %(score).2f") % {"score": probability}
        if probability >= REFUSE_SCORE and not known:
            return Verdict(
                Decision.REJECT,
                [reason],
                message=_("Your comment looks like spam and was not posted."),
            )
        reasons.append(reason)
    override = ArticlePolicy.objects.filter(article_id=facts.article_id).first()
    mode = override.mode if override else policy.mode
    if mode == Mode.HOLD_ALL:
        reasons.append(_("every comment is held for review"))
    elif mode == Mode.HOLD_FIRST_TIME and not known:
        reasons.append(_("first-time commenter"))
    if reasons:
        return Verdict(Decision.HOLD, reasons)
    return Verdict(Decision.PUBLISH)


def _refusal(facts: Facts, policy: ModerationPolicy) -> Verdict | None:
    if policy.close_after_days is not None:
        published = (
            Article.objects.filter(pk=facts.article_id)
            .values_list("published_at", flat=True)
            .first()
        )
        if published and timezone.now() - published > timedelta(
            days=policy.close_after_days
        ):
            return Verdict(
                Decision.REJECT,
                [_("comments close %(days)d days after publication")
                 % {"days": policy.close_after_days}],
                message=_("Comments are closed on this article."),
                status_code=403,
            )  # fmt: skip
    who = Q(email_hmac=facts.email_hmac)
    if facts.ip_prefix:
        who |= Q(ip_prefix=facts.ip_prefix)
    ban = Ban.objects.in_force().filter(who).first()
    if ban is not None:
        return Verdict(
            Decision.REJECT,
            [_("banned: %(reason)s") % {"reason": ban.reason}],
            message=_("You cannot comment on this site."),
            status_code=403,
        )
    limited = None if facts.editing_id else _rate_limited(facts, policy)
    if limited is not None:
        return limited
    if len(facts.body) > policy.max_length:
        return Verdict(
            Decision.REJECT,
            [_("longer than %(max)d characters") % {"max": policy.max_length}],
            message=_("Your comment is longer than %(max)d characters.")
            % {"max": policy.max_length},
        )
    text = f"{facts.name} {facts.body}".lower()
    for word in ModerationPolicy.words(policy.banned_words):
        if _has_word(text, word):
            return Verdict(
                Decision.REJECT,
                [_("banned word “%(word)s”") % {"word": word}],
                message=_("Your comment contains a word that is not allowed here."),
            )
    recent = (
        Comment.objects.filter(
            body=facts.body, created_at__gte=timezone.now() - DUPLICATE_WINDOW
        )
        .filter(who)
        .exclude(pk=facts.editing_id)
    )
    if recent.exists():
        return Verdict(
            Decision.REJECT,
            [_("duplicate of a recent comment")],
            message=_("You have already posted this comment."),
        )
    return None


def _rate_limited(facts: Facts, policy: ModerationPolicy) -> Verdict | None:
    """Counted in the page cache's shared store, so every worker process and
    every machine sees the same count; while the store is away, each process
    counts on its own."""
    window = max(1, policy.rate_window_minutes) * 60
    checks = []
    if policy.rate_per_network and facts.ip_prefix:
        checks.append(("network", facts.ip_prefix, policy.rate_per_network))
    if policy.rate_per_email:
        checks.append(("e-mail", facts.email_hmac, policy.rate_per_email))
    for kind, who, limit in checks:
        count, reset_in = counters.count(f"rate:{kind}:{who}", window=window)
        if count > limit:
            reason = _(
                "more than %(limit)d comments per %(minutes)d minutes from one %(kind)s"
            ) % {"limit": limit, "minutes": window // 60, "kind": kind}
            return Verdict(
                Decision.REJECT,
                [reason],
                message=_(
                    "You are posting too fast. Please wait a few minutes and "
                    "post again; your text is kept below."
                ),
                status_code=429,
                retry_after=reset_in,
            )
    return None


def closed_by_age(article) -> bool:
    """Comments close the policy's number of days after publication."""
    days = ModerationPolicy.objects.current().close_after_days
    return (
        days is not None
        and article.published_at is not None
        and timezone.now() - article.published_at > timedelta(days=days)
    )


def learn_from_decision(comment, status: str) -> None:
    """Teach the classifier from a moderator's approve or spam decision, once."""
    if status not in {Comment.Status.APPROVED, Comment.Status.SPAM}:
        return
    is_spam = status == Comment.Status.SPAM
    with transaction.atomic():
        _, created = Lesson.objects.get_or_create(
            comment_id=comment.pk, defaults={"is_spam": is_spam}
        )
        if created:
            classifier.learn(f"{comment.author_name} {comment.body}", spam=is_spam)


def _is_known(email_hmac: str) -> bool:
    """A commenter is known once one of their comments has been approved."""
    return Comment.objects.filter(
        email_hmac=email_hmac, status=Comment.Status.APPROVED
    ).exists()
