"""Feeds, sitemaps, robots.txt and the article's structured data, checked
against their specifications (feedparser for RSS and Atom)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone

from broadsheet.testing.factories import (
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    PartnerOutletFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
W3C_DATETIME = RFC3339


@pytest.fixture
def articles():
    economy = SectionFactory(name="Economy")
    ports = TagFactory(name="ports")
    ana, bo = AuthorFactory(name="Ana Arc"), AuthorFactory(name="Bo Brant")
    lead = ArticleFactory(
        headline="Harbour fees & the council",
        section=economy,
        tags=[ports],
        authors=[ana, bo],
        kind="opinion",
        partner=PartnerOutletFactory(name="The Harbour Ledger"),
        original_url="https://ledger.example.net/fees",
    )
    other = ArticleFactory(
        headline="Rivers", published_at=timezone.now() - timedelta(days=3)
    )
    ArticleFactory(headline="Not yet", status="draft")
    CommentFactory(article=lead, body="A first response.")
    return {"lead": lead, "other": other}


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_the_site_feeds_carry_every_required_element(client, articles, url):
    response, feed = parsed(client, url)
    assert feed.version == ("rss20" if url == "/feed/" else "atom10")
    assert feed.feed.title == "Broadsheet"
    assert feed.feed.link.startswith("http")
    assert [entry.title for entry in feed.entries] == [
        "Harbour fees & the council",
        "Rivers",
    ]
    lead = feed.entries[0]
    assert lead.link.endswith(articles["lead"].get_absolute_url())
    assert lead.id.endswith(articles["lead"].get_absolute_url())
    assert lead.published_parsed
    if feed.version == "atom10":
        assert lead["updated"]  # RSS 2.0 items have no updated date
    assert lead.author == "Ana Arc, Bo Brant"
    assert "What the figures say" in lead.summary
    assert "<h2>" in lead.content[0].value  # the whole body


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        ("/section/economy/feed/", ["Harbour fees & the council"]),
        ("/tag/ports/feed/atom/", ["Harbour fees & the council"]),
        ("/author/bo-brant/feed/", ["Harbour fees & the council"]),
    ],
)
def test_section_tag_and_author_feeds_list_their_own_articles(
    client, articles, url, titles
):
    _, feed = parsed(client, url)
    assert [entry.title for entry in feed.entries] == titles


def test_comment_feeds_list_approved_comments_only(client, articles):
    CommentFactory(article=articles["lead"], body="Held back.", status="held")
    for url in ["/feed/comments/", articles["lead"].get_absolute_url() + "feed/"]:
        _, feed = parsed(client, url)
        assert [entry.summary for entry in feed.entries] == ["<p>A first response.</p>"]
        assert "#comment-" in feed.entries[0].link


def test_a_feed_of_nothing_is_a_404(client, articles):
    assert client.get("/section/nowhere/feed/").status_code == 404
    assert client.get("/2020/01/01/no-such-piece/feed/").status_code == 404


def test_the_json_feed_follows_version_1_1_field_by_field(client, articles):
    response = client.get("/feed/json/")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Broadsheet"
    assert feed["home_page_url"].startswith("http")
    assert feed["feed_url"].endswith("/feed/json/")
    assert len(feed["items"]) == 2
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item["url"].startswith("http")
        assert item["content_html"]
        assert RFC3339.match(item["date_published"])
        assert RFC3339.match(item["date_modified"])
        assert all(author["name"] for author in item["authors"])
    lead = feed["items"][0]
    assert lead["title"] == "Harbour fees & the council"
    assert lead["tags"] == ["ports"]
    assert lead["external_url"] == "https://ledger.example.net/fees"


def sitemap_entries(client, url) -> list[ElementTree.Element]:
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314  (our own output)
    assert root.tag in {f"{SITEMAP_NS}urlset", f"{SITEMAP_NS}sitemapindex"}
    return list(root)


def test_the_sitemaps_list_every_public_page_with_lastmod(client, articles):
    index = sitemap_entries(client, "/sitemap.xml")
    parts = [entry.find(f"{SITEMAP_NS}loc").text for entry in index]
    assert [p.rsplit("/", 1)[1] for p in parts] == [
        "sitemap-articles.xml",
        "sitemap-sections.xml",
        "sitemap-tags.xml",
        "sitemap-authors.xml",
        "sitemap-pages.xml",
    ]
    locations = {}
    for part in parts:
        for entry in sitemap_entries(client, "/" + part.rsplit("/", 1)[1]):
            lastmod = entry.find(f"{SITEMAP_NS}lastmod").text
            assert W3C_DATETIME.match(lastmod), lastmod
            locations[entry.find(f"{SITEMAP_NS}loc").text.split("/", 3)[3]] = lastmod
    assert articles["lead"].get_absolute_url()[1:] in locations
    assert "section/economy/" in locations and "tag/ports/" in locations
    assert "author/ana-arc/" in locations
    assert not any("not-yet" in location for location in locations)
    # Each page of a sitemap has one address; other spellings are not pages.
    for spelling in ("?p=1", "?p=01", "?p=%2B1", "?p=1&p=1"):
        assert client.get("/sitemap-articles.xml" + spelling).status_code == 404


def test_the_news_sitemap_has_the_last_48_hours_only(client, articles):
    response = client.get("/sitemap-news.xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314  (our own output)
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    titles = [entry.find(f"{news}news/{news}title").text for entry in root]
    assert titles == ["Harbour fees & the council"]
    assert root[0].find(f"{news}news/{news}publication/{news}name").text == (
        "Broadsheet"
    )


def test_robots_txt_keeps_crawlers_out_of_staff_pages_and_names_the_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /moderation/" in text
    assert re.search(r"^Sitemap: https?://\S+/sitemap\.xml$", text, re.M)


def json_ld(page_html: str) -> dict:
    (block,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S
    )
    return json.loads(block)


def test_the_article_page_carries_its_structured_data(client, articles):
    page = client.get(articles["lead"].get_absolute_url()).content.decode()
    data = json_ld(page)
    assert data["@type"] == "OpinionNewsArticle"
    assert data["headline"] == "Harbour fees & the council"
    assert [author["name"] for author in data["author"]] == ["Ana Arc", "Bo Brant"]
    assert data["publisher"]["name"] == "Broadsheet"
    assert data["isBasedOn"] == "https://ledger.example.net/fees"
    assert data["sourceOrganization"]["name"] == "The Harbour Ledger"
    assert datetime.fromisoformat(data["datePublished"])
    assert '<meta property="og:title" content="Harbour fees &amp; the council">' in page


def test_sharing_overrides_change_the_link_preview_only(client, articles):
    from broadsheet.publishing.services import save_article

    lead = articles["lead"]
    lead.social_title = "Who pays for the harbour?"
    save_article(lead, by=None)
    page = client.get(lead.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Who pays for the harbour?">' in page
    assert "<h1>Harbour fees &amp; the council</h1>" in page


def test_structured_data_cannot_be_broken_out_of(client):
    article = ArticleFactory(headline="</script><script>alert(1)</script>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert json_ld(page)["headline"] == "</script><script>alert(1)</script>"


def test_the_republished_demo_article_says_what_it_is_based_on(client):
    from broadsheet.publishing.models import Article
    from broadsheet.testing import demo_text
    from broadsheet.testing.demo import load_demo

    load_demo()
    reference = Article.objects.get(slug=demo_text.REFERENCE_ARTICLE["slug"])
    assert reference.is_republished
    data = json_ld(client.get(reference.get_absolute_url()).content.decode())
    assert data["@type"] in {
        "OpinionNewsArticle",
        "AnalysisNewsArticle",
        "NewsArticle",
    }
    assert len(data["author"]) == 2
    assert data["isBasedOn"] == reference.original_url
    assert data["sourceOrganization"]["name"] == reference.partner.name
