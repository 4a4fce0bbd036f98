"""Revisions, restores, old addresses, previews and corrections."""

from __future__ import annotations

import json
import re

import pytest

from broadsheet.publishing import services
from broadsheet.publishing.editor import preview_path
from broadsheet.publishing.models import Article, Correction, Revision
from broadsheet.staff.roles import EDITORS
from broadsheet.testing.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = StaffFactory(username="editor", role=EDITORS)
    client.force_login(user)
    return user


def test_every_save_that_changes_something_keeps_a_revision(editor):
    article = ArticleFactory(body="First version.")
    assert article.revisions.count() == 1
    services.save_article(article, by=editor)  # nothing changed
    assert article.revisions.count() == 1
    article.body = "Second version."
    services.save_article(article, by=editor)
    latest = article.revisions.first()
    assert latest.fields["body"] == "Second version." and latest.created_by == editor


def test_a_restored_revision_brings_the_body_back(client, parse, editor):
    article = ArticleFactory(body="The original wording.")
    first = article.revisions.get()
    article.body = "A rewrite nobody liked."
    services.save_article(article, by=editor)
    page = parse(client.get(f"/admin/publishing/article/{article.pk}/revisions/"))
    assert len(page.select("tbody tr")) == 2
    compare = client.get(
        f"/admin/publishing/article/{article.pk}/revisions/{first.pk}/"
    ).content.decode()
    assert "The original wording." in compare and "A rewrite nobody liked." in compare
    response = client.post(
        f"/admin/publishing/article/{article.pk}/revisions/{first.pk}/"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "The original wording."
    assert "<p>The original wording.</p>" in article.body_html
    assert article.revisions.count() == 3
    assert (
        "The original wording."
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_a_changed_slug_leaves_a_working_301(client, editor):
    article = ArticleFactory(slug="first-slug")
    old = article.get_absolute_url()
    article.slug = "second-slug"
    services.save_article(article, by=editor)
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    # Changed again: the first address goes straight to the newest.
    article.slug = "third-slug"
    services.save_article(article, by=editor)
    assert client.get(old)["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_draft_leaves_no_redirect_behind(client, editor):
    article = ArticleFactory(slug="draft-slug", status="draft")
    old = article.get_absolute_url()
    article.slug = "draft-slug-2"
    services.save_article(article, by=editor)
    assert client.get(old).status_code == 404


def test_a_preview_shows_a_draft_as_readers_will_see_it(client, parse, editor):
    draft = ArticleFactory(headline="Not out yet", status="draft", body="Secret.")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.logout()  # whoever has the link may look
    response = client.get(preview_path(draft))
    assert response.status_code == 200
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    page = parse(response)
    assert page.find("h1").get_text() == "Not out yet"
    assert "Preview" in page.find(class_="preview-note").get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_a_damaged_preview_link_is_a_404(client):
    assert client.get("/preview/not-a-token/").status_code == 404


def test_the_editor_form_links_the_preview_and_the_revisions(client, editor):
    article = ArticleFactory()
    page = client.get(f"/admin/publishing/article/{article.pk}/change/").content
    assert re.search(rb'href="/preview/[^"]+/"', page)
    assert f"/admin/publishing/article/{article.pk}/revisions/".encode() in page


def test_corrections_are_shown_dated_at_the_end_and_in_structured_data(
    client, parse, editor
):
    article = ArticleFactory()
    services.save_correction(
        Correction(article=article, text="An earlier version misspelt the mayor."),
        by=editor,
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    page = parse(response)
    note = page.select_one(".corrections .correction")
    assert "An earlier version misspelt the mayor." in note.get_text()
    assert note.find("time")["datetime"]
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1]
    )
    assert data["correction"][0]["@type"] == "CorrectionComment"


def test_a_contributor_cannot_restore_anothers_article(editor):
    from django.core.exceptions import PermissionDenied

    article = ArticleFactory(status="draft")
    writer = StaffFactory(username="writer", role="Contributors")
    with pytest.raises(PermissionDenied):
        services.restore_revision(
            Revision.objects.filter(article=article).get(), by=writer
        )
    assert Article.objects.filter(pk=article.pk).exists()


def test_editors_see_appeal_clicks_per_article_and_per_appeal(client, parse, editor):
    from broadsheet.testing.factories import AppealFactory

    appeal = AppealFactory(is_default=True, title="Winter appeal")
    article = ArticleFactory(headline="The clicked piece")
    for _ in range(3):
        client.get(f"/support/{appeal.pk}/{article.pk}/")
    listing = parse(client.get("/admin/publishing/article/"))
    row = next(
        r for r in listing.select("#result_list tbody tr") if "clicked" in r.text
    )
    assert row.select_one(".field-appeal_clicks").get_text() == "3"
    per_appeal = parse(client.get("/admin/publishing/appeal/"))
    assert per_appeal.select_one(".field-click_total").get_text() == "3"
    clicks = parse(client.get("/admin/publishing/appealclick/"))
    assert "The clicked piece" in clicks.select_one("#result_list").get_text()


def test_a_draft_never_dated_can_be_previewed(client, parse, editor):
    draft = services.create_article(
        by=editor, headline="Undated draft", slug="undated-draft", body="Soon."
    )
    assert draft.published_at is None
    page = parse(client.get(preview_path(draft)))
    assert page.find("h1").get_text() == "Undated draft"


def test_a_revision_whose_appeal_was_deleted_since_is_restored_without_it(editor):
    from broadsheet.testing.factories import AppealFactory

    appeal = AppealFactory()
    article = ArticleFactory(appeal_choice="chosen", appeal=appeal, body="Then.")
    first = article.revisions.get()
    article.body = "Now."
    services.save_article(article, by=editor)
    services.delete_record(appeal, by=editor)
    services.restore_revision(first, by=editor)
    article.refresh_from_db()
    assert article.body == "Then." and article.appeal_id is None


def test_published_with_a_future_date_means_scheduled(editor):
    from datetime import timedelta

    from django.utils import timezone

    article = ArticleFactory(status="draft")
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() + timedelta(days=1)
    services.save_article(article, by=editor)
    assert Article.objects.get(pk=article.pk).status == Article.Status.SCHEDULED
