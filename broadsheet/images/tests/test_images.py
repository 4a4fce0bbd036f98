"""Uploads: cleaned, resized, refused with a reason; shown with srcset."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from broadsheet.images import forms as image_forms
from broadsheet.images.models import Image
from broadsheet.publishing import services
from broadsheet.staff.roles import EDITORS
from broadsheet.testing.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db


def picture(size=(2000, 1200), fmt="JPEG", mode="RGB", exif=True) -> bytes:
    image = PillowImage.new(mode, size, (40, 90, 140) if mode == "RGB" else 0)
    out = io.BytesIO()
    extra = {}
    if exif and fmt == "JPEG":
        tags = PillowImage.Exif()
        tags[0x010F] = "InventedCameraMaker"
        tags[0x0131] = "SecretEditingSoftware"
        extra["exif"] = tags.tobytes()
    image.save(out, fmt, **extra)
    return out.getvalue()


@pytest.fixture
def editor(client):
    user = StaffFactory(username="editor", role=EDITORS)
    client.force_login(user)
    return user


def upload(client, data: bytes, name="harbour.jpg", alt="Boats in the harbour"):
    return client.post(
        "/admin/images/image/add/",
        {"file": SimpleUploadedFile(name, data), "alt_text": alt, "credit": ""},
    )


def test_an_upload_is_stored_cleaned_at_several_widths(client, editor):
    response = upload(client, picture())
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.widths == [480, 960, 1600, 2000]
    assert (image.width, image.height) == (2000, 1200)
    for width in image.widths:
        stored = default_storage.open(image.name(width)).read()
        assert b"InventedCameraMaker" not in stored
        assert b"SecretEditingSoftware" not in stored
        with PillowImage.open(io.BytesIO(stored)) as variant:
            assert variant.width == width
            assert not dict(variant.getexif())
    served = client.get(image.url(960))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_transparent_png_stays_a_png(client, editor):
    assert (
        upload(client, picture((300, 200), "PNG", "RGBA"), "logo.png").status_code
        == 302
    )
    image = Image.objects.get()
    assert image.extension == "png" and image.widths == [300]


def test_the_same_picture_uploaded_twice_is_one_image(client, editor):
    data = picture((600, 400))
    upload(client, data)
    upload(client, data, alt="Again")
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text, not a picture", "not an image that can be read"),
        (picture()[:500], "not an image that can be read"),
        (picture((8000, 6000), "PNG", "1"), "more than 40 million pixels"),
    ],
)
def test_a_bad_upload_is_refused_with_a_message_and_nothing_stored(
    client, parse, editor, data, message
):
    response = upload(client, data)
    assert response.status_code == 400
    assert message in parse(response).get_text()
    assert not Image.objects.exists()


def test_pillows_bomb_warning_is_a_refusal(client, parse, editor, monkeypatch):
    monkeypatch.setattr(PillowImage, "MAX_IMAGE_PIXELS", 1_000_000)
    response = upload(client, picture((1200, 1000), "PNG", "1"))
    assert response.status_code == 400
    assert "more than 40 million pixels" in parse(response).get_text()


def test_an_upload_over_the_size_cap_is_refused(client, parse, editor, monkeypatch):
    monkeypatch.setattr(image_forms, "MAX_BYTES", 1000)
    response = upload(client, picture())
    assert response.status_code == 400
    assert "larger than" in parse(response).get_text()


def test_alt_text_is_required_and_the_form_keeps_what_was_typed(client, parse, editor):
    response = client.post(
        "/admin/images/image/add/",
        {
            "file": SimpleUploadedFile("a.jpg", picture()),
            "alt_text": "",
            "credit": "Mo",
        },
    )
    assert response.status_code == 400
    page = parse(response)
    assert "This field is required" in page.get_text()
    assert page.find("input", attrs={"name": "credit"})["value"] == "Mo"
    assert not Image.objects.exists()


def test_a_body_shows_our_images_with_srcset_and_drops_others(client, editor):
    upload(client, picture())
    image = Image.objects.get()
    article = ArticleFactory(
        body=f"Before.\n\n{image.markdown()}\n\n![A tracker](https://ads.example.com/p.gif)"
    )
    html = article.body_html
    (tag,) = re.findall(r"<img [^>]+>", html)
    assert 'alt="Boats in the harbour"' in tag
    assert f"{image.url(480)} 480w" in tag and f"{image.url(2000)} 2000w" in tag
    assert 'width="2000"' in tag and 'height="1200"' in tag
    assert 'loading="lazy"' in tag and "sizes=" in tag
    assert "ads.example.com" not in html and "A tracker" in html
    assert tag in client.get(article.get_absolute_url()).content.decode()


def test_a_shared_image_is_in_the_link_preview_and_structured_data(client, editor):
    upload(client, picture())
    article = ArticleFactory()
    article.social_image = Image.objects.get()
    services.save_article(article, by=editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert re.search(r'<meta property="og:image" content="http[^"]+-2000\.jpg">', page)
    assert '"image": ["http' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_an_unknown_image_address_is_a_404(client):
    assert client.get(f"/media/images/ab/{'ab' * 32}-480.jpg").status_code == 404
    assert client.get(f"/media/images/cd/{'ab' * 32}-480.jpg").status_code == 404
