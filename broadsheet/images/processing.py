"""Reading an uploaded image safely and writing it again at a few widths.

Pillow decodes the upload only after its size in bytes and pixels has been
checked, with its decompression-bomb warning turned into a refusal; the pixels
are then copied into a new image, so no metadata (EXIF location, camera, text
chunks) survives, and encoded again as JPEG, or PNG where there is transparency.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
WIDTHS = (480, 960, 1600)
LARGEST = 2400
FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
BOMBS = (PillowImage.DecompressionBombWarning, PillowImage.DecompressionBombError)


class ImageRejected(ValueError):
    """The upload is not an image we take; the message says why, for the person."""


@dataclass(frozen=True)
class Processed:
    digest: str
    width: int
    height: int
    extension: str  # "jpg" or "png"
    variants: dict[int, bytes]


def process(data: bytes) -> Processed:
    """Check, clean and resize an upload. Raises ImageRejected."""
    if len(data) > MAX_BYTES:
        raise ImageRejected(
            _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // 2**20}
        )
    image = _decoded(data)
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    clean = PillowImage.new(image.mode, image.size)
    clean.paste(image)
    width, height = clean.size
    largest = min(width, LARGEST)
    widths = sorted({w for w in WIDTHS if w < largest} | {largest})
    extension = "png" if has_alpha else "jpg"
    variants = {}
    for target in widths:
        sized = clean
        if target != width:
            sized = clean.resize(
                (target, max(1, round(height * target / width))),
                PillowImage.Resampling.LANCZOS,
            )
        out = io.BytesIO()
        if extension == "png":
            sized.save(out, "PNG", optimize=True)
        else:
            sized.save(out, "JPEG", quality=82, optimize=True, progressive=True)
        variants[target] = out.getvalue()
    return Processed(
        digest=hashlib.sha256(data).hexdigest(),
        width=largest,
        height=max(1, round(height * largest / width)),
        extension=extension,
        variants=variants,
    )


def _decoded(data: bytes) -> PillowImage.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
        try:
            with PillowImage.open(io.BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise ImageRejected(
                        _("Only JPEG, PNG, GIF and WebP images can be uploaded.")
                    )
                if probe.width * probe.height > MAX_PIXELS:
                    raise _too_many_pixels()
                probe.verify()
            image = PillowImage.open(io.BytesIO(data))
            image.load()
        except (
            PillowImage.DecompressionBombWarning,
            PillowImage.DecompressionBombError,
        ):
            raise _too_many_pixels() from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            if isinstance(error, ImageRejected):
                raise
            raise ImageRejected(
                _("This file is not an image that can be read (or it is damaged).")
            ) from None
    return image


def _too_many_pixels() -> ImageRejected:
    return ImageRejected(
        _("The image has more than %(million)d million pixels.")
        % {"million": MAX_PIXELS // 1_000_000}
    )
