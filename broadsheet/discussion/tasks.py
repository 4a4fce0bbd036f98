"""Mail to readers, sent by the background worker: the confirmation of a reply
subscription, and one notice per approved reply."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from broadsheet.discussion.models import Comment, ReplySubscription

logger = logging.getLogger(__name__)
SALT = "broadsheet.discussion.subscription"
MAX_ATTEMPTS = 6


def subscription_token(subscription: ReplySubscription) -> str:
    return signing.dumps(subscription.pk, salt=SALT)


def read_subscription_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _send(message: EmailMessage, retry, *args, attempt: int) -> str:
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        if attempt + 1 >= MAX_ATTEMPTS:
            logger.error("Gave up sending %r: %s", message.subject, error)
            return "gave up"
        delay = timedelta(minutes=2**attempt)
        logger.warning("Mail failed (%s); trying again in %s", error, delay)
        retry.using(run_after=timezone.now() + delay).enqueue(*args, attempt + 1)
        return "retry queued"
    return "sent"


@task()
def send_subscription_confirmation(subscription_id: int, attempt: int = 0) -> str:
    """Ask the commenter to confirm they want mail about replies."""
    subscription = (
        ReplySubscription.objects.select_related("comment__article")
        .filter(pk=subscription_id, is_confirmed=False)
        .first()
    )
    if subscription is None:
        return "nothing to do"
    token = subscription_token(subscription)
    message = EmailMessage(
        subject=f"Confirm: replies to your comment on {subscription.comment.article}",
        body=render_to_string(
            "discussion/mail/confirm_subscription.txt",
            {
                "subscription": subscription,
                "confirm_url": settings.SITE_URL
                + reverse("discussion:subscription_confirm", kwargs={"token": token}),
            },
        ),
        to=[subscription.email],
    )
    return _send(
        message, send_subscription_confirmation, subscription_id, attempt=attempt
    )


@task()
def send_reply_notice(subscription_id: int, reply_id: int, attempt: int = 0) -> str:
    """Tell a subscribed commenter about one approved reply to their comment."""
    subscription = ReplySubscription.objects.filter(pk=subscription_id).first()
    reply = (
        Comment.objects.select_related("article")
        .filter(pk=reply_id, status=Comment.Status.APPROVED)
        .first()
    )
    if subscription is None or not subscription.is_active or reply is None:
        return "nothing to do"
    token = subscription_token(subscription)
    unsubscribe = settings.SITE_URL + reverse(
        "discussion:subscription_unsubscribe", kwargs={"token": token}
    )
    message = EmailMessage(
        subject=f"{reply.author_name} replied to your comment on {reply.article}",
        body=render_to_string(
            "discussion/mail/reply_notice.txt",
            {
                "reply": reply,
                "reply_url": settings.SITE_URL + reply.get_absolute_url(),
                "unsubscribe_url": unsubscribe,
            },
        ),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return _send(message, send_reply_notice, subscription_id, reply_id, attempt=attempt)
