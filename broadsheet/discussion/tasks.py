"""Mail to readers, sent by the background worker: the confirmation of a reply
subscription, and one notice per approved reply."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import TaskContext, task

from broadsheet.core.mail import job_key, send_or_retry
from broadsheet.discussion.cards import refresh_outdated_cards
from broadsheet.discussion.models import Comment, ReplySubscription

SALT = "broadsheet.discussion.subscription"


def subscription_token(subscription: ReplySubscription) -> str:
    return signing.dumps(subscription.pk, salt=SALT)


def read_subscription_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


@task()
def refresh_cards() -> int:
    """Render the cards of comments written without one (an import's)."""
    return refresh_outdated_cards()


@task(takes_context=True)
def send_subscription_confirmation(
    context: TaskContext, subscription_id: int, attempt: int = 0, key: str = ""
) -> str:
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
    return send_or_retry(
        [message],
        send_subscription_confirmation,
        subscription_id,
        attempt=attempt,
        key=job_key(context, key),
    )


@task(takes_context=True)
def send_reply_notice(
    context: TaskContext,
    subscription_id: int,
    reply_id: int,
    attempt: int = 0,
    key: str = "",
) -> str:
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
    return send_or_retry(
        [message],
        send_reply_notice,
        subscription_id,
        reply_id,
        attempt=attempt,
        key=job_key(context, key),
    )
