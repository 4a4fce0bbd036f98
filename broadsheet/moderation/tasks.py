"""Background work of the moderation app, run by `broadsheet worker`."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django_tasks import task

from broadsheet.core.mail import send_or_retry
from broadsheet.discussion.models import Comment
from broadsheet.moderation.links import decision_path


def moderators():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name="Moderators")
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


@task()
def mail_moderators_about(comment_id: int, attempt: int = 0) -> str:
    """Tell the moderators a comment is waiting, with why it was held.

    A mail server that fails is tried again later, with growing pauses."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.HELD:
        return "nothing to do"
    recipients = list(moderators())
    if not recipients:
        return "no moderators with an e-mail address"
    # One message each: the one-click links are signed for their moderator.
    messages = [
        EmailMessage(
            subject=f"[{comment.article.headline[:60]}] A comment awaits review",
            body=render_to_string(
                "moderation/mail/held_comment.txt",
                {
                    "comment": comment,
                    "site_url": settings.SITE_URL,
                    "approve": decision_path(comment.pk, "approve", user.pk),
                    "reject": decision_path(comment.pk, "reject", user.pk),
                },
            ),
            to=[user.email],
        )
        for user in recipients
    ]
    return send_or_retry(messages, mail_moderators_about, comment_id, attempt=attempt)
