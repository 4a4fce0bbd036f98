"""Every write of images."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from broadsheet.core.renderer import ShownImage
from broadsheet.images.files import write_files
from broadsheet.images.models import Image
from broadsheet.images.processing import Processed
from broadsheet.pagecache.keys import key_for
from broadsheet.pagecache.purge import purge


def upload_image(
    processed: Processed, *, alt_text: str, credit: str = "", by: Any
) -> Image:
    """Store a processed upload (see `processing.process`); the same picture
    uploaded again is the same Image, its missing or damaged files written
    again. Raises PermissionDenied, or OSError when the files cannot be
    written (a full disk: nothing is saved, and uploading again completes)."""
    if by is not None and not by.has_perm("images.add_image"):
        raise PermissionDenied("Missing permission images.add_image.")
    image = stored_image(processed, alt_text=alt_text, credit=credit, by=by)
    existing = Image.objects.filter(digest=processed.digest).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        image.save()
    return image


def stored_image(
    processed: Processed, *, alt_text: str, credit: str = "", by: Any = None
) -> Image:
    """The Image for a processed upload, its files stored, the row not saved.

    Files first, each whole or absent (`files.write_files`) and on the disk
    before this returns: a row saved next never names a missing or partial
    file, and a failure or a crash between files leaves only whole files that
    no row names, which the same upload checks and completes. Raises OSError."""
    image = Image(
        digest=processed.digest,
        extension=processed.extension,
        width=processed.width,
        height=processed.height,
        widths=sorted(processed.variants),
        alt_text=alt_text,
        credit=credit,
        uploaded_by=by,
    )
    write_files({image.name(width): data for width, data in processed.variants.items()})
    return image


def update_image(image: Image, *, alt_text: str, credit: str, by: Any) -> Image:
    """Change an image's description or credit. Raises PermissionDenied."""
    if by is not None and not by.has_perm("images.change_image"):
        raise PermissionDenied("Missing permission images.change_image.")
    image.alt_text, image.credit = alt_text, credit
    with transaction.atomic():
        image.save(update_fields=["alt_text", "credit"])
        purge(key_for(image))  # link previews that use it
    return image


def delete_image(image: Image, *, by: Any) -> None:
    """Forget an image. Its files stay: named by content, a body or a feed
    reader may still point at them. Raises PermissionDenied."""
    if by is not None and not by.has_perm("images.delete_image"):
        raise PermissionDenied("Missing permission images.delete_image.")
    with transaction.atomic():
        key = key_for(image)
        image.delete()
        purge(key)


OUR_IMAGE = re.compile(
    r"^/media/images/(?P<prefix>[0-9a-f]{2})/(?P<digest>[0-9a-f]{64})-\d+\.(?:jpg|png)$"
)


def image_for_src(src: str) -> ShownImage | None:
    """Our stored image behind an address in a body, or None for anything else
    (other sites' images are not shown: no third parties)."""
    match = OUR_IMAGE.match(src or "")
    if match is None:
        return None
    image = Image.objects.filter(digest=match["digest"]).first()
    if image is None:
        return None
    return ShownImage(
        src=image.shown_url(),
        srcset=image.srcset(),
        width=image.width,
        height=image.height,
    )
