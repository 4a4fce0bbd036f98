"""What articles are filed under and credited to: authors, sections, tags,
partner outlets, appeals and their click counts."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bio = models.CharField(
        _("bio"),
        max_length=300,
        blank=True,
        help_text=_(
            "One line shown under the article: “Ana is a … journalist and analyst.”"
        ),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:author_detail", kwargs={"slug": self.slug})


class Section(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:section_detail", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("publishing:tag_detail", kwargs={"slug": self.slug})


class PartnerOutlet(models.Model):
    """A publication whose pieces we republish, credited as “Via <name>”."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    site_url = models.URLField(_("site address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner outlet")
        verbose_name_plural = _("partner outlets")

    def __str__(self) -> str:
        return self.name


class Appeal(models.Model):
    """A call to support the publisher, placed in and after articles."""

    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), max_length=600)
    button_label = models.CharField(
        _("button label"), max_length=60, default=_("Support independent media")
    )
    organisation = models.CharField(
        _("fundraising organisation"), max_length=160, blank=True
    )
    donation_url = models.URLField(_("donation address"))
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        default=4,
        help_text=_(
            "Shown after this many paragraphs of the body, and again at the end. "
            "Shorter articles show it once, at the end."
        ),
    )
    is_default = models.BooleanField(
        _("site-wide default"),
        default=False,
        help_text=_(
            "Shown on every article that does not choose another or switch it off."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-is_default", "title"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="publishing_one_default_appeal",
            )
        ]

    def __str__(self) -> str:
        return self.title


class AppealClick(models.Model):
    """How many readers followed an appeal from an article; nothing about who."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="clicks")
    article = models.ForeignKey(
        "publishing.Article", on_delete=models.CASCADE, related_name="appeal_clicks"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("appeal click count")
        verbose_name_plural = _("appeal click counts")
        constraints = [
            models.UniqueConstraint(
                fields=["appeal", "article"], name="publishing_one_click_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.appeal}: {self.count}"
