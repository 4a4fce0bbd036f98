"""RSS 2.0 and Atom feeds: the site, each section, tag and author, and comments.

Each feed is served through the page cache and names what it shows: the list
it follows and every article (or discussion) in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from broadsheet.core.models import SiteSettings
from broadsheet.discussion.keys import RECENT, thread_key
from broadsheet.discussion.models import Comment
from broadsheet.pagecache.decorators import add_keys, cacheable
from broadsheet.pagecache.keys import key_for
from broadsheet.publishing.keys import LATEST, link_key, list_key, shown_keys
from broadsheet.publishing.models import Article, Author, Section, Tag

ITEMS = 20


class StableDates:
    """A feed with no items is dated by what it is of, not by the clock, so
    that the same content gives the same feed."""

    def latest_post_date(self):
        if self.items:
            return super().latest_post_date()
        return self.feed.get("quiet_since") or datetime(2000, 1, 1, tzinfo=UTC)


class RssWithContent(StableDates, Rss201rev2Feed):
    """RSS 2.0 with each article's whole body in `content:encoded`."""

    def rss_attributes(self) -> dict:
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(StableDates, Atom1Feed):
    """Atom 1.0 with each article's whole body as its `content`."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


@dataclass(frozen=True)
class Source:
    """What a feed is of (None: the whole site), with the request it answers."""

    request: HttpRequest
    record: Any = None


class CachedFeed(Feed):
    """A feed answered through the page cache."""

    feed_type = RssWithContent

    def __call__(self, request: HttpRequest, *args, **kwargs):
        shows_site = self.shows_site(**kwargs)
        view = cacheable(site=shows_site)(super().__call__)
        return view(request, *args, **kwargs)

    def shows_site(self, **kwargs) -> bool:
        """Whether the feed shows the site's settings (its name)."""
        return True


class ArticleFeed(CachedFeed):
    """The latest articles of the site, or of one section, tag or author."""

    model = None  # a subclass names Section, Tag or Author

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Source:
        record = get_object_or_404(self.model, slug=slug) if self.model else None
        return Source(request, record)

    def title(self, source: Source) -> str:
        site = SiteSettings.objects.current().site_name
        return f"{source.record} · {site}" if source.record else site

    def link(self, source: Source) -> str:
        return source.record.get_absolute_url() if source.record else "/"

    def description(self, source: Source) -> str:
        settings_ = SiteSettings.objects.current()
        if source.record is None:
            return settings_.description or settings_.tagline or settings_.site_name
        return _("The latest from %(name)s") % {"name": source.record}

    def items(self, source: Source) -> list[Article]:
        articles = Article.objects.published().with_bylines().latest_first()
        if isinstance(source.record, Section):
            articles = articles.in_section(source.record)
        elif isinstance(source.record, Tag):
            articles = articles.tagged(source.record)
        elif isinstance(source.record, Author):
            articles = articles.by_author(source.record)
        chosen = list(articles[:ITEMS])
        listing = list_key(source.record) if source.record else LATEST
        add_keys(source.request, listing, *shown_keys(chosen))
        if source.record is not None:
            add_keys(source.request, key_for(source.record))
        return chosen

    def item_title(self, article: Article) -> str:
        return article.headline

    def item_description(self, article: Article) -> str:
        return article.standfirst or article.headline

    def item_extra_kwargs(self, article: Article) -> dict:
        return {"content": article.body_html}

    def item_pubdate(self, article: Article):
        return article.published_at

    def item_updateddate(self, article: Article):
        return article.updated_at

    def item_author_name(self, article: Article) -> str:
        return ", ".join(byline.author.name for byline in article.bylines.all())

    def item_categories(self, article: Article) -> list[str]:
        return [article.section.name] if article.section else []

    def item_guid(self, article: Article) -> str:
        return self._absolute(article.get_absolute_url())

    def _absolute(self, path: str) -> str:
        return settings.SITE_URL + path


class CommentFeed(CachedFeed):
    """The latest approved comments, on one article or on the whole site."""

    def get_object(self, request: HttpRequest, **kwargs) -> Source:
        if not kwargs:
            return Source(request)
        article = get_object_or_404(Article.objects.published(), slug=kwargs["slug"])
        return Source(request, article)

    def title(self, source: Source) -> str:
        if source.record is None:
            return _("Comments on %(site)s") % {
                "site": SiteSettings.objects.current().site_name
            }
        return _("Comments on “%(headline)s”") % {"headline": source.record.headline}

    def link(self, source: Source) -> str:
        if source.record is None:
            return "/"
        return source.record.get_absolute_url() + "#comments"

    def description(self, source: Source) -> str:
        return self.title(source)

    def shows_site(self, **kwargs) -> bool:
        return not kwargs  # one article's comments: its headline, not the site's

    def feed_extra_kwargs(self, source: Source) -> dict:
        return {"quiet_since": source.record.published_at} if source.record else {}

    def items(self, source: Source) -> list[Comment]:
        comments = Comment.objects.approved().select_related("article")
        if source.record is not None:
            comments = comments.on(source.record)
            add_keys(
                source.request, link_key(source.record), thread_key(source.record.pk)
            )
        else:
            comments = comments.filter(article__in=Article.objects.published())
            add_keys(source.request, RECENT)
        chosen = list(comments.order_by("-created_at", "-pk")[:ITEMS])
        articles = {comment.article for comment in chosen}
        add_keys(
            source.request,
            *(thread_key(article.pk) for article in articles),
            *(link_key(article) for article in articles),
        )
        return chosen

    def item_title(self, comment: Comment) -> str:
        return _("%(name)s on “%(headline)s”") % {
            "name": comment.author_name,
            "headline": comment.article.headline,
        }

    def item_description(self, comment: Comment) -> str:
        return comment.body_html

    def item_link(self, comment: Comment) -> str:
        return comment.get_absolute_url()

    def item_guid(self, comment: Comment) -> str:
        return settings.SITE_URL + comment.get_absolute_url()

    def item_pubdate(self, comment: Comment):
        return comment.created_at

    def item_author_name(self, comment: Comment) -> str:
        return comment.author_name


def atom(feed: type[CachedFeed]) -> type[CachedFeed]:
    """The Atom 1.0 twin of an RSS feed."""
    return type(f"Atom{feed.__name__}", (feed,), {"feed_type": AtomWithContent})


class SectionFeed(ArticleFeed):
    model = Section


class TagFeed(ArticleFeed):
    model = Tag


class AuthorFeed(ArticleFeed):
    model = Author
