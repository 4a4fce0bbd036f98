from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from broadsheet.publishing.models import Article


class Mode(models.TextChoices):
    PUBLISH = "publish", _("Publish at once")
    HOLD_FIRST_TIME = "hold_first_time", _("Hold first-time commenters")
    HOLD_ALL = "hold_all", _("Hold every comment")


class PolicyQuerySet(models.QuerySet):
    def current(self) -> ModerationPolicy:
        """The site's policy; unsaved defaults before a moderator saves one."""
        return self.filter(pk=1).first() or ModerationPolicy(pk=1)


class ModerationPolicy(models.Model):
    """What happens to a new comment, for the whole site (one row)."""

    mode = models.CharField(
        _("moderation"),
        max_length=20,
        choices=Mode.choices,
        default=Mode.HOLD_FIRST_TIME,
    )
    hold_links = models.PositiveSmallIntegerField(
        _("hold comments with at least this many links"), default=2
    )
    suspect_words = models.TextField(
        _("suspect words"),
        blank=True,
        help_text=_("One per line; such comments are held."),
    )
    banned_words = models.TextField(
        _("banned words"),
        blank=True,
        help_text=_("One per line; such comments are refused."),
    )
    max_length = models.PositiveIntegerField(_("maximum length"), default=10_000)
    rate_per_network = models.PositiveSmallIntegerField(
        _("comments per network per window"),
        default=10,
        help_text=_("From one /24 (IPv4) or /48 (IPv6). 0: no limit."),
    )
    rate_per_email = models.PositiveSmallIntegerField(
        _("comments per e-mail per window"), default=5, help_text=_("0: no limit.")
    )
    rate_window_minutes = models.PositiveSmallIntegerField(
        _("rate window (minutes)"), default=10
    )
    report_threshold = models.PositiveSmallIntegerField(
        _("hold a comment reported by this many readers"),
        default=3,
        help_text=_("Readers are told apart by their network. 0: never."),
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("close comments after this many days"),
        null=True,
        blank=True,
        help_text=_("Empty: never."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation policy")
        verbose_name_plural = _("moderation policy")

    def __str__(self) -> str:
        return str(self.get_mode_display())

    @staticmethod
    def words(text: str) -> list[str]:
        return [line.strip().lower() for line in text.splitlines() if line.strip()]


class ArticlePolicy(models.Model):
    """One article's own moderation mode, overriding the site's."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="moderation_policy"
    )
    mode = models.CharField(_("moderation"), max_length=20, choices=Mode.choices)

    class Meta:
        verbose_name = _("article moderation")
        verbose_name_plural = _("article moderation")

    def __str__(self) -> str:
        return f"{self.article}: {self.get_mode_display()}"


class BanQuerySet(models.QuerySet):
    def in_force(self) -> BanQuerySet:
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))


class Ban(models.Model):
    """Refuses comments from an e-mail (by its HMAC) and/or a network prefix."""

    email_hmac = models.CharField(max_length=64, blank=True, db_index=True)
    ip_prefix = models.CharField(max_length=50, blank=True, db_index=True)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BanQuerySet.as_manager()

    class Meta:
        verbose_name = _("ban")
        verbose_name_plural = _("bans")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email_hmac="") | ~Q(ip_prefix=""),
                name="moderation_ban_names_someone",
            )
        ]

    def __str__(self) -> str:
        return self.reason


class ClassifierStateQuerySet(models.QuerySet):
    def current(self) -> ClassifierState:
        return self.filter(pk=1).first() or ClassifierState(pk=1)


class ClassifierState(models.Model):
    """How much the spam classifier has learnt; its version moves on each lesson."""

    version = models.PositiveBigIntegerField(default=0)
    spam_docs = models.PositiveIntegerField(default=0)
    ham_docs = models.PositiveIntegerField(default=0)

    objects = ClassifierStateQuerySet.as_manager()

    def __str__(self) -> str:
        return f"v{self.version}: {self.spam_docs} spam, {self.ham_docs} genuine"


class TokenCount(models.Model):
    """In how many spam and genuine comments a word or linked domain appeared."""

    token = models.CharField(max_length=120, unique=True)
    spam = models.PositiveIntegerField(default=0)
    ham = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.token}: {self.spam}/{self.ham}"


class Lesson(models.Model):
    """A comment the classifier learnt from, so it learns from it once."""

    comment = models.OneToOneField(
        "discussion.Comment", on_delete=models.CASCADE, related_name="lesson"
    )
    is_spam = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.comment_id}: {'spam' if self.is_spam else 'genuine'}"


class AuditEntry(models.Model):
    """Who did what to which comment, when and why."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        SPAM = "spam", _("Marked as spam")
        BAN = "ban", _("Banned")
        POLICY = "policy", _("Changed the policy")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    comment = models.ForeignKey(
        "discussion.Comment", null=True, blank=True, on_delete=models.SET_NULL
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.comment_id}"


class Report(models.Model):
    """A reader's report of a comment; one per comment and reader's network."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or hateful")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(
        "discussion.Comment", on_delete=models.CASCADE, related_name="reports"
    )
    ip_prefix = models.CharField(max_length=50)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "ip_prefix"], name="moderation_one_report_per_reader"
            )
        ]

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.reason}"


class MailPreference(models.Model):
    """How a moderator wants to hear of held comments."""

    class Frequency(models.TextChoices):
        EACH = "each", _("One e-mail for each held comment")
        DIGEST = "digest", _("One e-mail an hour listing the held comments")
        NONE = "none", _("No e-mail; I look at the queue myself")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="moderation_mail",
    )
    frequency = models.CharField(
        _("e-mail about held comments"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.EACH,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("moderator's mail preference")
        verbose_name_plural = _("moderators' mail preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_frequency_display()}"
