from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.publishing.models import AppealClick, Article
from broadsheet.testing.factories import (
    AppealFactory,
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    PartnerOutletFactory,
    markdown_body,
)

pytestmark = pytest.mark.django_db

EIGHT_PARAGRAPHS = "\n\n".join(
    [f"Paragraph {n}." for n in range(1, 4)]
    + ["## A subhead", "> A quote.", "- a list item"]
    + [f"Paragraph {n}." for n in range(4, 9)]
)


def part_order(page) -> list[str]:
    """The classes of the article page's parts, top to bottom."""
    wanted = [
        ("h1", None),
        ("p", "standfirst"),
        ("p", "byline"),
        ("div", "article-body"),
        ("p", "author-bio"),
        ("p", "provenance"),
        ("div", "appeal"),
        ("p", "disclaimer"),
        ("section", "discussion"),
    ]
    found = []
    for element in page.find("main").find_all(True):
        for tag, css in wanted:
            if element.name == tag and (css is None or css in element.get("class", [])):
                if element.find_parent(class_="article-body") is None:
                    found.append(css or tag)
    return found


def test_article_page_shows_the_nine_parts_in_order(client, parse):
    AppealFactory(is_default=True)
    article = ArticleFactory(
        partner=PartnerOutletFactory(name="The Harbour Ledger"),
        original_url="https://ledger.example.net/original",
        authors=[AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Bo Kim")],
        body=EIGHT_PARAGRAPHS,
    )
    page = parse(client.get(article.get_absolute_url()))
    assert part_order(page) == [
        "h1",
        "standfirst",
        "byline",
        "article-body",
        "author-bio",
        "author-bio",
        "provenance",
        "appeal",
        "disclaimer",
        "discussion",
    ]


def test_byline_links_every_author_in_order(client, parse):
    article = ArticleFactory(
        authors=[AuthorFactory(name="Ana Lopes"), AuthorFactory(name="Bo Kim")]
    )
    byline = parse(client.get(article.get_absolute_url())).find(class_="byline")
    links = byline.find_all("a")
    assert [a.get_text() for a in links] == ["Ana Lopes", "Bo Kim"]
    assert links[0]["href"] == "/author/ana-lopes/"
    assert byline.get_text(" ", strip=True).startswith("By Ana Lopes and Bo Kim")


def test_appeal_follows_the_nth_top_level_paragraph_and_repeats_at_the_end(
    client, parse
):
    AppealFactory(is_default=True, after_paragraph=4)
    article = ArticleFactory(body=EIGHT_PARAGRAPHS)
    page = parse(client.get(article.get_absolute_url()))
    body = page.find(class_="article-body")
    in_body = body.find(class_="appeal")
    previous = in_body.find_previous_sibling()
    assert previous.name == "p" and previous.get_text() == "Paragraph 4."
    assert len(page.find_all(class_="appeal")) == 2
    assert page.find(class_="provenance") is None
    assert page.find(class_="article-footer").find(class_="appeal") is not None


@pytest.mark.parametrize("paragraphs", [1, 4])
def test_a_short_article_shows_the_appeal_once_at_the_end(client, parse, paragraphs):
    AppealFactory(is_default=True, after_paragraph=4)
    article = ArticleFactory(body=markdown_body(paragraphs=paragraphs, subheads=0))
    page = parse(client.get(article.get_absolute_url()))
    appeals = page.find_all(class_="appeal")
    assert len(appeals) == 1
    assert appeals[0].find_parent(class_="article-footer") is not None


def test_an_article_can_switch_the_appeal_off(client, parse):
    AppealFactory(is_default=True)
    article = ArticleFactory(
        body=EIGHT_PARAGRAPHS, appeal_choice=Article.AppealChoice.NONE
    )
    page = parse(client.get(article.get_absolute_url()))
    assert page.find(class_="appeal") is None


def test_an_article_can_choose_another_appeal(client, parse):
    AppealFactory(is_default=True, title="The usual ask")
    chosen = AppealFactory(title="Fund our flood reporting", after_paragraph=2)
    article = ArticleFactory(
        body=EIGHT_PARAGRAPHS, appeal_choice=Article.AppealChoice.CHOSEN, appeal=chosen
    )
    page = parse(client.get(article.get_absolute_url()))
    titles = [
        a.find(class_="appeal-title").get_text() for a in page.find_all(class_="appeal")
    ]
    assert titles == ["Fund our flood reporting", "Fund our flood reporting"]
    assert (
        page.find(class_="appeal").find_previous_sibling().get_text() == "Paragraph 2."
    )


def test_republished_article_says_via_partner_and_is_canonical_to_the_original(
    client, parse
):
    article = ArticleFactory(
        partner=PartnerOutletFactory(name="The Harbour Ledger"),
        original_url="https://ledger.example.net/2026/original",
        original_licence="CC BY-ND 4.0",
    )
    page = parse(client.get(article.get_absolute_url()))
    via = page.find(class_="provenance")
    assert via.get_text(" ", strip=True).startswith("Via The Harbour Ledger")
    assert via.find("a")["href"] == "https://ledger.example.net/2026/original"
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == "https://ledger.example.net/2026/original"


def test_original_article_is_canonical_to_itself(client, parse):
    article = ArticleFactory()
    page = parse(client.get(article.get_absolute_url()))
    assert page.find("link", rel="canonical")["href"] == (
        "http://testserver" + article.get_absolute_url()
    )


def test_disclaimer_names_the_site_unless_the_article_overrides_it(client, parse):
    from broadsheet.core.services import update_site_settings

    update_site_settings(by=None, site_name="The Lantern")
    plain = ArticleFactory()
    own = ArticleFactory(disclaimer="This piece is a sponsored explainer.")
    first = parse(client.get(plain.get_absolute_url())).find(class_="disclaimer")
    assert first.get_text() == (
        "Views expressed in this article are solely those of the author and do not "
        "necessarily reflect the opinions of The Lantern."
    )
    second = parse(client.get(own.get_absolute_url())).find(class_="disclaimer")
    assert second.get_text() == "This piece is a sponsored explainer."


def test_an_address_with_the_wrong_date_redirects_to_the_right_one(client):
    article = ArticleFactory()
    response = client.get(f"/2001/01/01/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize("status", ["draft", "in_review"])
def test_unpublished_articles_are_not_found(client, status):
    article = ArticleFactory(status=status, published_at=None)
    response = client.get(f"/2026/01/01/{article.slug}/")
    assert response.status_code == 404


def test_a_scheduled_article_is_not_shown_before_its_time(client):
    article = ArticleFactory(
        status="scheduled", published_at=timezone.now() + timedelta(days=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 404


def test_home_lists_the_latest_published_articles(client, parse):
    older = ArticleFactory(published_at=timezone.now() - timedelta(days=3))
    newer = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    ArticleFactory(status="draft", published_at=None, headline="Secret draft")
    page = parse(client.get("/"))
    headlines = [h.get_text() for h in page.select(".summary h2")]
    assert headlines == [newer.headline, older.headline]


def test_author_page_shows_bio_and_paginates_their_articles(client, parse):
    author = AuthorFactory(name="Ana Lopes", bio="Ana Lopes is a housing reporter.")
    for day in range(12):
        ArticleFactory(
            authors=[author], published_at=timezone.now() - timedelta(days=day + 1)
        )
    ArticleFactory()  # someone else's
    first = parse(client.get("/author/ana-lopes/"))
    assert first.find("h1").get_text() == "Ana Lopes"
    assert (
        first.find(class_="author-bio").get_text() == "Ana Lopes is a housing reporter."
    )
    assert len(first.select(".summary")) == 10
    second = parse(client.get("/author/ana-lopes/?page=2"))
    assert len(second.select(".summary")) == 2
    assert client.get("/author/nobody/").status_code == 404


def test_appeal_click_counts_and_lands_on_the_donation_page(client):
    appeal = AppealFactory(is_default=True, donation_url="https://give.example.org/now")
    article = ArticleFactory()
    for _ in range(2):
        response = client.get(f"/support/{appeal.pk}/{article.pk}/")
        assert response.status_code == 302
        assert response["Location"] == "https://give.example.org/now"
        assert "no-store" in response["Cache-Control"]
    assert AppealClick.objects.get(appeal=appeal, article=article).count == 2


def test_appeal_click_for_an_unknown_article_is_not_found_and_counts_nothing(client):
    appeal = AppealFactory()
    assert client.get(f"/support/{appeal.pk}/999/").status_code == 404
    assert not AppealClick.objects.exists()


@pytest.mark.parametrize("comments", [10, 100])
def test_article_page_query_count_does_not_grow_with_comments(
    client, django_assert_num_queries, comments
):
    AppealFactory(is_default=True)
    article = ArticleFactory(authors=[AuthorFactory(), AuthorFactory()])
    parent = None
    for index in range(comments):
        parent = CommentFactory(article=article, parent=parent if index % 3 else None)
    # article, bylines, corrections, tags, default appeal, site settings,
    # comments, moderation policy, the footer's pages
    with django_assert_num_queries(9):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
