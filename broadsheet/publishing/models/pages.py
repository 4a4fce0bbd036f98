"""Static pages: About, Support us."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PageQuerySet(models.QuerySet):
    def published(self) -> PageQuerySet:
        return self.filter(is_published=True)

    def in_footer(self) -> PageQuerySet:
        return self.published().filter(is_in_footer=True).order_by("position", "title")


# First segments of addresses the site uses itself; a page cannot take them.
RESERVED_SLUGS = frozenset(
    "accounts admin author comments feed healthz livez media moderation preview "
    "search section sitemap static support tag".split()
)


def validate_page_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS or slug.isdigit():
        raise ValidationError(
            _("/%(slug)s/ is an address the site uses itself; choose another."),
            params={"slug": slug},
        )


class Page(models.Model):
    """A page outside the flow of articles: About, Support us, Contact."""

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        validators=[validate_page_slug],
        help_text=_("The page lives at /<slug>/."),
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_in_footer = models.BooleanField(
        _("linked in the footer"), default=True, help_text=_("Of every page.")
    )
    position = models.PositiveSmallIntegerField(_("position in the footer"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("publishing:page_detail", kwargs={"slug": self.slug})
