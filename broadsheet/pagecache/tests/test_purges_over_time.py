"""Pages that change with time alone (scheduled articles, the old-article notice,
comments closing), each purged by the job or write that makes the change."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.core.services import update_site_settings
from broadsheet.moderation.services import update_policy
from broadsheet.pagecache.tests.site_pages import (  # noqa: F401  (fixtures shared by import)
    check_purges,
    lead_in,
    page_store,
    public_urls,
    site,
)
from broadsheet.publishing import services as publishing
from broadsheet.publishing.models import (
    Article,
    Author,
    Tag,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]


def test_closing_comments_after_some_days(wsgi, site):
    def write():
        update_policy(by=None, close_after_days=1)

    changed = check_purges(wsgi, write)
    # Only the articles more than a day old lose their form.
    assert changed and site["lead"].get_absolute_url() not in changed
    assert all(re.match(r"^/\d{4}/\d\d/\d\d/", url) for url in changed)


def test_a_scheduled_article_appears_at_its_time_without_anyone_acting(wsgi, site):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    tomorrow = timezone.now() + timedelta(days=1)
    article = publishing.create_article(
        by=None,
        headline="The scheduled piece",
        slug="the-scheduled-piece",
        section=site["culture"],
        tags=Tag.objects.filter(name="rivers"),
        authors=[Author.objects.get(name="Bo Brant")],
    )
    publishing.publish_article(article, by=None, at=tomorrow)
    assert Article.objects.get(pk=article.pk).status == Article.Status.SCHEDULED

    def time_comes():
        # Its time comes: the queued task runs, nobody acts.
        Article.objects.filter(pk=article.pk).update(
            published_at=timezone.now() - timedelta(seconds=1)
        )
        DBTaskResult.objects.filter(task_path__endswith="publish_when_due").update(
            run_after=timezone.now()
        )
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    changed = check_purges(wsgi, time_comes)
    month = timezone.localtime().strftime("/%Y/%m/")
    for page in [
        "/",
        "/section/culture/",
        "/tag/rivers/",
        "/author/bo-brant/",
        month,
        "/feed/",
        "/feed/json/",
        "/section/culture/feed/",
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
    ]:
        assert page in changed, page
        assert "/the-scheduled-piece/" in wsgi.get(page).text, page


def test_the_old_article_notice_appears_with_time(wsgi, site, monkeypatch):
    from django.core.management import call_command

    from broadsheet.core.recurring import schedule_recurring

    start = timezone.now()
    article = Article.objects.get(headline="Piece 0")
    Article.objects.filter(pk=article.pk).update(
        published_at=start - timedelta(days=365) + timedelta(minutes=1)
    )
    update_site_settings(by=None, old_article_days=365)
    url = Article.objects.get(pk=article.pk).get_absolute_url()
    wsgi.get(url)
    before = wsgi.get(url)
    assert before.headers["x-cache"] == "HIT" and "old-article" not in before.text

    def time_passes():
        # Two minutes on: the article is now more than a year old.
        later = start + timedelta(minutes=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        schedule_recurring()
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert check_purges(wsgi, time_passes) == [url]
    assert "This article is more than a year old." in wsgi.get(url).text


def test_the_notice_counts_days_when_the_age_is_not_whole_years(client, site):
    update_site_settings(by=None, old_article_days=30)
    article = Article.objects.get(headline="Piece 0")  # March 2026
    assert (
        "This article is more than 30 days old."
        in client.get(article.get_absolute_url()).content.decode()
    )
    update_site_settings(by=None, old_article_days=None)
    assert "old-article" not in client.get(article.get_absolute_url()).content.decode()
