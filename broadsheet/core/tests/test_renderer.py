import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.utils.html import escape, urlize

from broadsheet.core.renderer import LINKISH, render_markdown, render_plain_text


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_subheads_quotes_and_links_render_as_semantic_html():
    body = render_markdown(
        "Intro with [a source](https://example.org/report).\n\n"
        "## A subhead\n\n> A quoted passage.\n\nAfter."
    )
    page = soup(body.html)
    assert page.find("h2").get_text() == "A subhead"
    assert page.find("blockquote").get_text(strip=True) == "A quoted passage."
    assert page.find("a")["href"] == "https://example.org/report"


def test_pull_quote_marker_makes_an_aside_without_the_marker():
    body = render_markdown("> [!pullquote]\n> Say it loud.\n\n> Ordinary quote.")
    page = soup(body.html)
    aside = page.find("aside")
    assert aside["class"] == ["pull-quote"]
    assert aside.get_text(strip=True) == "Say it loud."
    assert "[!pullquote]" not in body.html
    assert page.find("blockquote").get_text(strip=True) == "Ordinary quote."


def test_pull_quote_marker_alone_on_its_line_leaves_no_empty_paragraph():
    body = render_markdown("> [!pullquote]\n>\n> Said alone.")
    assert soup(body.html).find("aside").find_all("p")[0].get_text() == "Said alone."


def test_raw_html_and_script_urls_never_survive():
    body = render_markdown(
        "<script>alert(1)</script>\n\n"
        "[x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    page = soup(body.html)
    assert page.find("script") is None
    assert page.find("img") is None
    assert all(
        not a.get("href", "").startswith("javascript") for a in page.find_all("a")
    )


def test_a_top_level_heading_in_a_body_becomes_a_subhead():
    assert soup(render_markdown("# Big").html).find("h1") is None


def test_paragraph_ends_count_only_top_level_paragraphs():
    body = render_markdown("One.\n\n## Head\n\n> Quoted.\n\n- item\n\nTwo.\n\nThree.")
    assert len(body.paragraph_ends) == 3
    first = body.html[: body.paragraph_ends[0]]
    assert first.endswith("One.</p>")
    assert body.html[: body.paragraph_ends[2]].endswith("Three.</p>")


def test_plain_text_links_are_nofollow_ugc_and_markup_is_escaped():
    html = render_plain_text("See https://example.org/a <b>bold</b>\n\nSecond")
    page = soup(html)
    link = page.find("a")
    assert link["rel"] == ["nofollow", "ugc"]
    assert page.find("b") is None
    assert "&lt;b&gt;" in html
    assert len(page.find_all("p")) == 2


def test_plain_text_links_to_our_own_site_are_stored_relative():
    html = render_plain_text(
        "Earlier: https://news.example.com/2026/01/02/x/ and http://news.example.com",
        own_origins=("https://news.example.com", "http://news.example.com"),
    )
    assert "news.example.com" not in html
    assert [a["href"] for a in soup(html).find_all("a")] == ["/2026/01/02/x/", "/"]


def test_text_without_anything_linkish_renders_as_urlize_would():
    """render_plain_text skips urlize for text it could not link; on the big list
    of naughty strings (and a few of our own) that gives the same output."""
    blns = Path(__file__).resolve().parents[3].parent / "shared/testdata/blns.json"
    if not blns.exists():
        pytest.skip(f"{blns} is not here (the shared test data)")
    texts = json.loads(blns.read_text()) + [
        "a & b < c",
        "water.\n\nReservoir",
        "e.g. this, i.e. that",
        "“quoted” — dash",
        "&lt;b&gt;",
    ]
    plain = [text for text in texts if not LINKISH.search(text)]
    assert len(plain) > 400
    for text in plain:
        assert urlize(text, nofollow=True, autoescape=True) == escape(text), text
    assert LINKISH.search("write to ona@example.org")
    assert LINKISH.search("see example.com.")
