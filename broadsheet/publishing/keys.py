"""Surrogate keys of the pages that list articles, and what a change purges.

A list page records the key of its membership (`list:section:3`: which
articles are in it, in which order) and the keys of what its entries show (the
article, its section, its authors: `article:7`, `section:3`, `author:2`). So an
edit to a headline purges the lists that show that article, renaming a section
purges every page that shows its name, and a change of membership (publishing,
a new section, new tags or bylines, a new date) purges the lists the article
leaves and the lists it joins, and no others.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from broadsheet.pagecache.keys import key_for

LATEST = "list:latest"  # the home page, the site's feeds
SEARCH = "list:search"  # every search answer: any public article may be in one
# The articles' sitemaps (their lastmod moves with every edit); the sections',
# tags' and authors' (their lastmod moves with what they list); and the index of
# sitemaps, which changes only when a sitemap gains or loses a page.
SITEMAP_ARTICLES = "sitemap:articles"
SITEMAP_INDEX = "sitemap:index"
SITEMAP_PAGE = 5000  # articles on one page of the articles' sitemap


def sitemap_keys(keys: Iterable[str]) -> set[str]:
    """The sitemaps of sections, tags or authors whose lists these keys name."""
    kinds = {key.split(":")[1] for key in keys if key.startswith("list:")}
    return {f"sitemap:{kind}s" for kind in kinds & {"section", "tag", "author"}}


def month_key(when: datetime) -> str:
    return f"list:month:{timezone.localtime(when):%Y-%m}"


def link_key(article) -> str:
    """What pages that only link to an article show of it: its headline and
    address, and whether it is there at all."""
    return f"link:{key_for(article)}"


def link_of(article) -> tuple:
    return (article.headline, article.get_absolute_url(), article.is_published)


def age_key(article_id: int) -> str:
    """Whether the article's page says it is old (a notice that comes with time)."""
    return f"age:article:{article_id}"


def corrections_key(article_id: int) -> str:
    """The corrections an article's page lists (no list entry shows them)."""
    return f"corrections:article:{article_id}"


def tags_key(article) -> str:
    """The tags an article's page names: changing them changes no list entry."""
    return f"tags:{key_for(article)}"


def list_key(record) -> str:
    """The membership of a section's, tag's or author's list."""
    return f"list:{key_for(record)}"


def listing_keys(article) -> set[str]:
    """The keys of every list a public article is in, as stored; none for an
    article readers cannot see."""
    if article.pk is None or not article.is_published:
        return set()
    keys = {LATEST, month_key(article.published_at)}
    if article.section_id:
        keys.add(f"list:section:{article.section_id}")
    keys.update(f"list:tag:{pk}" for pk in article.tags.values_list("pk", flat=True))
    keys.update(
        f"list:author:{pk}"
        for pk in article.bylines.values_list("author_id", flat=True)
    )
    return keys


def shown_keys(articles: Iterable) -> list[str]:
    """What list entries show: each article, its section and its authors
    (read from the bylines already fetched with `with_bylines()`)."""
    keys = []
    for article in articles:
        keys.append(key_for(article))
        if article.section_id:
            keys.append(f"section:{article.section_id}")
        keys.extend(f"author:{byline.author_id}" for byline in article.bylines.all())
    return keys
