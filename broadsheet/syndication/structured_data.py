"""What the article page tells search engines and link previews: schema.org
JSON-LD (typed by kind, every author, provenance) and Open Graph / Twitter meta."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from broadsheet.core.models import SiteSettings
from broadsheet.publishing.extensions import ArticlePart
from broadsheet.publishing.models import Article

TYPES = {
    Article.Kind.OPINION: "OpinionNewsArticle",
    Article.Kind.ANALYSIS: "AnalysisNewsArticle",
    Article.Kind.NEWS: "NewsArticle",
}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def article_json_ld(article: Article, site: SiteSettings) -> dict:
    """schema.org data for one article (bylines fetched with `with_bylines()`)."""
    url = _absolute(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": TYPES.get(article.kind, "NewsArticle"),
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.headline,
        "dateModified": article.updated_at.isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                "url": _absolute(byline.author.get_absolute_url()),
            }
            for byline in article.bylines.all()
        ],
        "publisher": {
            "@type": "Organization",
            "name": site.site_name,
            "url": _absolute("/"),
        },
        "isAccessibleForFree": True,
    }
    if article.published_at:  # a draft shown in preview has none yet
        data["datePublished"] = article.published_at.isoformat()
    if article.standfirst:
        data["description"] = article.standfirst
    if article.social_image:
        data["image"] = [_absolute(article.social_image.url())]
    if article.section:
        data["articleSection"] = article.section.name
    corrections = list(article.corrections.all())
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.published_at.isoformat(),
            }
            for correction in corrections
        ]
    if article.is_republished:
        data["isBasedOn"] = article.original_url
        partner = {"@type": "Organization", "name": article.partner.name}
        if article.partner.site_url:
            partner["url"] = article.partner.site_url
        data["sourceOrganization"] = partner
    return data


def article_head(request: HttpRequest, article: Article) -> ArticlePart:
    site = SiteSettings.objects.for_request(request)
    return ArticlePart(
        "syndication/_article_head.html",
        {
            "json_ld": article_json_ld(article, site),
            "title": article.social_title or article.headline,
            "description": article.social_description or article.standfirst,
            "url": _absolute(article.get_absolute_url()),
            "site_name": site.site_name,
            "article": article,
            "image": article.social_image,
            "image_url": _absolute(article.social_image.url())
            if article.social_image
            else "",
        },
    )
