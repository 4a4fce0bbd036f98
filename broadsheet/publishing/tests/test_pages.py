"""Static pages: About, Support us."""

from __future__ import annotations

import pytest

from broadsheet.publishing import services
from broadsheet.publishing.models import Page
from broadsheet.staff.roles import CONTRIBUTORS, EDITORS
from broadsheet.testing.factories import StaffFactory

pytestmark = pytest.mark.django_db


def make_page(**fields) -> Page:
    defaults = {"title": "About us", "slug": "about", "is_published": True}
    return services.save_page(Page(**{**defaults, **fields}), by=None)


def test_a_page_is_rendered_by_the_one_renderer(client, parse):
    make_page(body="## Who we are\n\nA small team. <script>alert(1)</script>")
    response = client.get("/about/")
    page = parse(response)
    assert page.find("h1").get_text() == "About us"
    assert page.select_one(".article-body h2").get_text() == "Who we are"
    assert "<script>alert(1)" not in response.content.decode()


def test_an_unpublished_page_is_a_404(client):
    make_page(is_published=False)
    assert client.get("/about/").status_code == 404


def test_published_pages_are_linked_in_the_footer_of_every_page(client, parse):
    make_page(title="Support us", slug="support-us", position=2)
    make_page(title="About us", slug="about", position=1)
    make_page(title="Hidden", slug="hidden", is_in_footer=False)
    links = parse(client.get("/")).select(".footer-pages a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("About us", "/about/"),
        ("Support us", "/support-us/"),
    ]


def test_editors_write_pages_and_contributors_cannot(client):
    from django.core.exceptions import PermissionDenied

    editor = StaffFactory(username="ed", role=EDITORS)
    services.save_page(Page(title="Contact", slug="contact"), by=editor)
    writer = StaffFactory(username="wr", role=CONTRIBUTORS)
    with pytest.raises(PermissionDenied):
        services.save_page(Page(title="Mine", slug="mine"), by=writer)
    client.force_login(editor)
    response = client.post(
        "/admin/publishing/page/add/",
        {
            "title": "Support us",
            "slug": "support-us",
            "body": "Give what you can.",
            "is_published": "on",
            "is_in_footer": "on",
            "position": "0",
        },
    )
    assert response.status_code == 302
    assert "<p>Give what you can.</p>" in Page.objects.get(slug="support-us").body_html


def test_a_page_cannot_take_an_address_the_site_uses(client, parse):
    client.force_login(StaffFactory(username="ed", role=EDITORS))
    response = client.post(
        "/admin/publishing/page/add/",
        {"title": "Search", "slug": "search", "position": "0"},
    )
    assert "/search/ is an address the site uses itself" in parse(response).get_text()
    assert not Page.objects.exists()
