"""Every publishing write purges exactly the pages it changes (see site_pages)."""

from __future__ import annotations

import pytest

from broadsheet.core.services import update_site_settings
from broadsheet.pagecache.tests.site_pages import (  # noqa: F401  (fixtures shared by import)
    check_purges,
    lead_in,
    page_store,
    public_urls,
    site,
)
from broadsheet.publishing import services as publishing
from broadsheet.publishing.models import (
    Appeal,
    Article,
    Author,
    Page,
    Section,
    Tag,
)
from broadsheet.syndication.sitemaps import SITEMAPS
from broadsheet.testing.factories import (
    AppealFactory,
    PartnerOutletFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]


def test_publishing_a_draft(wsgi, site):
    draft = Article.objects.get(headline="A draft")

    def write():
        publishing.publish_article(draft, by=None)

    changed = check_purges(wsgi, write)
    assert "/" in changed and "/section/culture/" in changed
    assert "/section/economy/" not in changed


def test_editing_a_headline(wsgi, site):
    def write():
        article = lead_in(site)
        article.headline = "The lead piece, corrected"
        publishing.save_article(article, by=None)

    changed = check_purges(wsgi, write)
    assert site["lead"].get_absolute_url() in changed
    assert "/section/culture/" not in changed


def test_moving_an_article_to_another_section(wsgi, site):
    def write():
        article = lead_in(site)
        article.section = site["culture"]
        publishing.save_article(article, by=None)

    changed = check_purges(wsgi, write)
    assert {"/section/economy/", "/section/culture/"} <= set(changed)


def test_changing_tags(wsgi, site):
    def write():
        publishing.set_tags(lead_in(site), Tag.objects.filter(name="rivers"), by=None)

    assert "/tag/ports/" in check_purges(wsgi, write)


def test_changing_bylines(wsgi, site):
    def write():
        publishing.set_bylines(
            lead_in(site), [Author.objects.get(name="Bo Brant")], by=None
        )

    changed = check_purges(wsgi, write)
    assert {"/author/bo-brant/", "/author/cy-cole/"} <= set(changed)


def test_unpublishing(wsgi, site):
    def write():
        article = lead_in(site)
        article.status = Article.Status.DRAFT
        publishing.save_article(article, by=None)

    assert "/" in check_purges(wsgi, write)


def test_renaming_a_section_an_author_and_a_tag(wsgi, site):
    def write():
        for model, name in ((Section, "Economy"), (Author, "Cy Cole"), (Tag, "rivers")):
            record = model.objects.get(name=name)
            record.name = f"{name} (renamed)"
            publishing.save_record(record, by=None)

    check_purges(wsgi, write)


def test_editing_a_draft_changes_no_public_page(wsgi, site):
    def write():
        draft = Article.objects.get(headline="A draft")
        draft.body = "Rewritten, still unpublished."
        publishing.save_article(draft, by=None)

    assert check_purges(wsgi, write) == []


def test_changing_the_site_settings(wsgi, site):
    def write():
        update_site_settings(by=None, site_name="The Renamed Review")

    changed = check_purges(wsgi, write)
    # Pages that show nothing of the site's settings: robots.txt, the sitemaps
    # but the news one (it names the publication), one article's comments.
    unchanged = {"/robots.txt", "/sitemap.xml"}
    unchanged.update(f"/sitemap-{name}.xml" for name in SITEMAPS)
    unchanged.update(
        f"{a.get_absolute_url()}feed/" for a in Article.objects.published()
    )
    assert set(changed) == set(public_urls()) - unchanged


def test_renaming_the_partner_and_editing_the_appeal(wsgi, site):
    partner = PartnerOutletFactory(name="The Harbour Ledger")
    article = lead_in(site)
    article.partner = partner
    article.original_url = "https://ledger.example.net/lead"
    publishing.save_article(article, by=None)

    def write():
        partner.name = "The Harbour Ledger Weekly"
        publishing.save_record(partner, by=None)
        appeal = Appeal.objects.get(is_default=True)
        appeal.text = "Readers keep us going."
        publishing.save_appeal(appeal, by=None)

    changed = check_purges(wsgi, write)
    assert site["lead"].get_absolute_url() in changed
    assert "/" not in changed


def test_editing_a_page_and_adding_one_to_the_footer(wsgi, site):
    def edit_text():
        page = Page.objects.get(slug="about")
        page.body = "Who we are, and who pays for it."
        publishing.save_page(page, by=None)

    assert check_purges(wsgi, edit_text) == ["/about/", "/sitemap-pages.xml"]

    def add_to_footer():
        publishing.save_page(
            Page(title="Support us", slug="support-us", is_published=True), by=None
        )

    changed = check_purges(wsgi, add_to_footer)
    assert "/" in changed and "/feed/" not in changed


def test_a_cached_search_answer_gains_a_newly_published_article(wsgi, site):
    url = "/search/?q=breakwater"
    wsgi.get(url)
    assert wsgi.get(url).headers["x-cache"] == "HIT"
    draft = Article.objects.get(headline="A draft")
    draft.headline = "The breakwater question"
    publishing.save_article(draft, by=None)
    assert wsgi.get(url).headers["x-cache"] == "HIT"  # still a draft: unchanged
    publishing.publish_article(draft, by=None)
    answer = wsgi.get(url)
    assert answer.headers["x-cache"] == "MISS"
    assert "breakwater</mark> question" in answer.text


def test_deleting_an_article_a_tag_and_a_page_in_the_admin(wsgi, site, client):
    from broadsheet.staff.roles import EDITORS
    from broadsheet.testing.factories import StaffFactory

    client.force_login(StaffFactory(username="editor", role=EDITORS))
    lead, ports = lead_in(site), Tag.objects.get(name="ports")

    def delete():
        for url in (
            f"/admin/publishing/article/{lead.pk}/delete/",
            f"/admin/publishing/tag/{ports.pk}/delete/",
            "/admin/publishing/page/%d/delete/" % Page.objects.get(slug="about").pk,
        ):
            assert client.post(url, {"post": "yes"}).status_code == 302, url

    changed = check_purges(wsgi, delete)
    assert {lead.get_absolute_url(), "/", "/tag/ports/", "/about/"} <= set(changed)


def test_changing_a_sections_slug_moves_it_in_the_sitemap(wsgi, site):
    # Not exact: pages naming the section without linking it (feeds) are
    # purged too, since one key stands for its name and its address.
    wsgi.get("/sitemap-sections.xml")
    assert wsgi.get("/sitemap-sections.xml").headers["x-cache"] == "HIT"
    section = Section.objects.get(name="Economy")
    section.slug = "money"
    publishing.save_record(section, by=None)
    answer = wsgi.get("/sitemap-sections.xml")
    assert answer.headers["x-cache"] == "MISS" and "/section/money/" in answer.text


def test_a_new_default_appeal_replaces_the_old_one_everywhere(wsgi, site):

    def write():
        appeal = AppealFactory.build(title="Spring appeal", text="Spring drive.")
        appeal.is_default = True
        publishing.save_appeal(appeal, by=None)

    changed = check_purges(wsgi, write)
    assert site["lead"].get_absolute_url() in changed
