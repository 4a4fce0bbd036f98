"""Sitemaps for search engines: articles, sections, tags, authors, and news
(the last 48 hours, in Google's news namespace)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max
from django.utils import timezone

from broadsheet.publishing.keys import SITEMAP_PAGE
from broadsheet.publishing.models import Article, Author, Page, Section, Tag

NEWS_WINDOW = timedelta(hours=48)


class Sitemap(DjangoSitemap):
    """Addresses on the site's public address (BROADSHEET_SITE_URL), whatever
    host and scheme the request came in on behind a proxy."""

    @property
    def protocol(self) -> str:
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None) -> str:
        return settings.SITE_URL.split("://", 1)[1]


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = SITEMAP_PAGE

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "published_at", "updated_at", "created_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article: Article):
        return article.updated_at


class ListSitemap(Sitemap):
    """Sections, tags or authors, each last modified with its newest article."""

    model = Section
    lookup = "articles"

    def items(self):
        published = Article.objects.published().values("pk")
        field = f"{self.lookup}__published_at"
        return (
            self.model.objects.filter(**{f"{self.lookup}__in": published})
            .annotate(newest=Max(field))
            .distinct()
            .order_by("slug")
        )

    def lastmod(self, record):
        return record.newest


class SectionSitemap(ListSitemap):
    model = Section


class TagSitemap(ListSitemap):
    model = Tag


class AuthorSitemap(ListSitemap):
    model = Author


class NewsSitemap(Sitemap):
    """What was published in the last 48 hours, for news search engines."""

    def items(self):
        return (
            Article.objects.published()
            .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
            .latest_first()
        )

    def lastmod(self, article: Article):
        return article.updated_at


class PageSitemap(Sitemap):
    def items(self):
        return Page.objects.published().order_by("slug")

    def lastmod(self, page: Page):
        return page.updated_at


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "pages": PageSitemap,
}
