"""Articles, their bylines, corrections and revisions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from broadsheet.publishing.models.records import (
    Appeal,
    Author,
    PartnerOutlet,
    Section,
    Tag,
)


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def by_author(self, author: Author) -> ArticleQuerySet:
        return self.filter(bylines__author=author)

    def in_section(self, section: Section) -> ArticleQuerySet:
        return self.filter(section=section)

    def tagged(self, tag: Tag) -> ArticleQuerySet:
        return self.filter(tags=tag)

    def in_month(self, start: datetime) -> ArticleQuerySet:
        """Published in the calendar month that begins at `start` (site time)."""
        end = (start + timedelta(days=32)).replace(day=1)
        return self.filter(published_at__gte=start, published_at__lt=end)

    def with_bylines(self) -> ArticleQuerySet:
        return self.select_related("section").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def latest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def editable_by(self, user: Any) -> ArticleQuerySet:
        """What a staff member may open in the editor: everything for editors,
        their own drafts and pieces in review for contributors."""
        if user.has_perm("publishing.change_any_article"):
            return self
        return self.filter(created_by=user, status__in=Article.CONTRIBUTOR_STATUSES)


class Article(models.Model):
    class Kind(models.TextChoices):
        OPINION = "opinion", _("Opinion")
        ANALYSIS = "analysis", _("Analysis")
        NEWS = "news", _("News")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    # What a contributor may set, and the states of the pieces they may edit.
    CONTRIBUTOR_STATUSES = (Status.DRAFT, Status.IN_REVIEW)

    class AppealChoice(models.TextChoices):
        SITE_DEFAULT = "default", _("The site-wide default")
        CHOSEN = "chosen", _("The appeal chosen below")
        NONE = "none", _("No appeal")

    headline = models.CharField(_("headline"), max_length=200)
    standfirst = models.TextField(
        _("standfirst"),
        max_length=500,
        blank=True,
        help_text=_(
            "One or two sentences under the headline that summarise the piece."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "Markdown. ## for subheads, > for quotes; a quote starting with the line "
            "[!pullquote] becomes a pull quote."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    # For search: the body without markup, and the authors' names in order.
    body_text = models.TextField(editable=False, blank=True)
    byline_names = models.CharField(max_length=600, editable=False, blank=True)
    body_paragraph_ends = models.JSONField(editable=False, default=list)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.OPINION
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("tags"), blank=True, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", verbose_name=_("authors")
    )
    partner = models.ForeignKey(
        PartnerOutlet,
        verbose_name=_("partner outlet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("For a republished piece: shown as “Via <partner>”."),
    )
    original_url = models.URLField(
        _("original address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the partner first published it; the canonical link points here."
        ),
    )
    original_published_at = models.DateTimeField(
        _("originally published at"), null=True, blank=True
    )
    original_licence = models.CharField(_("licence"), max_length=120, blank=True)
    appeal_choice = models.CharField(
        _("appeal"),
        max_length=20,
        choices=AppealChoice.choices,
        default=AppealChoice.SITE_DEFAULT,
    )
    appeal = models.ForeignKey(
        Appeal,
        verbose_name=_("chosen appeal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    disclaimer = models.TextField(
        _("disclaimer"),
        blank=True,
        help_text=_("Empty: the site's default disclaimer."),
    )
    is_open_for_comments = models.BooleanField(_("comments open"), default=True)
    social_title = models.CharField(
        _("title when shared"),
        max_length=200,
        blank=True,
        help_text=_("For link previews (Open Graph); empty: the headline."),
    )
    social_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("image when shared"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For link previews and search engines."),
    )
    social_description = models.CharField(
        _("description when shared"),
        max_length=300,
        blank=True,
        help_text=_("For link previews; empty: the standfirst."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish and schedule articles")),
            ("change_any_article", _("Can edit anyone's articles")),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="publishing_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        local = timezone.localtime(
            self.published_at or self.created_at or timezone.now()
        )
        return reverse(
            "publishing:article_detail",
            kwargs={
                "year": local.year,
                "month": f"{local.month:02d}",
                "day": f"{local.day:02d}",
                "slug": self.slug,
            },
        )

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_older_than(self, days: int | None) -> bool:
        return (
            days is not None
            and self.published_at is not None
            and timezone.now() - self.published_at > timedelta(days=days)
        )

    @property
    def is_republished(self) -> bool:
        return bool(self.partner_id and self.original_url)

    def body_split(self, after_paragraph: int | None) -> tuple[str, str]:
        """The body HTML cut after that many top-level paragraphs.

        The second part is empty when the body has no more paragraphs than that,
        so the appeal is not placed in the body at all.
        """
        ends = self.body_paragraph_ends or []
        if not after_paragraph or len(ends) <= after_paragraph:
            return self.body_html, ""
        cut = ends[after_paragraph - 1]
        return self.body_html[:cut], self.body_html[cut:]


class Byline(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="publishing_one_byline_per_author"
            )
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.article}"


class Correction(models.Model):
    """A dated note at the end of an article saying what was corrected."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField(_("correction"), max_length=1000)
    published_at = models.DateTimeField(_("dated"), default=timezone.now)

    class Meta:
        ordering = ["published_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return self.text[:60]


class Revision(models.Model):
    """The article as one save left it, to compare and restore."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions"
    )
    fields = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # What a revision keeps and a restore brings back.
    KEPT = (
        "headline",
        "standfirst",
        "slug",
        "body",
        "kind",
        "section_id",
        "partner_id",
        "original_url",
        "original_licence",
        "appeal_choice",
        "appeal_id",
        "disclaimer",
        "social_title",
        "social_description",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return f"{self.article_id} at {self.created_at:%Y-%m-%d %H:%M}"
