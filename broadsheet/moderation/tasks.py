"""Background work of the moderation app, run by `broadsheet worker`."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import TaskContext, task

from broadsheet.core.mail import job_key, send, send_or_retry
from broadsheet.core.recurring import recurring
from broadsheet.discussion.keys import form_key
from broadsheet.discussion.models import Comment
from broadsheet.moderation.links import decision_path
from broadsheet.moderation.models import MailPreference, ModerationPolicy
from broadsheet.pagecache.purge import purge_now
from broadsheet.publishing.models import Article

Frequency = MailPreference.Frequency


def moderators(frequency: str = Frequency.EACH) -> QuerySet:
    """Active users who may moderate (through any group, their own permission,
    or as superusers) with an e-mail address, who chose this kind of mail."""
    moderate = Permission.objects.filter(
        content_type__app_label="discussion", codename="change_comment"
    ).first()
    may = Q(is_superuser=True)
    if moderate is not None:
        may |= Q(groups__permissions=moderate) | Q(user_permissions=moderate)
    chose = Q(moderation_mail__frequency=frequency)
    if frequency == Frequency.EACH:
        chose |= Q(moderation_mail__isnull=True)
    users = get_user_model().objects.filter(may, chose, is_active=True)
    return users.exclude(email="").distinct().order_by("pk")


@task(takes_context=True)
def mail_moderators_about(
    context: TaskContext, comment_id: int, attempt: int = 0, key: str = ""
) -> str:
    """Tell the moderators who want one mail per comment that a comment is
    waiting, with why it was held.

    A mail server that fails is tried again later, with growing pauses."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.HELD:
        return "nothing to do"
    recipients = list(moderators(Frequency.EACH))
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
    return send_or_retry(
        messages,
        mail_moderators_about,
        comment_id,
        attempt=attempt,
        key=job_key(context, key),
    )


@recurring(every=timedelta(hours=1), takes_context=True)
def send_digests(context: TaskContext, since: datetime, until: datetime) -> bool:
    """Mail the moderators who chose the hourly digest every comment held in the
    last hour and still waiting. A failed send keeps the hour for the next run."""
    held = list(
        Comment.objects.filter(
            status=Comment.Status.HELD, updated_at__gt=since, updated_at__lte=until
        )
        .select_related("article")
        .order_by("updated_at", "pk")
    )
    recipients = list(moderators(Frequency.DIGEST)) if held else []
    if not recipients:
        return True
    messages = [
        EmailMessage(
            subject=_("%(count)d comments await review") % {"count": len(held)}
            if len(held) > 1
            else _("A comment awaits review"),
            body=render_to_string(
                "moderation/mail/digest.txt",
                {
                    "held": [
                        (
                            comment,
                            decision_path(comment.pk, "approve", user.pk),
                            decision_path(comment.pk, "reject", user.pk),
                        )
                        for comment in held
                    ],
                    "site_url": settings.SITE_URL,
                },
            ),
            to=[user.email],
        )
        for user in recipients
    ]
    return send(messages, key=job_key(context))


@recurring(every=timedelta(minutes=10), lookback=timedelta(days=1))
def purge_closed_discussions(since: datetime, until: datetime) -> None:
    """Purge the pages of articles whose comments closed by age in the window,
    so their cached pages stop showing the comment form."""
    days = ModerationPolicy.objects.current().close_after_days
    if days is None:
        return
    age = timedelta(days=days)
    closed = Article.objects.filter(
        published_at__gt=since - age, published_at__lte=until - age
    ).only("pk")
    purge_now([form_key(article.pk) for article in closed])
