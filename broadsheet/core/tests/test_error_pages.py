"""Error pages: 503 with Retry-After while the database or disk is away, 500 for
our own mistakes; both in the site's look, run no query, and are never cached."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path

from broadsheet import urls as site_urls
from broadsheet.core.services import update_site_settings
from broadsheet.core.views import server_error
from broadsheet.pagecache.tests.conftest import (  # noqa: F401  (fixtures)
    make_layer,
    page_store,
    wsgi,
)
from broadsheet.staff.roles import EDITORS
from broadsheet.testing.factories import ArticleFactory, StaffFactory
from broadsheet.testing.faults import database_fails
from broadsheet.testing.forms import submitted_values

pytestmark = pytest.mark.django_db


def a_view_with_a_bug(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"{1 / 0}")


# The site's addresses, and one view with a programming error.
urlpatterns = [path("bug/", a_view_with_a_bug), *site_urls.urlpatterns]
handler500 = site_urls.handler500


@pytest.fixture
def reader(settings) -> Client:
    """A browser, on a site whose settings were read once (as any page does)."""
    settings.ROOT_URLCONF = __name__
    update_site_settings(by=None, site_name="The Lantern")
    browser = Client(raise_request_exception=False)
    assert browser.get("/").status_code == 200
    return browser


def test_a_programming_error_is_a_branded_500_not_a_503(reader, parse):
    response = reader.get("/bug/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "no-store" in response["Cache-Control"]
    page = parse(response)
    assert page.select_one(".masthead .site-name").get_text() == "The Lantern"
    assert "Something went wrong" in page.find("h1").get_text()


def test_a_database_outage_is_a_branded_503_that_asks_no_query(reader, parse):
    with database_fails() as refused:
        response = reader.get("/search/?q=budget")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    # Only the view's own query was tried: the page itself needs none.
    assert len(refused) == 1
    page = parse(response)
    assert page.select_one(".masthead .site-name").get_text() == "The Lantern"
    assert "cannot reach its database" in page.get_text()
    assert page.select_one("link[rel=stylesheet]")["href"].endswith("site.css")


def test_the_error_pages_render_without_a_query(django_assert_num_queries):
    request = RequestFactory().get("/")
    for error, status in ((OperationalError("disk I/O error"), 503), (KeyError(), 500)):
        try:
            raise error
        except Exception:
            with django_assert_num_queries(0):
                assert server_error(request).status_code == status


# In autocommit, as served: the layer's requests close a connection left in a
# transaction at their end.
@pytest.mark.django_db(transaction=True)
def test_an_outage_on_a_cacheable_page_goes_out_uncacheable_and_is_not_stored(
    wsgi,  # noqa: F811  (the fixture)
):
    article = ArticleFactory()
    with database_fails():
        answer = wsgi.get(article.get_absolute_url())
    assert answer.status == 503
    assert "no-store" in answer.headers["cache-control"]
    assert "s-maxage" not in answer.headers["cache-control"]
    assert int(answer.headers["retry-after"]) > 0
    # Back again: the article is rendered, not the error page from the cache.
    answer = wsgi.get(article.get_absolute_url())
    assert answer.status == 200
    assert answer.headers["x-cache"] == "MISS"
    assert article.headline in answer.text


def test_an_editors_failed_save_shows_their_text_back_to_send_again(settings, parse):
    settings.ROOT_URLCONF = __name__
    editor = StaffFactory(username="editor", role=EDITORS)
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.force_login(editor)
    article = ArticleFactory(headline="A first headline")
    address = f"/admin/publishing/article/{article.pk}/change/"
    form = parse(browser.get(address)).find("form", id="article_form")
    typed = {
        "headline": "Rivers after the storm",
        "standfirst": "What the flood left behind, town by town.",
        "body": "The water came at night.\n\nBy morning the bridge was gone.",
    }
    data = {**submitted_values(form, button="_save"), **typed}
    with database_fails(writes_only=True):
        response = browser.post(address, data)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    kept = parse(response).find("form", class_="kept-form")
    shown = {
        field["name"]: field.get_text() if field.name == "textarea" else field["value"]
        for field in kept.select("textarea, input:not([type=hidden])")
    }
    assert {name: shown[name] for name in typed} == typed
    assert "csrfmiddlewaretoken" not in shown  # sent again, never shown
    article.refresh_from_db()
    assert article.headline == "A first headline"  # nothing half-written
    # The database is back: one press sends the same text again.
    response = browser.post(kept["action"], submitted_values(kept))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.standfirst, article.body) == tuple(typed.values())


def test_a_password_is_never_shown_back(reader, parse):
    with database_fails():
        response = reader.post(
            "/accounts/login/", {"username": "editor", "password": "hunter2 secret"}
        )
    assert response.status_code == 503
    assert "hunter2" not in response.content.decode()
    kept = parse(response).find("form", class_="kept-form")
    assert kept.find("input", attrs={"name": "username"})["value"] == "editor"
