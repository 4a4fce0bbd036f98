"""An editor publishes an article through the admin only, and reads it as a reader."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BODY = """The opening paragraph sets the scene in the harbour town.

## First subhead

A second paragraph, with [a source](https://example.org/source).

> A quoted passage from the port authority's minutes.

## Second subhead

> [!pullquote]
> The tide does not negotiate.

The closing paragraph."""


def test_an_editor_publishes_an_article_through_the_admin(
    browser, demo_server, artifacts
):
    made = demo_server.manage(
        "createsuperuser",
        "--noinput",
        "--username",
        "editor",
        "--email",
        "editor@example.org",
        DJANGO_SUPERUSER_PASSWORD="harbour-lights-2026",
    )
    assert made.returncode == 0, made.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(demo_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "harbour-lights-2026")
    page.get_by_role("button", name="Sign in").click()
    page.goto(demo_server.url + "/admin/publishing/article/add/")
    page.fill("#id_headline", "Harbour fees rise again")
    page.fill(
        "#id_standfirst", "The port raised its fees for the third time in a year."
    )
    page.fill("#id_slug", "harbour-fees-rise-again")
    page.select_option("#id_kind", "news")
    page.fill("#id_body", BODY)
    page.select_option("#id_status", "published")
    page.select_option("#id_partner", label="The Castrel Ledger")
    page.fill("#id_original_url", "https://example.net/ledger/harbour-fees")
    page.select_option("#id_appeal_choice", "none")
    page.fill("#id_disclaimer", "This report was corrected on publication.")
    # Two bylines, entered in the opposite order of their positions.
    page.select_option("#id_bylines-0-author", label="Tomas Arbel")
    page.fill("#id_bylines-0-position", "2")
    page.select_option("#id_bylines-1-author", label="Ilona Varga-Mestre")
    page.fill("#id_bylines-1-position", "1")
    page.click("input[name=_save]")
    errors = page.locator(".errorlist, .errornote").all_inner_texts()
    assert page.locator(".messagelist .success").count() == 1, errors

    page.goto(demo_server.url + "/")
    page.get_by_role("link", name="Harbour fees rise again").click()
    article = page.locator("article.article")
    assert [a.inner_text() for a in page.locator(".byline a").all()] == [
        "Ilona Varga-Mestre",
        "Tomas Arbel",
    ]
    assert [h.inner_text() for h in article.locator(".article-body h2").all()] == [
        "First subhead",
        "Second subhead",
    ]
    assert "port authority" in article.locator("blockquote").inner_text()
    assert (
        article.locator("aside.pull-quote").inner_text()
        == "The tide does not negotiate."
    )
    assert page.locator(".provenance").inner_text() == "Via The Castrel Ledger"
    assert page.locator(".provenance a").get_attribute("href") == (
        "https://example.net/ledger/harbour-fees"
    )
    assert page.locator(".appeal").count() == 0
    assert page.locator(".disclaimer").inner_text() == (
        "This report was corrected on publication."
    )
    assert page.locator("link[rel=canonical]").get_attribute("href") == (
        "https://example.net/ledger/harbour-fees"
    )
    page.screenshot(path=artifacts / "admin-published-article.png", full_page=True)
    page.close()
