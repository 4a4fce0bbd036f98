"""`--uploads-dir`: the images the posts show, and the attachments, brought
from a copy of wp-content/uploads into our media."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from PIL import Image as PillowImage

from broadsheet.images.models import Image
from broadsheet.importers.tests.wxr_files import Post, table_checksums, write, wxr
from broadsheet.publishing.models import Article

pytestmark = pytest.mark.django_db
UPLOADS = "https://old.example.org/wp-content/uploads"


def run_import(path, *options) -> str:
    out = io.StringIO()
    call_command("import", "wordpress", str(path), *options, stdout=out, stderr=out)
    return out.getvalue()


def picture(path, size=(1200, 800), colour=(40, 90, 160)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    PillowImage.new("RGB", size, colour).save(path, "JPEG")


@pytest.fixture
def export(tmp_path):
    content = (
        "<p>The pier, at dawn.</p>\n\n"
        f'<p><img src="{UPLOADS}/2024/03/pier-300x200.jpg" alt="The pier" /></p>\n\n'
        f'<p><img src="{UPLOADS}/../../../../etc/passwd" alt="Nothing" /></p>'
    )
    attachment = Post(
        901, "Harbour crane", "harbour-crane", type="attachment", status="inherit"
    )
    text = wxr([Post(900, "At the pier", "at-the-pier", content=content), attachment])
    text = text.replace(
        "<wp:post_id>901</wp:post_id>",
        f"<wp:post_id>901</wp:post_id>\n    <wp:attachment_url>{UPLOADS}/2024/03/"
        "crane.jpg</wp:attachment_url>",
    )
    return write(tmp_path, text)


def test_images_in_posts_come_from_the_uploads_folder(export, tmp_path, client, parse):
    uploads = tmp_path / "uploads"
    picture(uploads / "2024/03/pier.jpg")
    picture(uploads / "2024/03/crane.jpg", colour=(200, 120, 40))
    output = run_import(export, "--uploads-dir", str(uploads))
    assert Image.objects.count() == 2
    article = Article.objects.get(slug="at-the-pier")
    assert "/media/images/" in article.body and "pier-300x200" not in article.body
    page = parse(client.get(article.get_absolute_url()))
    shown = page.select_one(".article-body img") or page.find("img", alt="The pier")
    assert shown["src"].startswith("/media/images/")
    assert "480w" in shown["srcset"]
    assert client.get(shown["src"]).status_code == 200
    assert "attachments  1 imported" in output
    assert "passwd" in output and "not in the uploads folder" in output

    before = table_checksums()
    run_import(export, "--uploads-dir", str(uploads))
    assert table_checksums() == before


def test_without_the_uploads_folder_the_report_lists_the_images(export):
    output = run_import(export)
    assert "pier-300x200.jpg" in output and "crane.jpg" in output
    assert not Image.objects.exists()
    page_body = Article.objects.get(slug="at-the-pier").body_html
    assert "<img" not in page_body and "The pier" in page_body
