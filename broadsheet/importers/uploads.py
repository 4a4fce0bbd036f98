"""Images from a copy of the old site's uploads folder (WordPress's
`wp-content/uploads`), brought into our media so imported bodies show them.

The files are stored while staging: they are named by their content, so an
import that stops later leaves only files the same import would write again.
The Image rows are written with the rest, in the load's transaction.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from broadsheet.core.renderer import ShownImage
from broadsheet.images.models import Image
from broadsheet.images.processing import ImageRejected, process
from broadsheet.images.services import OUR_IMAGE, image_for_src, stored_image

UPLOADS = "/wp-content/uploads/"
# WordPress's resized copies: photo-300x200.jpg next to photo.jpg.
SIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z]+$)")


class Uploads:
    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.images: dict[str, Image] = {}  # by the address in the export
        self.staged: dict[str, Image] = {}  # by digest, to be written
        self.problems: list[tuple[str, str]] = []
        self.new: list[Image] = []  # stored since the last stage()

    def file_for(self, address: str) -> Path | None:
        path = unquote(urlsplit(address).path)
        if UPLOADS not in path:
            return None
        relative = path.split(UPLOADS, 1)[1]
        for candidate in (SIZED.sub("", relative), relative):
            found = (self.folder / candidate).resolve()
            # Never outside the folder, whatever the export's addresses say.
            if found.is_relative_to(self.folder) and found.is_file():
                return found
        return None

    def image(self, address: str, alt: str) -> Image | None:
        """Our Image for an address in the export (stored now, saved at load)."""
        if address in self.images:
            return self.images[address]
        path = self.file_for(address)
        if path is None:
            if UPLOADS in address:
                self.problems.append((address, "not in the uploads folder"))
            return None
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        image = self.staged.get(digest) or Image.objects.filter(digest=digest).first()
        if image is None:
            try:
                processed = process(data)
            except ImageRejected as rejected:
                self.problems.append((address, str(rejected)))
                return None
            image = stored_image(processed, alt_text=(alt or path.stem)[:300])
            self.staged[digest] = image
            self.new.append(image)
        self.images[address] = image
        return image

    def rewrite(self, markdown: str, images: list[tuple[str, str]]) -> str:
        """The body with each uploaded image's address replaced by ours."""
        for address, alt in images:
            image = self.image(address, alt)
            if image is not None:
                markdown = markdown.replace(f"]({address}", f"]({image.shown_url()}")
        return markdown

    def resolver(self, src: str) -> ShownImage | None:
        """image_for_src, knowing the images not saved yet."""
        ours = OUR_IMAGE.match(src or "")
        image = self.staged.get(ours["digest"]) if ours else None
        if image is None:
            return image_for_src(src)
        return ShownImage(
            src=src, srcset=image.srcset(), width=image.width, height=image.height
        )

    def stage(self, staging) -> None:
        """The Image rows stored since the last call, for the load to write, and
        the addresses that could not be brought, as notes. Called after each
        item, so both are staged at that item's place in the file."""
        for image in self.new:
            staging.add(
                "image",
                image.digest,
                {
                    "extension": image.extension,
                    "width": image.width,
                    "height": image.height,
                    "widths": image.widths,
                    "alt_text": image.alt_text,
                },
                fallback=True,
            )
        self.new.clear()
        for address, problem in self.problems:
            staging.note("listed", "image", address, problem)
        self.problems.clear()
