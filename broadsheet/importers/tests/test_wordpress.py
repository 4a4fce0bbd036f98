"""`broadsheet import wordpress`: mapping, threads, old addresses, idempotence,
broken items, dry runs — in process, on the site's own database."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportedObject
from broadsheet.importers.tests.wxr_files import (
    SHARED,
    Post,
    table_checksums,
    write,
    wxr,
)
from broadsheet.importers.tests.wxr_files import (
    Comment as WxrComment,
)
from broadsheet.publishing.models import Article, Page, Revision, Section, Tag

pytestmark = pytest.mark.django_db


def run_import(path, *options) -> str:
    out = io.StringIO()
    call_command("import", "wordpress", str(path), *options, stdout=out, stderr=out)
    return out.getvalue()


def chain(depth: int) -> list[WxrComment]:
    return [
        WxrComment(
            id=100 + level,
            parent=100 + level - 1 if level else 0,
            content=f"Reply at depth {level + 1}.",
            date=f"2024-03-02 10:{level:02d}:00",
        )
        for level in range(depth)
    ]


@pytest.fixture
def town(tmp_path):
    posts = [
        Post(
            101,
            "Budget night at the town hall",
            "budget-night",
            content=(
                "The council met late.\n\nIt voted <strong>twice</strong>.\n"
                "A second line.\n\n<h2>What changes</h2>\n\n<ul><li>Buses</li>"
                "<li>Bins</li></ul>\n\n<blockquote><p>We had no choice.</p>"
                '</blockquote>\n\nSee <a href="https://example.org/minutes">the '
                'minutes</a>.\n\n[caption id="a1" width="300"]<img '
                'src="https://old.example.org/wp-content/uploads/hall.jpg" '
                'alt="The hall" /> The hall at night[/caption]'
            ),
            excerpt="The council met late and voted twice.",
            categories=[
                ("category", "town-hall", "Town hall"),
                ("category", "money", "Money"),
                ("post_tag", "budget", "Budget"),
            ],
            comments=[
                *chain(10),
                WxrComment(id=200, approved="0", content="Held on the old site."),
                WxrComment(id=201, approved="spam", content="Buy cheap pills."),
                WxrComment(id=202, type="pingback", content="Linked from a blog."),
                WxrComment(
                    id=203,
                    email="",
                    content='<p>See <a href="https://example.net/x">this</a></p>'
                    "<p>and that<br/>too</p>",
                ),
            ],
        ),
        Post(102, "A locked draft", "locked", password="secret", status="publish"),
        Post(
            103,
            "About the Ledger",
            "about-the-ledger",
            type="page",
            content="We are a small paper.",
            comments=[WxrComment(id=300, content="A comment on the about page.")],
        ),
        Post(
            104,
            "Coming soon",
            "coming-soon",
            status="future",
            date="2099-01-01 08:00:00",
        ),
        Post(105, "Pending piece", "pending-piece", status="pending"),
    ]
    return write(tmp_path, wxr(posts))


def test_posts_pages_terms_and_comments_are_mapped(town, client, parse):
    output = run_import(town)
    article = Article.objects.get(slug="budget-night")
    assert article.status == Article.Status.PUBLISHED
    assert article.standfirst == "The council met late and voted twice."
    assert article.section == Section.objects.get(slug="town-hall")
    assert {tag.slug for tag in article.tags.all()} == {"money", "budget"}
    assert [author.name for author in article.authors.all()] == ["Mira Okafor"]
    assert Article.objects.get(slug="locked").status == Article.Status.DRAFT
    assert "password-protected" in output
    assert Article.objects.get(slug="coming-soon").status == Article.Status.SCHEDULED
    assert Article.objects.get(slug="pending-piece").status == Article.Status.IN_REVIEW
    assert Page.objects.get(slug="about-the-ledger").is_published

    page = parse(client.get(article.get_absolute_url()))
    body = page.select_one(".article-body") or page
    assert body.find("h2", string=re.compile("What changes"))
    assert [li.get_text() for li in body.select("ul li")][:2] == ["Buses", "Bins"]
    assert "We had no choice." in body.find("blockquote").get_text()
    assert body.find("a", href="https://example.org/minutes")
    assert "twice" in body.find("strong").get_text()
    assert "The hall at night" in body.get_text()
    assert "A second line." in body.get_text()

    statuses = dict(Comment.objects.values_list("body", "status"))
    assert statuses["Held on the old site."] == Comment.Status.HELD
    assert statuses["Buy cheap pills."] == Comment.Status.SPAM
    assert "Linked from a blog." not in statuses
    assert "pingback" in output
    # Pages take no comments here: reported, not lost silently.
    assert "A comment on the about page." not in statuses
    assert "skipped   comment 300: its post was not imported" in output
    linked = Comment.objects.get(author_email="", body__startswith="See")
    assert linked.body == "See this (https://example.net/x)\n\nand that\ntoo"
    assert linked.ip_prefix == "192.0.2.0/24"
    assert 'href="https://example.net/x"' in linked.body_html


def test_a_reply_chain_ten_deep_is_shown_ten_deep(town, client, parse):
    run_import(town)
    article = Article.objects.get(slug="budget-night")
    page = parse(client.get(article.get_absolute_url()))
    deepest = page.find(string=re.compile("Reply at depth 10"))
    assert deepest is not None
    depth = len(deepest.find_parents("li", class_="comment"))
    assert depth == 10
    for level in range(1, 10):
        assert page.find(string=re.compile(f"Reply at depth {level}\\."))
    assert "Held on the old site." not in page.get_text()


def test_old_addresses_answer_301_to_the_new_ones(town, client):
    run_import(town)
    article = Article.objects.get(slug="budget-night")
    new = article.get_absolute_url()
    expected = {
        "/?p=101": new,
        "/2024/03/01/budget-night/": None,  # the same address: the page itself
        "/budget-night/": new,
        "/budget-night/feed/": new + "feed/",
        "/category/town-hall/": "/section/town-hall/",
        "/category/money/": "/tag/money/",
        "/tag/budget/": None,
        "/author/mira/": None,
        "/2024/03/": None,
        "/feed/": None,
        "/?page_id=103": "/about-the-ledger/",
    }
    for old, target in expected.items():
        response = client.get(old)
        if target is None:
            assert response.status_code == 200, old
        else:
            assert response.status_code == 301, old
            assert response["Location"] == target, old
    assert client.get("/?p=999999").status_code == 404


def test_a_second_import_of_the_same_file_changes_nothing(
    town, django_capture_on_commit_callbacks
):
    run_import(town)
    before = table_checksums()
    revisions = Revision.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        output = run_import(town)
    assert table_checksums() == before
    assert Revision.objects.count() == revisions
    assert callbacks == []  # no purge, no task
    counts = output.split("Notes:")[0]
    assert " imported" not in counts and " updated" not in counts
    assert "articles     4 unchanged" in counts


def test_an_updated_export_updates_what_changed_and_keeps_local_edits(town, tmp_path):
    run_import(town)
    text = town.read_text()
    edited_here = Article.objects.get(slug="pending-piece")
    edited_here.headline = "Pending piece, as our editor put it"
    edited_here.save()
    text = text.replace("Budget night at the town hall", "Budget night, revised")
    text = text.replace("Pending piece", "Pending piece, revised upstream")
    output = run_import(write(tmp_path, text, "updated.xml"))
    assert Article.objects.get(slug="budget-night").headline == "Budget night, revised"
    assert (
        Article.objects.get(slug="pending-piece").headline
        == "Pending piece, as our editor put it"
    )
    assert "conflict" in output and "post 105" in output
    assert Article.objects.count() == 4


def test_a_broken_item_stops_the_import_naming_it(town, tmp_path):
    text = town.read_text().replace(
        "<wp:post_date><![CDATA[2024-03-01 09:30:00]]></wp:post_date>\n"
        "    <wp:post_date_gmt><![CDATA[2024-03-01 09:30:00]]></wp:post_date_gmt>\n"
        "    <wp:comment_status><![CDATA[open]]></wp:comment_status>\n"
        "    <wp:post_name><![CDATA[locked]]>",
        "<wp:post_date><![CDATA[2024-13-45 99:00:00]]></wp:post_date>\n"
        "    <wp:post_date_gmt><![CDATA[garbage]]></wp:post_date_gmt>\n"
        "    <wp:comment_status><![CDATA[open]]></wp:comment_status>\n"
        "    <wp:post_name><![CDATA[locked]]>",
    )
    assert "garbage" in text
    broken = write(tmp_path, text, "broken.xml")
    before = table_checksums()
    with pytest.raises(SystemExit) as exit_:
        run_import(broken)
    assert exit_.value.code == 1
    assert table_checksums() == before
    output = run_import(broken, "--skip-broken")
    assert "broken" in output and "“A locked draft” (post 102)" in output
    assert Article.objects.filter(slug="budget-night").exists()
    assert not Article.objects.filter(slug="locked").exists()


def test_a_dry_run_reports_and_writes_nothing(town):
    before = table_checksums()
    output = run_import(town, "--dry-run")
    assert "Dry run" in output and "4 imported" in output
    assert table_checksums() == before
    assert not ImportedObject.objects.exists()


@pytest.mark.parametrize(("scheme", "version"), [("https", "1.2"), ("http", "1.0")])
def test_both_namespace_spellings_are_read(tmp_path, scheme, version):
    path = write(
        tmp_path,
        wxr([Post(7, "Spelled otherwise", "spelled")], scheme=scheme, version=version),
    )
    run_import(path)
    assert Article.objects.filter(slug="spelled").exists()


@pytest.mark.parametrize("name", ["64-block-test-data.xml", "theme-preview.xml"])
def test_wordpress_test_data_imports_with_every_item_accounted_for(name, client, parse):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared test data)")
    output = run_import(path)
    items = path.read_text(encoding="utf-8").count("<item>")
    accounted = 0
    for line in output.splitlines():
        if re.match(r"  (articles|pages|attachments|other items) ", line):
            accounted += sum(
                int(n.replace(",", "")) for n in re.findall(r"(\d[\d,]*) ", line)
            )
    assert accounted == items, output
    pages = {
        article.headline: parse(client.get(article.get_absolute_url()))
        for article in Article.objects.filter(status=Article.Status.PUBLISHED)
    }
    assert all(page.find("h1") for page in pages.values())
    if name == "theme-preview.xml":
        elements = pages["Elements"]
        assert elements.find("h2", string="Heading 2") or elements.find(
            "h3", string="Heading 2"
        )
        assert pages["HTML"].select("ol li")
        assert pages["Links"].find("a", href="http://wordpress.org/")
    else:
        assert pages["Paragraph"].find("p")
        assert pages["List"].select("ul li")
        assert pages["Quote"].find("blockquote")
        assert any(
            page.find("a", href=re.compile("^https?://")) for page in pages.values()
        )
    assert Tag.objects.exists()


def test_staff_accounts_on_request_have_no_usable_password(town):
    run_import(town)
    assert not get_user_model().objects.filter(username="mira").exists()
    output = run_import(town, "--staff-accounts")
    user = get_user_model().objects.get(username="mira")
    assert user.email == "mira@example.org"
    assert not user.has_usable_password()
    assert [group.name for group in user.groups.all()] == ["Contributors"]
    assert "accounts     1 imported" in output
    assert "accounts     1 unchanged" in run_import(town, "--staff-accounts")
