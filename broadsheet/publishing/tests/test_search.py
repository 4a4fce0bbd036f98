"""Search, on SQLite's FTS5 and PostgreSQL's full-text search alike."""

from __future__ import annotations

import pytest

from broadsheet.publishing import services
from broadsheet.testing.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def results(client, parse, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    page = parse(response)
    return page, [h.get_text() for h in page.select(".search-results h2")]


def test_a_headline_match_comes_before_a_body_match_with_marked_snippets(client, parse):
    ArticleFactory(
        headline="Notes from the council",
        body="Deep in the report, the estuary gets one line.\n\nOther things.",
    )
    ArticleFactory(headline="The estuary question", body="Tides, silt and money.")
    ArticleFactory(headline="Unrelated", body="Nothing to see.")
    page, headlines = results(client, parse, "estuary")
    assert headlines == ["The estuary question", "Notes from the council"]
    assert [m.get_text() for m in page.select(".search-results h2 mark")] == ["estuary"]
    snippet = page.select(".search-results .snippet")[1]
    assert snippet.find("mark").get_text() == "estuary"
    assert "the report" in snippet.get_text()
    assert "2 articles found." in page.get_text()


def test_authors_are_searched_and_drafts_are_not(client, parse):
    ArticleFactory(headline="By the harbour", authors=[AuthorFactory(name="Wren Obi")])
    ArticleFactory(headline="A draft on harbours", status="draft")
    _, headlines = results(client, parse, "wren")
    assert headlines == ["By the harbour"]
    _, headlines = results(client, parse, "draft")
    assert headlines == []


def test_every_word_must_match(client, parse):
    ArticleFactory(headline="Water prices", body="Rising.")
    ArticleFactory(headline="Water quality", body="Falling.")
    _, headlines = results(client, parse, "water rising")
    assert headlines == ["Water prices"]


def test_an_edit_is_found_at_once(client, parse):
    article = ArticleFactory(headline="Lantern title")
    article.headline = "Second title about lighthouses"
    services.save_article(article, by=None)
    _, headlines = results(client, parse, "lighthouses")
    assert headlines == ["Second title about lighthouses"]
    assert results(client, parse, "lantern")[1] == []


def test_a_renamed_author_is_found_by_the_new_name(client, parse):
    author = AuthorFactory(name="Old Name")
    ArticleFactory(headline="Signed piece", authors=[author])
    author.name = "Ilse Marchetti"
    services.save_record(author, by=None)
    assert results(client, parse, "marchetti")[1] == ["Signed piece"]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND OR NOT NEAR(",
        "*",
        "col:value ^ - + ( ) { } [ ]",
        "'; DROP TABLE publishing_article; --",
        "\x00\x01\x02",
        "x" * 10_000,
        "harbour " * 3000,
        "\U0001f642 \u7df4\u7fd2 \u05e2\u05d1\u05e8\u05d9\u05ea",
    ],
)
def test_odd_or_enormous_queries_get_a_normal_page(client, parse, query):
    ArticleFactory(headline="A harbour story")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert parse(response).find("h1").get_text() == "Search"


def test_search_text_is_escaped_in_the_page(client):
    ArticleFactory(headline="Tags <b>in</b> titles", body="Look: <script>x</script>")
    page = client.get("/search/", {"q": "titles"}).content.decode()
    assert "<b>in</b>" not in page and "&lt;b&gt;" in page


def test_results_are_paged(client, parse):
    for number in range(12):
        ArticleFactory(headline=f"Lighthouse {number}")
    page, headlines = results(client, parse, "lighthouse")
    assert len(headlines) == 10 and page.find("a", rel="next")
    second, headlines = results(client, parse, "lighthouse", page="2")
    assert len(headlines) == 2
    assert second.find("a", rel="prev")["href"] == "?q=lighthouse"
    # Any other spelling of a page, or a page past the last, stores nothing.
    for page in ["x", "1", "02", "3", "", "9" * 40]:
        response = client.get("/search/", {"q": "lighthouse", "page": page})
        assert response.status_code == 404, page
    assert client.get("/search/?q=lighthouse&page=2&page=2").status_code == 404


def test_snippets_show_characters_not_their_html_entities(client, parse):
    ArticleFactory(
        headline="Budgets", body="Spending on R&D rose; the fleet <10 ships."
    )
    page, _ = results(client, parse, "spending")
    assert "R&D" in page.select_one(".snippet").get_text()
    assert results(client, parse, "amp")[1] == []
