"""`broadsheet backup`: the running site into one archive.

The database is copied first, then the media are read: an image's files are
written whole before its row commits (`images.services.stored_image`), so every
image the copy knows has its files on disk by then. Files of images uploaded
after the copy may come along too; they are named by their content and do no
harm. A file appears under its name only whole, renamed from a temporary
(`images.files`); temporaries are left out, being partial or on their way.
"""

from __future__ import annotations

import errno
import gzip
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings

from broadsheet import conf, datadir
from broadsheet.backups import BackupError
from broadsheet.backups.archive import (
    CHUNK,
    ArchiveWriter,
    Manifest,
    archive_name,
    new_file,
    rotate,
)
from broadsheet.backups.databases import (
    POSTGRES_MEMBER,
    SQLITE_MEMBER,
    dump_postgres,
    remove_sqlite_files,
    snapshot_sqlite,
)
from broadsheet.images.files import is_temporary

FULL_DISK = {errno.ENOSPC, errno.EDQUOT}
# Level 1: on a database of 100,000 comments (156 MB), 34 MB in 1.8 s, where
# level 6 gave 29 MB in 5.9 s and level 9 28.5 MB in 8.9 s (bench/backup.py).
GZIP_LEVEL = 1


@dataclass
class Made:
    path: Path
    size: int
    media_files: int
    has_secret_key: bool
    seconds: float
    removed: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def broadsheet_version() -> str:
    try:
        return version("broadsheet")
    except PackageNotFoundError:
        return "unknown"


def make_backup(folder: Path, *, keep: int | None = None) -> Made:
    """Write one archive of the site (database, media, secret key) into
    `folder`, then remove all but the `keep` newest of ours there. Raises
    BackupError (a full disk, a missing pg_dump, a folder we cannot write)."""
    config = settings.CONFIG
    started = time.monotonic()
    folder = folder.expanduser().resolve()
    database = Path(settings.DATABASES["default"]["NAME"])
    if config.uses_sqlite and not database.exists():
        raise BackupError(f"There is no site to back up: {database} does not exist.")
    expected = _image_files()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        final = folder / archive_name(datetime.now(UTC))
        with ArchiveWriter(final) as writer:
            _add_database(writer, config, database, final)
            archived = _add_media(writer, Path(settings.MEDIA_ROOT))
            has_key = _add_secret_key(writer, config)
            writer.finish(
                Manifest(
                    created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                    broadsheet_version=broadsheet_version(),
                    database="sqlite" if config.uses_sqlite else "postgresql",
                    has_secret_key=has_key,
                )
            )
    except OSError as error:
        raise _written_error(error, folder) from None
    try:
        removed = rotate(folder, keep=keep) if keep else []
    except OSError as error:
        raise BackupError(
            f"{final} was written, but --keep could not remove "
            f"{error.filename} ({error.strerror})."
        ) from None
    return Made(
        path=final,
        size=final.stat().st_size,
        media_files=len(archived),
        has_secret_key=has_key,
        seconds=time.monotonic() - started,
        removed=removed,
        missing=sorted(expected - archived),
    )


def _written_error(error: OSError, folder: Path) -> BackupError:
    if error.errno in FULL_DISK:
        return BackupError(
            f"The disk holding {folder} is full: no archive was written."
        )
    return BackupError(
        f"The backup failed at {error.filename or folder} "
        f"({error.strerror or error}): no archive was written."
    )


def _image_files() -> set[str]:
    """The media files the images known now need (read before the copy)."""
    from django.db import Error

    from broadsheet.images.models import Image

    names = set()
    try:
        rows = list(Image.objects.values_list("digest", "extension", "widths"))
    except Error as error:
        raise BackupError(
            f"The database cannot be read: {str(error).strip().splitlines()[0]}."
        ) from None
    for digest, extension, widths in rows:
        image = Image(digest=digest, extension=extension)
        names.update(image.name(width) for width in widths)
    return names


def _add_database(
    writer: ArchiveWriter, config: conf.Config, database: Path, final: Path
) -> None:
    """Copy the database beside the archive (a private file: it holds
    commenters' addresses), add it, and remove the copy."""
    copy = final.with_name(f".{final.name}.database")
    try:
        if config.uses_sqlite:
            snapshot_sqlite(database, copy)
            packed = copy.with_name(copy.name + ".gz")
            try:
                with copy.open("rb") as source, new_file(packed) as raw:
                    with gzip.GzipFile(
                        fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0
                    ) as out:
                        shutil.copyfileobj(source, out, CHUNK)
                remove_sqlite_files(copy)
                _add_file(writer, SQLITE_MEMBER, packed)
            finally:
                packed.unlink(missing_ok=True)
        else:
            dump_postgres(config.database_url, copy)
            _add_file(writer, POSTGRES_MEMBER, copy)
    finally:
        remove_sqlite_files(copy)


def _add_file(writer: ArchiveWriter, name: str, path: Path) -> None:
    with path.open("rb") as source:
        writer.add(name, source, os.fstat(source.fileno()).st_size)


def _add_media(writer: ArchiveWriter, root: Path) -> set[str]:
    """Every media file, streamed; returns their names under `root`."""
    archived: set[str] = set()
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_symlink() or is_temporary(name):
                continue
            with path.open("rb") as source:
                size = os.fstat(source.fileno()).st_size
                if size == 0:
                    # What an older Broadsheet left of a failed write: no image
                    # is empty.
                    continue
                relative = path.relative_to(root).as_posix()
                writer.add(f"media/{relative}", source, size)
            archived.add(relative)
    return archived


def _add_secret_key(writer: ArchiveWriter, config: conf.Config) -> bool:
    """The data directory's key; none when BROADSHEET_SECRET_KEY gives it (the
    operator keeps that one with the rest of the configuration)."""
    if config.secret_key:
        return False
    _add_file(writer, "secret_key", config.data_dir / datadir.SECRET_KEY_FILE)
    return True
