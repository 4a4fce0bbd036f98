"""An image's files are whole or absent, whatever fails; an upload again
repairs what a failure (or an older version) left behind."""

from __future__ import annotations

import io
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from PIL import Image as PillowImage

from broadsheet.images.models import Image
from broadsheet.images.processing import process
from broadsheet.staff.roles import EDITORS
from broadsheet.testing.factories import StaffFactory
from tests.own_services import fill_disk, small_filesystem

pytestmark = pytest.mark.django_db


def noisy_picture() -> bytes:
    """A 1000 × 700 JPEG of 630 KB: noise does not compress, so each width is
    large enough for a small disk to fill in the middle of one."""
    size = (1000, 700)
    noise = random.Random(13).randbytes(size[0] * size[1] * 3)
    out = io.BytesIO()
    PillowImage.frombytes("RGB", size, noise).save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def editor() -> Client:
    # An outage is answered by our handler500, as `broadsheet serve` answers it.
    client = Client(raise_request_exception=False)
    client.force_login(StaffFactory(username="editor", role=EDITORS))
    return client


def keep_media_in(settings, folder: Path) -> Path:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder / "media", "base_url": "/media/"},
        },
    }
    return folder / "media"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    return keep_media_in(settings, tmp_path)


@pytest.fixture
def small_disk(settings) -> Iterator[Path]:
    with small_filesystem(2) as folder:
        keep_media_in(settings, folder)
        yield folder


def upload(client: Client, data: bytes):
    return client.post(
        "/admin/images/image/add/",
        {
            "file": SimpleUploadedFile("harbour.jpg", data),
            "alt_text": "Boats in the harbour",
            "credit": "",
        },
    )


def stored_files(media: Path) -> dict[str, bytes]:
    return {
        path.name: path.read_bytes()
        for path in sorted((media / "images").rglob("*"))
        if path.is_file()
    }


def assert_whole(files: dict[str, bytes], variants: dict[int, bytes]) -> None:
    """Every file is one of the widths, with the very bytes of that width, and
    decodes to its end."""
    by_name = {f"-{width}.jpg": data for width, data in variants.items()}
    for name, data in files.items():
        ending = name[name.rindex("-") :]
        assert ending in by_name, f"{name} is not a file of the image"
        assert data == by_name[ending], f"{name} holds {len(data)} other bytes"
        with PillowImage.open(io.BytesIO(data)) as decoded:
            decoded.load()


def test_an_upload_that_fills_the_disk_leaves_no_partial_file_and_again_completes(
    editor, small_disk
):
    data = noisy_picture()
    variants = process(data).variants
    media = small_disk / "media"
    # Room for the 480 width and half the 960 one.
    filler = fill_disk(
        small_disk, leave_bytes=len(variants[480]) + len(variants[960]) // 2
    )

    response = upload(editor, data)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert not Image.objects.exists()
    half_set = stored_files(media)
    assert len(half_set) < len(variants)
    assert_whole(half_set, variants)

    filler.unlink()
    assert upload(editor, data).status_code == 302
    image = Image.objects.get()
    files = stored_files(media)
    assert len(files) == len(variants) == len(image.widths)
    assert_whole(files, variants)
    for width in image.widths:
        served = editor.get(image.url(width))
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == variants[width]
    assert not list(media.rglob(".*"))  # no temporary left behind


def test_uploading_again_rewrites_a_file_cut_short_or_missing(editor, media):
    data = noisy_picture()
    variants = process(data).variants
    assert upload(editor, data).status_code == 302
    image = Image.objects.get()
    # What an older version left after a full disk, and a file lost since.
    cut = media / image.name(960)
    cut.write_bytes(variants[960][:65536])
    (media / image.name(480)).unlink()

    assert upload(editor, data).status_code == 302
    assert Image.objects.get() == image
    files = stored_files(media)
    assert len(files) == len(variants)
    assert_whole(files, variants)


def test_check_media_names_bad_files_and_the_picture_to_upload_again(editor, media):
    data = noisy_picture()
    assert upload(editor, data).status_code == 302
    image = Image.objects.get()
    cut = media / image.name(960)
    cut.write_bytes(cut.read_bytes()[:-2000])
    (media / image.name(480)).unlink()
    # A temporary left by kill -9 in the middle of a write, an hour ago.
    left = cut.with_name(f".writing-{cut.name}.k7x2")
    left.write_bytes(b"\xff\xd8 half a picture")
    os.utime(left, (time.time() - 3600,) * 2)

    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("check_media", "--remove", stdout=out)
    assert exited.value.code == 1
    report = out.getvalue()
    assert f"{image.name(960)}: damaged" in report
    assert f"{image.name(480)}: missing" in report
    assert "left over from an interrupted write" in report
    assert "Upload the picture “Boats in the harbour”" in report
    assert not cut.exists() and not left.exists()

    assert upload(editor, data).status_code == 302
    out = io.StringIO()
    call_command("check_media", stdout=out)
    assert out.getvalue() == "Every image file is whole.\n"
