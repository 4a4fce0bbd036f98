"""Section, tag, author and month pages, and scheduled articles going live."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from broadsheet.publishing import services
from broadsheet.publishing.models import Article
from broadsheet.testing.factories import (
    ArticleFactory,
    SectionFactory,
    StaffFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def headlines(page) -> list[str]:
    return [h.get_text() for h in page.select(".summary h2")]


def test_a_section_page_lists_its_articles_newest_first(client, parse):
    economy, culture = SectionFactory(name="Economy"), SectionFactory(name="Culture")
    now = timezone.now()
    ArticleFactory(headline="Older", section=economy, published_at=now - timedelta(2))
    ArticleFactory(headline="Newer", section=economy, published_at=now - timedelta(1))
    ArticleFactory(headline="Elsewhere", section=culture)
    ArticleFactory(headline="Unpublished", section=economy, status="draft")
    page = parse(client.get("/section/economy/"))
    assert page.find("h1").get_text() == "Economy"
    assert headlines(page) == ["Newer", "Older"]
    kicker = page.select_one(".summary .kicker a")
    assert kicker["href"] == "/section/economy/"


def test_a_tag_page_lists_the_tagged_articles(client, parse):
    water = TagFactory(name="water")
    ArticleFactory(headline="On water", tags=[water])
    ArticleFactory(headline="On land")
    page = parse(client.get("/tag/water/"))
    assert page.find("h1").get_text() == "Tagged “water”"
    assert headlines(page) == ["On water"]


def test_the_article_links_its_section_and_tags(client, parse):
    article = ArticleFactory(
        section=SectionFactory(name="Economy"), tags=[TagFactory(name="ports")]
    )
    page = parse(client.get(article.get_absolute_url()))
    assert page.select_one(".dateline a")["href"] == "/section/economy/"
    assert page.select_one(".topics a[rel=tag]")["href"] == "/tag/ports/"


def test_a_month_page_lists_that_months_articles(client, parse):
    march = timezone.make_aware(datetime(2026, 3, 14, 12))
    ArticleFactory(headline="In March", published_at=march)
    ArticleFactory(headline="In April", published_at=march + timedelta(days=30))
    page = parse(client.get("/2026/03/"))
    assert page.find("h1").get_text() == "March 2026"
    assert headlines(page) == ["In March"]


@pytest.mark.parametrize(
    "url", ["/2026/13/", "/2026/00/", "/2020/01/", "/9999/12/", "/section/none/"]
)
def test_an_archive_that_does_not_exist_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_archives_are_paged_by_ten(client, parse):
    section = SectionFactory(name="Long")
    for number in range(12):
        ArticleFactory(
            section=section,
            published_at=timezone.now() - timedelta(hours=number + 1),
            headline=f"Piece {number}",
        )
    assert len(headlines(parse(client.get("/section/long/")))) == 10
    second = parse(client.get("/section/long/?page=2"))
    assert headlines(second) == ["Piece 10", "Piece 11"]
    assert second.find("a", rel="prev")["href"] == "/section/long/"
    # Any other spelling of a page, or a page past the last, stores nothing.
    for query in ["page=1", "page=02", "page=%EF%BC%92", "page=3", "page=x", "page="]:
        assert client.get(f"/section/long/?{query}").status_code == 404, query
    assert client.get("/section/long/?page=2&page=2").status_code == 404
    assert client.get("/?page=1").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_article_goes_live_at_its_time_without_anyone_acting(client):
    editor = StaffFactory(role="Editors")
    article = services.create_article(
        by=editor, headline="Tomorrow's piece", slug="tomorrows-piece"
    )
    services.publish_article(
        article, by=editor, at=timezone.now() + timedelta(minutes=5)
    )
    assert Article.objects.get(pk=article.pk).status == Article.Status.SCHEDULED
    assert "Tomorrow" not in client.get("/").content.decode()
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.get(task_path__endswith="publish_when_due")
    assert queued.run_after == Article.objects.get(pk=article.pk).published_at
    # The time comes.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    DBTaskResult.objects.filter(pk=queued.pk).update(run_after=timezone.now())
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
    assert "Tomorrow&#x27;s piece" in client.get("/").content.decode()
