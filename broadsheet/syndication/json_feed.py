"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the latest articles."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from broadsheet.core.models import SiteSettings
from broadsheet.pagecache.decorators import add_keys, cacheable
from broadsheet.pagecache.keys import key_for
from broadsheet.publishing.keys import LATEST, shown_keys, tags_key
from broadsheet.publishing.models import Article
from broadsheet.syndication.feeds import ITEMS

VERSION = "https://jsonfeed.org/version/1.1"


def _authors(article: Article) -> list[dict]:
    return [
        {
            "name": byline.author.name,
            "url": settings.SITE_URL + byline.author.get_absolute_url(),
        }
        for byline in article.bylines.all()
    ]


def _item(article: Article) -> dict:
    url = settings.SITE_URL + article.get_absolute_url()
    item = {
        "id": url,
        "url": url,
        "title": article.headline,
        "content_html": article.body_html,
        "date_published": article.published_at.isoformat(),
        "date_modified": article.updated_at.isoformat(),
        "authors": _authors(article),
        "language": settings.LANGUAGE_CODE,
    }
    if article.standfirst:
        item["summary"] = article.standfirst
    if article.is_republished:
        item["external_url"] = article.original_url
    tags = [tag.name for tag in article.tags.all()]
    if tags:
        item["tags"] = tags
    return item


@require_safe
@cacheable()
def json_feed(request: HttpRequest) -> JsonResponse:
    site = SiteSettings.objects.current()
    articles = list(
        Article.objects.published()
        .with_bylines()
        .prefetch_related("tags")
        .latest_first()[:ITEMS]
    )
    add_keys(request, LATEST, *shown_keys(articles))
    add_keys(request, *(tags_key(article) for article in articles))
    add_keys(
        request,
        *(key_for(tag) for article in articles for tag in article.tags.all()),
    )
    feed = {
        "version": VERSION,
        "title": site.site_name,
        "home_page_url": settings.SITE_URL + "/",
        "feed_url": settings.SITE_URL + reverse("syndication:json_feed"),
        "language": settings.LANGUAGE_CODE,
        "items": [_item(article) for article in articles],
    }
    if site.description or site.tagline:
        feed["description"] = site.description or site.tagline
    return JsonResponse(
        feed,
        content_type="application/feed+json",
        json_dumps_params={"ensure_ascii": False},
    )
