from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from broadsheet.publishing.models import Article


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def on(self, article: Article) -> CommentQuerySet:
        return self.filter(article=article)

    def in_thread_order(self) -> CommentQuerySet:
        return self.order_by("created_at", "pk")


class Comment(models.Model):
    """A reader's response to an article, or to another comment on it."""

    class Status(models.TextChoices):
        HELD = "held", _("Held for moderation")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REJECTED = "rejected", _("Rejected")
        DELETED = "deleted", _("Deleted")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author_name = models.CharField(_("name"), max_length=80)
    author_email = models.EmailField(_("e-mail"), max_length=254)
    author_website = models.URLField(_("website"), max_length=300, blank=True)
    email_hmac = models.CharField(max_length=64, editable=False, db_index=True)
    body = models.TextField(_("comment"))
    body_html = models.TextField(editable=False)
    card_html = models.TextField(editable=False, blank=True)
    card_version = models.CharField(max_length=32, editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPROVED
    )
    ip_prefix = models.CharField(_("address prefix"), max_length=50, blank=True)
    reasons = models.JSONField(_("why it was held"), default=list, blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.article}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"


class ReplySubscription(models.Model):
    """A commenter asked to be told of replies to their comment (double opt-in)."""

    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, related_name="subscription"
    )
    email = models.EmailField(max_length=254)
    is_confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reply subscription")
        verbose_name_plural = _("reply subscriptions")

    def __str__(self) -> str:
        return f"replies to {self.comment_id}"

    @property
    def is_active(self) -> bool:
        return self.is_confirmed and self.unsubscribed_at is None
