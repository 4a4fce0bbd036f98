"""Every write of the moderation app."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from broadsheet.core.clients import ip_prefix
from broadsheet.discussion import services as discussion_services
from broadsheet.discussion.keys import form_key
from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import (
    AuditEntry,
    Ban,
    MailPreference,
    ModerationPolicy,
    Report,
)
from broadsheet.pagecache.purge import purge
from broadsheet.publishing.models import Article

STATUS_FOR = {
    AuditEntry.Action.APPROVE: Comment.Status.APPROVED,
    AuditEntry.Action.REJECT: Comment.Status.REJECTED,
    AuditEntry.Action.SPAM: Comment.Status.SPAM,
}


def _require(by: Any, permission: str) -> None:
    if by is not None and not by.has_perm(permission):
        raise PermissionDenied(f"Missing permission {permission}.")


def update_policy(*, by: Any, **fields: Any) -> ModerationPolicy:
    """Change the site's moderation policy; raises PermissionDenied for others.

    A change to when comments close purges the pages of the articles whose
    form appears or goes."""
    _require(by, "moderation.change_moderationpolicy")
    with transaction.atomic():
        policy = ModerationPolicy.objects.select_for_update().current()
        closed_after = policy.close_after_days
        for name, value in fields.items():
            setattr(policy, name, value)
        policy.full_clean()
        policy.save()
        if policy.close_after_days != closed_after:
            purge(*_threads_closing_between(closed_after, policy.close_after_days))
    return policy


def _threads_closing_between(before: int | None, after: int | None) -> list[str]:
    """The discussions that a change of the closing age opens or closes."""
    ages = [timedelta(days=days) for days in (before, after) if days is not None]
    now = timezone.now()
    published = Article.objects.filter(published_at__lt=now - min(ages))
    if len(ages) == 2:
        published = published.filter(published_at__gte=now - max(ages))
    return [form_key(pk) for pk in published.values_list("pk", flat=True)]


def set_mail_preference(user: Any, frequency: str, *, by: Any) -> MailPreference:
    """Choose how `user` hears of held comments: each, an hourly digest, or
    none. Raises PermissionDenied unless `by` is that user and a moderator."""
    if by != user:
        raise PermissionDenied("Moderators choose their own mail.")
    _require(by, "discussion.change_comment")
    preference, _ = MailPreference.objects.update_or_create(
        user=user, defaults={"frequency": MailPreference.Frequency(frequency)}
    )
    return preference


def ban_commenter(
    comment: Comment,
    *,
    reason: str,
    by: Any,
    until: datetime | None = None,
    email: bool = True,
    prefix: bool = False,
) -> Ban:
    """Refuse further comments from this comment's author (by e-mail HMAC) and/or
    network prefix, until a date or for good. Raises PermissionDenied, or
    ValueError when neither is chosen."""
    _require(by, "moderation.add_ban")
    if not (email or (prefix and comment.ip_prefix)):
        raise ValueError("A ban names an e-mail, a network prefix, or both.")
    with transaction.atomic():
        ban = Ban.objects.create(
            email_hmac=comment.email_hmac if email else "",
            ip_prefix=comment.ip_prefix if prefix else "",
            until=until,
            reason=reason,
            created_by=by,
        )
        AuditEntry.objects.create(
            actor=by, action=AuditEntry.Action.BAN, comment=comment, reason=reason
        )
    return ban


def moderate_comments(
    comments: list[Comment], action: str, *, by: Any, reason: str = ""
) -> int:
    """Approve, reject or mark as spam each comment, in one transaction, each
    decision written to the audit log. Returns how many changed. Raises
    PermissionDenied for non-moderators and ValueError for an unknown action."""
    _require(by, "discussion.change_comment")
    if action not in STATUS_FOR:
        raise ValueError(f"Unknown moderation action {action!r}.")
    changed = 0
    with transaction.atomic():
        for comment in comments:
            if comment.status == STATUS_FOR[action]:
                continue
            discussion_services.set_comment_status(comment, STATUS_FOR[action], by=by)
            AuditEntry.objects.create(
                actor=by, action=action, comment=comment, reason=reason
            )
            changed += 1
    return changed


def report_comment(
    comment: Comment, *, reason: str, note: str = "", ip: str
) -> Report | None:
    """Record a reader's report; enough distinct readers hold the comment for
    review. A second report from the same network is ignored (returns None)."""
    prefix = ip_prefix(ip) or ip
    with transaction.atomic():
        report, created = Report.objects.get_or_create(
            comment=comment, ip_prefix=prefix, defaults={"reason": reason, "note": note}
        )
        if not created:
            return None
        threshold = ModerationPolicy.objects.current().report_threshold
        count = Report.objects.filter(comment=comment).count()
        if (
            threshold
            and count >= threshold
            and comment.status == Comment.Status.APPROVED
        ):
            reasons = sorted(
                set(
                    Report.objects.filter(comment=comment).values_list(
                        "reason", flat=True
                    )
                )
            )
            Comment.objects.filter(pk=comment.pk).update(
                reasons=[f"reported by {count} readers: {', '.join(reasons)}"]
            )
            comment.refresh_from_db()
            discussion_services.set_comment_status(
                comment, Comment.Status.HELD, by=None
            )
    return report
