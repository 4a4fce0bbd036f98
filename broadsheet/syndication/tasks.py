"""Background work of syndication: the news sitemap as articles age out of it."""

from __future__ import annotations

from datetime import datetime, timedelta

from broadsheet.core.recurring import recurring
from broadsheet.pagecache.purge import purge_now
from broadsheet.publishing.models import Article
from broadsheet.syndication.sitemaps import NEWS_WINDOW
from broadsheet.syndication.views import NEWS


@recurring(every=timedelta(hours=1), lookback=timedelta(days=1))
def purge_news_sitemap(since: datetime, until: datetime) -> None:
    """Purge the news sitemap when an article passed 48 hours in the window."""
    aged = Article.objects.published().filter(
        published_at__gt=since - NEWS_WINDOW, published_at__lte=until - NEWS_WINDOW
    )
    if aged.exists():
        purge_now([NEWS])
