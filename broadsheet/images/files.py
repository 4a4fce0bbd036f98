"""An image's files on disk: each one whole under its name, or not there.

A width is written to a temporary file in its own folder, flushed to the disk
and renamed into place, so a full disk, a crash or kill -9 in the middle of a
write leaves no partial file under an image's name: at most a temporary, which
is never served (its name is no image's), never backed up, and removed by
`broadsheet check_media --remove`. A file already under the name is kept only
if it holds exactly the bytes we would write; anything else is replaced, so an
upload again repairs what a failure, or an older version, left broken.

We write files ourselves rather than through `FileSystemStorage.save`: it
writes in place (a failure leaves the part it wrote) and, finding the name
taken, saves under another name instead of checking what is there.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.core.files.storage import default_storage
from PIL import Image as PillowImage

from broadsheet.images.models import Image

# How a temporary starts: a hidden name, which no image's name is.
TEMPORARY = ".writing-"


def write_files(files: Mapping[str, bytes]) -> None:
    """Make each media file named in `files` hold exactly its bytes, writing
    those that do not already. When this returns, the files and their names
    are on the disk (fsync), so a row saved next never names a file that a
    power cut could take back. Raises OSError (a full disk, say), leaving each
    file whole as before or whole as new."""
    folders: set[Path] = set()
    for name, data in files.items():
        path = Path(default_storage.path(name))
        if _holds(path, data):
            continue
        folders.update(_made_folders(path.parent))
        _write_whole(path, data)
        folders.add(path.parent)
    for folder in folders:
        _sync_folder(folder)


def _holds(path: Path, data: bytes) -> bool:
    try:
        with path.open("rb") as existing:
            if os.fstat(existing.fileno()).st_size != len(data):
                return False
            return existing.read() == data
    except FileNotFoundError:
        return False


def _write_whole(path: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(
        prefix=f"{TEMPORARY}{path.name}.", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes it private; images are public, as the storage would
        # leave them (FILE_UPLOAD_PERMISSIONS, 0o644 by default).
        os.chmod(temporary, default_storage.file_permissions_mode or 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _made_folders(folder: Path) -> list[Path]:
    """Make `folder` and any missing parents; returns the parents whose
    entries changed (each new folder's parent), for syncing."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        if default_storage.directory_permissions_mode is not None:
            os.chmod(new, default_storage.directory_permissions_mode)
    return [new.parent for new in missing]


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def is_temporary(name: str) -> bool:
    """Whether a file name (without its folder) is one of our temporaries."""
    return name.startswith(TEMPORARY)


# A temporary older than this was left by a write that was interrupted (a
# write takes well under a second); a younger one may be being written now.
ABANDONED_AFTER = 600
# What each of our encodings ends with: a file cut short lacks it.
END_MARKERS = {"jpg": b"\xff\xd9", "png": b"IEND\xaeB`\x82"}


class Problem(StrEnum):
    DAMAGED = "damaged: it does not decode to its end"
    MISSING = "missing"
    LEFT_OVER = "left over from an interrupted write"


@dataclass(frozen=True)
class Finding:
    name: str  # under the media folder, as Image.name() gives it
    problem: Problem
    image: Image | None  # the image whose row names the file, if any


def find_problems() -> list[Finding]:
    """The files under media/images that are not whole images (left-over
    temporaries, files cut short) and the files that image rows name but are
    missing. Reads and decodes every file."""
    named = {
        image.name(width): image
        for image in Image.objects.all()
        for width in image.widths
    }
    root = Path(default_storage.path("images"))
    findings, seen = [], set()
    for folder, folders, filenames in os.walk(root):
        folders.sort()
        for filename in sorted(filenames):
            path = Path(folder, filename)
            name = path.relative_to(root.parent).as_posix()
            seen.add(name)
            if is_temporary(filename):
                if time.time() - path.stat().st_mtime > ABANDONED_AFTER:
                    findings.append(Finding(name, Problem.LEFT_OVER, None))
            elif not is_whole(path):
                findings.append(Finding(name, Problem.DAMAGED, named.get(name)))
    findings.extend(
        Finding(name, Problem.MISSING, image)
        for name, image in named.items()
        if name not in seen
    )
    return findings


def remove_file(name: str) -> None:
    """Remove a damaged or left-over file (see `find_problems`)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(default_storage.path(name))


def is_whole(path: Path) -> bool:
    """Whether the file is a whole picture: it ends as its encoding ends, and
    Pillow decodes it to its last pixel."""
    data = path.read_bytes()
    if not data.endswith(END_MARKERS.get(path.suffix[1:], b"")):
        return False
    try:
        with PillowImage.open(io.BytesIO(data)) as decoded:
            decoded.load()
    except (OSError, SyntaxError, ValueError, PillowImage.DecompressionBombError):
        return False
    return True
