"""Background work of publishing: scheduled articles going live."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from broadsheet.core.recurring import recurring
from broadsheet.pagecache.purge import purge_now
from broadsheet.publishing.keys import age_key
from broadsheet.publishing.models import Article


def _publish_due(articles) -> int:
    from broadsheet.publishing.services import save_article

    published = 0
    for article in articles.filter(
        status=Article.Status.SCHEDULED, published_at__lte=timezone.now()
    ):
        article.status = Article.Status.PUBLISHED
        save_article(article, by=None)  # purges the page and every list it joins
        published += 1
    return published


@task()
def publish_when_due(article_id: int) -> str:
    """Publish a scheduled article whose time has come. Queued for that time
    when it is scheduled; a rescheduled or unscheduled article is left alone."""
    count = _publish_due(Article.objects.filter(pk=article_id))
    return "published" if count else "nothing to do"


@recurring(every=timedelta(minutes=10))
def publish_overdue(since: datetime, until: datetime) -> None:
    """A safety net: publish any scheduled article whose own task was lost."""
    _publish_due(Article.objects.all())


@recurring(every=timedelta(hours=1), lookback=timedelta(days=1))
def purge_aging_articles(since: datetime, until: datetime) -> None:
    """Purge the pages of articles that passed the site's old-article age in
    the window, so their cached pages show the notice."""
    from broadsheet.core.models import SiteSettings

    days = SiteSettings.objects.current().old_article_days
    if days is None:
        return
    age = timedelta(days=days)
    aged = Article.objects.published().filter(
        published_at__gt=since - age, published_at__lte=until - age
    )
    purge_now([age_key(pk) for pk in aged.values_list("pk", flat=True)])
