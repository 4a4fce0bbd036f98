"""Every write purges exactly the pages it changes.

For each service that writes, every public URL of a seeded site is fetched
through the page cache before and after the write. Which pages changed is found
from the pages themselves (each is rendered afresh, without the cache, before
and after), not from the key map: a changed page must answer MISS with its new
content, and every other page must answer HIT.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from broadsheet.core.services import update_site_settings
from broadsheet.discussion import services as discussion
from broadsheet.discussion.models import Comment
from broadsheet.moderation.models import AuditEntry, Mode, ModerationPolicy
from broadsheet.moderation.services import moderate_comments, update_policy
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
    ArticleFactory,
    AuthorFactory,
    CommentFactory,
    PartnerOutletFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.moderation_policy]
# The comment form's signed token carries the second it was made in.
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


def test_posting_a_comment(wsgi, site):
    def write():
        discussion.post_comment(
            lead_in(site),
            {"name": "New Reader", "email": "new@example.org", "body": "Agreed."},
            ip="192.0.2.40",
        )

    lead = site["lead"].get_absolute_url()
    assert check_purges(wsgi, write) == [lead, "/feed/comments/", f"{lead}feed/"]


def test_holding_then_approving_a_comment(wsgi, site):
    ModerationPolicy.objects.filter(pk=1).update(mode=Mode.HOLD_ALL)
    held = {}

    def hold():
        held["comment"] = discussion.post_comment(
            lead_in(site),
            {"name": "Waiting", "email": "wait@example.org", "body": "Held text."},
            ip="192.0.2.41",
        )

    assert check_purges(wsgi, hold) == []

    def approve():
        moderate_comments(
            [Comment.objects.get(pk=held["comment"].pk)],
            AuditEntry.Action.APPROVE,
            by=None,
        )

    lead = site["lead"].get_absolute_url()
    assert check_purges(wsgi, approve) == [lead, "/feed/comments/", f"{lead}feed/"]


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


def test_closing_comments_after_some_days(wsgi, site):
    def write():
        update_policy(by=None, close_after_days=1)

    changed = check_purges(wsgi, write)
    # Only the articles more than a day old lose their form.
    assert changed and site["lead"].get_absolute_url() not in changed
    assert all(re.match(r"^/\d{4}/\d\d/\d\d/", url) for url in changed)


def test_a_scheduled_article_appears_at_its_time_without_anyone_acting(wsgi, site):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    tomorrow = timezone.now() + timedelta(days=1)
    article = publishing.create_article(
        by=None,
        headline="The scheduled piece",
        slug="the-scheduled-piece",
        section=site["culture"],
        tags=Tag.objects.filter(name="rivers"),
        authors=[Author.objects.get(name="Bo Brant")],
    )
    publishing.publish_article(article, by=None, at=tomorrow)
    assert Article.objects.get(pk=article.pk).status == Article.Status.SCHEDULED

    def time_comes():
        # Its time comes: the queued task runs, nobody acts.
        Article.objects.filter(pk=article.pk).update(
            published_at=timezone.now() - timedelta(seconds=1)
        )
        DBTaskResult.objects.filter(task_path__endswith="publish_when_due").update(
            run_after=timezone.now()
        )
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    changed = check_purges(wsgi, time_comes)
    month = timezone.localtime().strftime("/%Y/%m/")
    for page in [
        "/",
        "/section/culture/",
        "/tag/rivers/",
        "/author/bo-brant/",
        month,
        "/feed/",
        "/feed/json/",
        "/section/culture/feed/",
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
    ]:
        assert page in changed, page
        assert "/the-scheduled-piece/" in wsgi.get(page).text, page


def test_the_old_article_notice_appears_with_time(wsgi, site, monkeypatch):
    from django.core.management import call_command

    from broadsheet.core.recurring import schedule_recurring

    start = timezone.now()
    article = Article.objects.get(headline="Piece 0")
    Article.objects.filter(pk=article.pk).update(
        published_at=start - timedelta(days=365) + timedelta(minutes=1)
    )
    update_site_settings(by=None, old_article_days=365)
    url = Article.objects.get(pk=article.pk).get_absolute_url()
    wsgi.get(url)
    before = wsgi.get(url)
    assert before.headers["x-cache"] == "HIT" and "old-article" not in before.text

    def time_passes():
        # Two minutes on: the article is now more than a year old.
        later = start + timedelta(minutes=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        schedule_recurring()
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert check_purges(wsgi, time_passes) == [url]
    assert "This article is more than a year old." in wsgi.get(url).text


def test_the_notice_counts_days_when_the_age_is_not_whole_years(client, site):
    update_site_settings(by=None, old_article_days=30)
    article = Article.objects.get(headline="Piece 0")  # March 2026
    assert (
        "This article is more than 30 days old."
        in client.get(article.get_absolute_url()).content.decode()
    )
    update_site_settings(by=None, old_article_days=None)
    assert "old-article" not in client.get(article.get_absolute_url()).content.decode()


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


def test_corrections_restores_and_a_commenters_own_changes(wsgi, site):
    from broadsheet.publishing.models import Correction

    lead = site["lead"].get_absolute_url()

    def correct():
        publishing.save_correction(
            Correction(article=lead_in(site), text="A date was wrong."), by=None
        )

    assert lead in check_purges(wsgi, correct)

    article = lead_in(site)
    first = article.revisions.order_by("created_at", "pk").first()
    article.standfirst = "A new standfirst, for a while."
    publishing.save_article(article, by=None)

    def restore():
        publishing.restore_revision(first, by=None)

    assert lead in check_purges(wsgi, restore)

    comment = Comment.objects.get(body="A first response.")

    def edit_own():
        discussion.edit_own_comment(comment, "A first response, with a typo fixed.")

    assert check_purges(wsgi, edit_own) == [lead, "/feed/comments/", f"{lead}feed/"]

    def delete_own():
        discussion.delete_own_comment(Comment.objects.get(pk=comment.pk))

    assert check_purges(wsgi, delete_own) == [lead, "/feed/comments/", f"{lead}feed/"]


def test_enough_reports_take_a_comment_off_every_page_that_showed_it(wsgi, site):
    from broadsheet.moderation.services import report_comment

    comment = Comment.objects.get(body="A first response.")
    lead = site["lead"].get_absolute_url()

    def reported():
        for network in ("198.51.100.1", "203.0.113.1", "192.0.2.99"):
            report_comment(comment, reason="abuse", ip=network)

    assert check_purges(wsgi, reported) == [lead, "/feed/comments/", f"{lead}feed/"]


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
    from broadsheet.testing.factories import AppealFactory

    def write():
        appeal = AppealFactory.build(title="Spring appeal", text="Spring drive.")
        appeal.is_default = True
        publishing.save_appeal(appeal, by=None)

    changed = check_purges(wsgi, write)
    assert site["lead"].get_absolute_url() in changed


def quiet_writes(site) -> dict:
    """Writes that change no public page, each of which must purge nothing."""
    from broadsheet.discussion.models import ReplySubscription
    from broadsheet.moderation.services import (
        ban_commenter,
        report_comment,
        set_mail_preference,
    )
    from broadsheet.testing.factories import StaffFactory

    comment = Comment.objects.get(body="A first response.")

    def mail_choice():
        moderator = StaffFactory(username="mod", role="Moderators")
        set_mail_preference(moderator, "digest", by=moderator)

    def confirm_and_stop():
        subscription = ReplySubscription.objects.create(
            comment=comment, email="reader@example.org"
        )
        discussion.confirm_subscription(subscription)
        discussion.unsubscribe(subscription)

    return {
        "a ban": lambda: ban_commenter(comment, reason="spam run", by=None),
        "one report": lambda: report_comment(comment, reason="spam", ip="192.0.2.7"),
        "a stricter link rule": lambda: update_policy(by=None, hold_links=1),
        "submitting a draft": lambda: publishing.submit_for_review(
            Article.objects.get(headline="A draft"), by=None
        ),
        "an appeal click": lambda: publishing.record_appeal_click(
            Appeal.objects.get(), article=lead_in(site)
        ),
        "a moderator's mail choice": mail_choice,
        "a reply subscription": confirm_and_stop,
    }


@pytest.mark.parametrize(
    "name",
    [
        "a ban",
        "one report",
        "a stricter link rule",
        "submitting a draft",
        "an appeal click",
        "a moderator's mail choice",
        "a reply subscription",
    ],
)
def test_writes_that_change_no_public_page_purge_nothing(wsgi, site, name):
    assert check_purges(wsgi, quiet_writes(site)[name]) == []
