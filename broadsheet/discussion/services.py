"""Every write to comments."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from broadsheet.core.clients import ip_prefix
from broadsheet.core.renderer import render_plain_text
from broadsheet.discussion import screening
from broadsheet.discussion.avatars import email_hmac
from broadsheet.discussion.cards import refresh_card
from broadsheet.discussion.exceptions import (
    AlreadyPosted,
    CommentRefused,
    CommentsClosed,
    EditWindowClosed,
)
from broadsheet.discussion.keys import comment_keys
from broadsheet.discussion.models import Comment, ReplySubscription
from broadsheet.discussion.tasks import (
    send_reply_notice,
    send_subscription_confirmation,
)
from broadsheet.pagecache.purge import purge
from broadsheet.publishing.models import Article

STATUS_FOR = {
    screening.Decision.PUBLISH: Comment.Status.APPROVED,
    screening.Decision.HOLD: Comment.Status.HELD,
}


def own_origins() -> tuple[str, ...]:
    host = settings.SITE_URL.split("://", 1)[1]
    return (f"https://{host}", f"http://{host}")


def post_comment(
    article: Article, form_data: dict[str, Any], *, ip: str, screened: bool = True
) -> Comment:
    """Post a reader's comment from validated form data.

    `screened=False` is for comments the system itself writes (the demo,
    factories, imports): they skip the moderation checks and are published.
    Raises CommentsClosed when the article takes no comments, AlreadyPosted
    when the same commenter sent this comment already (see `_saved_before`),
    and CommentRefused when the parent is not a visible comment on this article
    or the screening rejects it.
    """
    if not screening.is_open(article):
        raise CommentsClosed(_("Comments are closed on this article."))
    parent = None
    if form_data.get("parent"):
        parent = (
            Comment.objects.approved()
            .filter(pk=form_data["parent"], article=article)
            .first()
        )
        if parent is None:
            raise CommentRefused(
                _("The comment you are replying to is not on this article.")
            )
    body = form_data["body"]
    facts = screening.Facts(
        article_id=article.pk,
        parent_id=parent.pk if parent else None,
        name=form_data["name"],
        body=body,
        email_hmac=email_hmac(form_data["email"]),
        ip_prefix=ip_prefix(ip),
        honeypot=form_data.get("url_confirm", ""),
    )
    if screened and (saved := _saved_before(article, parent, facts)) is not None:
        raise AlreadyPosted(_("You have already posted this comment."), comment=saved)
    verdict = (
        screening.screen(facts)
        if screened
        else screening.Verdict(screening.Decision.PUBLISH)
    )
    _refuse_if_rejected(verdict)
    comment = Comment(
        article=article,
        parent=parent,
        author_name=facts.name,
        author_email=form_data["email"],
        author_website=form_data.get("website") or "",
        email_hmac=facts.email_hmac,
        body=body,
        body_html=render_plain_text(body, own_origins=own_origins()),
        status=STATUS_FOR[verdict.decision],
        ip_prefix=facts.ip_prefix,
        reasons=list(verdict.reasons),
    )
    with transaction.atomic():
        comment.save()
        # The card needs the pk and the creation time, known only once saved.
        refresh_card(comment)
        comment.save(update_fields=["card_html", "card_version"])
        if comment.status == Comment.Status.APPROVED:
            purge(*comment_keys(comment))
            _notify_subscriber(comment)
        elif comment.status == Comment.Status.HELD:
            screening.announce_held(comment)
        if form_data.get("notify_replies"):
            subscription = ReplySubscription.objects.create(
                comment=comment, email=comment.author_email
            )
            # Queued in this transaction: no mail for a post that rolls back.
            send_subscription_confirmation.enqueue(subscription.pk)
    return comment


def _saved_before(
    article: Article, parent: Comment | None, facts: screening.Facts
) -> Comment | None:
    """The comment these facts describe, if its author sent it already: the
    same text, article and parent, from the same e-mail, within the duplicate
    window, published or held. A send whose answer was lost (the database went
    away as it committed) is sent again, and must not be posted twice.

    The network must match too: landing on the comment gives the commenter's
    cookie, which may edit or delete it, so knowing someone's e-mail address
    and the words of their comment is not enough."""
    return (
        Comment.objects.on(article)
        .filter(
            parent=parent,
            body=facts.body,
            email_hmac=facts.email_hmac,
            ip_prefix=facts.ip_prefix,
            status__in=[Comment.Status.APPROVED, Comment.Status.HELD],
            created_at__gte=timezone.now() - screening.DUPLICATE_WINDOW,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def _notify_subscriber(reply: Comment) -> None:
    """Queue a notice to the parent's author, if they confirmed they want one."""
    if not reply.parent_id:
        return
    subscription = (
        ReplySubscription.objects.select_related("comment")
        .filter(comment_id=reply.parent_id, is_confirmed=True, unsubscribed_at=None)
        .first()
    )
    if subscription and subscription.comment.email_hmac != reply.email_hmac:
        send_reply_notice.enqueue(subscription.pk, reply.pk)


