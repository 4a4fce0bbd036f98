"""`broadsheet import disqus`: comments onto the articles a WordPress import
made, matched by thread identifier or by old address."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from broadsheet.discussion.models import Comment
from broadsheet.importers.tests.wxr_files import (
    Post,
    disqus_export,
    table_checksums,
    write,
    wxr,
)
from broadsheet.publishing.models import Article

pytestmark = pytest.mark.django_db


def run_import(source: str, path, *options) -> str:
    out = io.StringIO()
    call_command("import", source, str(path), *options, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def site(tmp_path):
    posts = [
        Post(301, "Ferry timetable", "ferry-timetable"),
        Post(302, "Quarry hearing", "quarry-hearing", date="2024-04-02 08:00:00"),
    ]
    run_import("wordpress", write(tmp_path, wxr(posts), "wordpress.xml"))
    threads = [
        {
            "dsq_id": "7001",
            "id": "301 https://old.example.org/?p=301",
            "link": "https://old.example.org/?p=301",
        },
        {"dsq_id": "7002", "id": "", "link": "https://old.example.org/quarry-hearing/"},
        {"dsq_id": "7003", "link": "https://old.example.org/gone-page/"},
    ]
    posts = [
        {"dsq_id": "1", "thread": "7001", "message": "<p>First, on the ferry.</p>"},
        {
            "dsq_id": "2",
            "thread": "7001",
            "parent": "1",
            "message": "<p>A reply to the first.</p>",
        },
        {
            "dsq_id": "3",
            "thread": "7001",
            "parent": "2",
            "message": "<p>A reply to the reply.</p>",
        },
        {"dsq_id": "4", "thread": "7001", "spam": True, "message": "Cheap watches"},
        {"dsq_id": "5", "thread": "7002", "deleted": True, "message": "Removed one"},
        {
            "dsq_id": "6",
            "thread": "7002",
            "parent": "5",
            "message": "<p>Answer to a removed comment.</p>",
        },
        {"dsq_id": "7", "thread": "7003", "message": "On a page that is gone"},
    ]
    return write(tmp_path, disqus_export(threads, posts), "disqus.xml")


def test_threads_are_matched_and_comments_keep_their_shape(site, client, parse):
    output = run_import("disqus", site)
    ferry = Article.objects.get(slug="ferry-timetable")
    quarry = Article.objects.get(slug="quarry-hearing")
    assert Comment.objects.filter(article=ferry).count() == 4
    assert Comment.objects.get(body="Cheap watches").status == Comment.Status.SPAM
    assert Comment.objects.get(body="Removed one").status == Comment.Status.DELETED
    assert Comment.objects.get(article=quarry, body__startswith="Answer").parent
    assert not Comment.objects.filter(body="On a page that is gone").exists()
    assert "thread 7003" in output and "gone-page" in output

    page = parse(client.get(ferry.get_absolute_url()))
    deepest = page.find(string=re.compile("A reply to the reply"))
    assert len(deepest.find_parents("li", class_="comment")) == 3
    assert "Cheap watches" not in page.get_text()


def test_a_second_disqus_import_changes_nothing(site):
    run_import("disqus", site)
    before = table_checksums()
    output = run_import("disqus", site)
    assert table_checksums() == before
    assert "comments     6 unchanged" in output


def test_a_disqus_dry_run_writes_nothing(site):
    before = table_checksums()
    output = run_import("disqus", site, "--dry-run")
    assert "Dry run" in output and "6 imported" in output
    assert table_checksums() == before


def test_a_file_that_is_not_a_disqus_export_is_refused(tmp_path):
    path = write(tmp_path, wxr([]), "wordpress.xml")
    with pytest.raises(SystemExit):
        run_import("disqus", path)
