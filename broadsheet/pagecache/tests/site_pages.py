"""A seeded site, and how the purge tests read every public page of it.

For a write, every public URL of the site is fetched through the page cache
before and after. Which pages changed is found from the pages themselves (each
is rendered afresh, without the cache, before and after), not from the key
map: a changed page must answer MISS with its new content, and every other page
must answer HIT.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from broadsheet.moderation.models import Mode, ModerationPolicy
from broadsheet.publishing import services as publishing
from broadsheet.publishing.models import (
    Article,
    Author,
    Page,
    Section,
    Tag,
)
from broadsheet.syndication.sitemaps import SITEMAPS
from broadsheet.testing.factories import (
    AppealFactory,
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    SectionFactory,
    TagFactory,
)

TOKEN = re.compile(r'name="token" value="[^"]*"')
MARCH = timezone.make_aware(datetime(2026, 3, 10, 12))


@pytest.fixture
def page_store(settings, tmp_path):
    """The SQLite store only: which keys a write purges does not depend on the
    store, and both stores' purges are tested in test_layer (this module is
    the slowest of the suite)."""
    from broadsheet.pagecache import wiring

    settings.PAGE_CACHE = {
        **settings.PAGE_CACHE,
        "STORE": str(tmp_path / "cache.sqlite3"),
    }
    wiring.get_store.cache_clear()
    yield wiring.get_store()
    wiring.get_store.cache_clear()


@pytest.fixture
def site(page_store):
    ModerationPolicy.objects.update_or_create(
        pk=1,
        defaults={"mode": Mode.PUBLISH, "rate_per_network": 0, "rate_per_email": 0},
    )
    AppealFactory(is_default=True)
    economy, culture = SectionFactory(name="Economy"), SectionFactory(name="Culture")
    ports, rivers = TagFactory(name="ports"), TagFactory(name="rivers")
    ana, bo, cy = (AuthorFactory(name=n) for n in ("Ana Arc", "Bo Brant", "Cy Cole"))
    for number in range(12):
        ArticleFactory(
            headline=f"Piece {number}",
            section=economy if number % 2 else culture,
            tags=[ports] if number % 3 == 0 else [],
            authors=[ana] if number % 2 else [bo],
            published_at=MARCH + timedelta(days=number * 3),
        )
    lead = ArticleFactory(
        headline="The lead piece",
        section=economy,
        tags=[ports, rivers],
        authors=[ana, cy],
        published_at=timezone.now() - timedelta(hours=2),
    )
    CommentFactory(article=lead, body="A first response.")
    ArticleFactory(headline="A draft", status="draft", section=culture, authors=[cy])
    publishing.save_page(
        Page(title="About us", slug="about", body="Who we are.", is_published=True),
        by=None,
    )
    return {"lead": lead, "economy": economy, "culture": culture}


def public_urls() -> list[str]:
    months = {
        timezone.localtime(at).strftime("/%Y/%m/")
        for at in Article.objects.published().values_list("published_at", flat=True)
    }
    urls = ["/", "/?page=2", *sorted(months)]
    urls += [s.get_absolute_url() for s in Section.objects.all()]
    urls += [t.get_absolute_url() for t in Tag.objects.all()]
    urls += [a.get_absolute_url() for a in Author.objects.all()]
    urls += [a.get_absolute_url() for a in Article.objects.published()]
    urls += ["/feed/", "/feed/atom/", "/feed/json/", "/feed/comments/"]
    urls += [f"{s.get_absolute_url()}feed/" for s in Section.objects.all()]
    urls += [f"{t.get_absolute_url()}feed/atom/" for t in Tag.objects.all()]
    urls += [f"{a.get_absolute_url()}feed/" for a in Author.objects.all()]
    urls += [f"{a.get_absolute_url()}feed/" for a in Article.objects.published()]
    urls += [p.get_absolute_url() for p in Page.objects.published()]
    urls += ["/robots.txt", "/sitemap.xml", "/sitemap-news.xml"]
    urls += [f"/sitemap-{name}.xml" for name in SITEMAPS]
    return urls


def fresh(urls: list[str]) -> dict[str, tuple[int, str]]:
    """Each page rendered now by Django itself, with no cache in front."""
    client = Client(HTTP_HOST="127.0.0.1:8000")
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = (response.status_code, TOKEN.sub("", response.content.decode()))
    return pages


def check_purges(wsgi, write) -> list[str]:
    urls = public_urls()
    for url in urls:
        wsgi.get(url)
    before = fresh(urls)
    not_cached = [u for u in urls if wsgi.get(u).headers.get("x-cache") != "HIT"]
    assert not_cached == []
    write()
    after = fresh(urls)
    changed = []
    for url in urls:
        answer = wsgi.get(url)
        if after[url] != before[url]:
            changed.append(url)
            assert answer.headers.get("x-cache") == "MISS", f"{url} changed: not purged"
            assert TOKEN.sub("", answer.text) == after[url][1]
        else:
            assert answer.headers.get("x-cache") == "HIT", f"{url} purged for nothing"
    return changed


def lead_in(site) -> Article:
    return Article.objects.get(pk=site["lead"].pk)