def confirm_subscription(subscription: ReplySubscription) -> None:
    """The reader confirmed, from the link in their mail."""
    ReplySubscription.objects.filter(pk=subscription.pk).update(is_confirmed=True)


def unsubscribe(subscription: ReplySubscription) -> None:
    """No more mail about this comment's replies."""
    ReplySubscription.objects.filter(pk=subscription.pk).update(
        unsubscribed_at=timezone.now()
    )


def set_comment_status(comment: Comment, status: str, *, by: Any) -> Comment:
    """Approve, hold, mark as spam, reject or delete a comment.

    Raises PermissionDenied when `by` may not change comments.
    """
    if by is not None and not by.has_perm("discussion.change_comment"):
        raise PermissionDenied("Only moderators change comments.")
    was_approved = comment.status == Comment.Status.APPROVED
    comment.status = Comment.Status(status)
    with transaction.atomic():
        comment.save(update_fields=["status", "updated_at"])
        if comment.status == Comment.Status.APPROVED and not was_approved:
            _notify_subscriber(comment)
        if was_approved or comment.status == Comment.Status.APPROVED:
            purge(*comment_keys(comment))
        transaction.on_commit(
            lambda: screening.announce_decision(comment, comment.status)
        )
    return comment


EDIT_WINDOW = timedelta(minutes=15)


def can_change_own(comment: Comment) -> bool:
    """Authors may edit or delete their comment for 15 minutes after posting."""
    return (
        comment.status in {Comment.Status.APPROVED, Comment.Status.HELD}
        and timezone.now() - comment.created_at <= EDIT_WINDOW
    )


def edit_own_comment(comment: Comment, body: str) -> Comment:
    """Replace the text of the author's own comment, within the edit window.

    The new text is screened like a new comment (rate limits aside): an edit
    that would have been held takes a published comment back to the queue.
    Raises CommentRefused when the window has passed or the screening refuses
    the new text."""
    if not can_change_own(comment):
        raise EditWindowClosed(
            _("Comments can be changed for 15 minutes after posting.")
        )
    verdict = screening.screen(
        screening.Facts(
            article_id=comment.article_id,
            parent_id=comment.parent_id,
            name=comment.author_name,
            body=body,
            email_hmac=comment.email_hmac,
            ip_prefix=comment.ip_prefix,
            honeypot="",
            editing_id=comment.pk,
        )
    )
    _refuse_if_rejected(verdict)
    was_approved = comment.status == Comment.Status.APPROVED
    comment.body = body
    comment.body_html = render_plain_text(body, own_origins=own_origins())
    fields = ["body", "body_html", "card_html", "card_version", "updated_at"]
    if verdict.decision == screening.Decision.HOLD:
        comment.status = Comment.Status.HELD
        comment.reasons = [_("edited after posting"), *verdict.reasons]
        fields += ["status", "reasons"]
    with transaction.atomic():
        refresh_card(comment)
        comment.save(update_fields=fields)
        if was_approved:
            purge(*comment_keys(comment))
            if comment.status == Comment.Status.HELD:
                screening.announce_held(comment)
    return comment


def _refuse_if_rejected(verdict: screening.Verdict) -> None:
    if verdict.decision == screening.Decision.REJECT:
        refusal = CommentRefused(
            verdict.message or _("Your comment could not be accepted.")
        )
        refusal.status_code = verdict.status_code
        refusal.retry_after = verdict.retry_after
        raise refusal


def delete_own_comment(comment: Comment) -> Comment:
    """The author removes their comment; replies keep a placeholder above them.

    Raises CommentRefused when the window has passed."""
    if not can_change_own(comment):
        raise EditWindowClosed(
            _("Comments can be changed for 15 minutes after posting.")
        )
    was_approved = comment.status == Comment.Status.APPROVED
    with transaction.atomic():
        comment.status = Comment.Status.DELETED
        comment.save(update_fields=["status", "updated_at"])
        if was_approved:
            purge(*comment_keys(comment))
    return comment
