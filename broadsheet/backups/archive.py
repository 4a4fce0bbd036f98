"""The backup archive: one tar file, private (mode 0600) from its first byte.

Its members: the database (`database/broadsheet.sqlite3.gz`, a SQLite snapshot
compressed with gzip, or `database/postgresql.dump`, pg_dump's own compressed
format), every media file as it is (`media/…`: pictures are compressed
already), the secret key (`secret_key`) when the site keeps it in its data
directory, and last `manifest.json`: the format, when and by which Broadsheet
it was made, the database kind, and each member's size and SHA-256. The tar
itself is not compressed, so a restore finds the manifest without reading the
rest (see bench/backup.py for the sizes and times of both ways).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tarfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from broadsheet.backups import BackupError

FORMAT = 1
MANIFEST = "manifest.json"
# Only files with such a name are ours: `--keep` counts and removes no other.
OUR_NAME = re.compile(r"^broadsheet-backup-\d{8}T\d{6}Z\.tar$")
TOP_LEVEL = {"database", "media", "secret_key"}
CHUNK = 1 << 20


def archive_name(moment: datetime) -> str:
    """`broadsheet-backup-20250301T030000Z.tar` for a moment in UTC."""
    return f"broadsheet-backup-{moment:%Y%m%dT%H%M%SZ}.tar"


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass
class Manifest:
    created_at: str
    broadsheet_version: str
    database: str  # "sqlite" or "postgresql"
    has_secret_key: bool
    members: list[Member] = field(default_factory=list)
    format: int = FORMAT

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), indent=1).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Raises BackupError for anything but a manifest this version can read."""
        try:
            fields = json.loads(data)
            if fields.get("format") != FORMAT:
                raise BackupError(
                    f"The archive is in format {fields.get('format')!r}, which "
                    f"this Broadsheet does not read (it reads format {FORMAT})."
                )
            members = [Member(**member) for member in fields.pop("members")]
            manifest = cls(**fields, members=members)
        except (ValueError, TypeError, KeyError, AttributeError):
            raise BackupError(
                f"The archive is damaged: its {MANIFEST} cannot be read."
            ) from None
        if manifest.database not in {"sqlite", "postgresql"}:
            raise BackupError(f"The archive is damaged: its {MANIFEST} is wrong.")
        for member in manifest.members:
            _check_name(member.name)
        return manifest


def _check_name(name: str) -> None:
    """Refuse a member that would land outside the data directory."""
    path = PurePosixPath(name)
    if (
        path.is_absolute()
        or ".." in path.parts
        or not path.parts
        or path.parts[0] not in TOP_LEVEL
        or str(path) != name
    ):
        raise BackupError(f"The archive is damaged: it names a file {name!r}.")


class _Hashing:
    """A file object that hashes what is read through it."""

    def __init__(self, source: BinaryIO) -> None:
        self.source, self.hash, self.size = source, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.hash.update(data)
        self.size += len(data)
        return data


def new_file(path: Path, mode: int = 0o600) -> BinaryIO:
    """A new file, by default one only its owner may read: the mode is set as
    it is created, never loosened for a moment."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    return os.fdopen(descriptor, "wb")


class ArchiveWriter:
    """Members go into a private temporary file beside `final`, which `finish`
    renames into place: a failed backup leaves no archive under its name."""

    def __init__(self, final: Path) -> None:
        if final.exists():
            raise BackupError(f"{final} already exists.")
        self.final = final
        self.partial = final.with_name(f".{final.name}.partial")
        self.file = new_file(self.partial)
        self.tar = tarfile.open(fileobj=self.file, mode="w", format=tarfile.PAX_FORMAT)
        self.members: list[Member] = []

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if error is not None:
            self.abandon()

    def add(self, name: str, source: BinaryIO, size: int) -> Member:
        """Copy `size` bytes of `source` in, streamed, and note their hash."""
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, int(time.time())
        reader = _Hashing(source)
        self.tar.addfile(info, reader)  # raises OSError if `source` is short
        member = Member(name, size, reader.hash.hexdigest())
        self.members.append(member)
        return member

    def finish(self, manifest: Manifest) -> Path:
        manifest.members = list(self.members)
        data = manifest.to_bytes()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.rename(self.partial, self.final)
        _sync_folder(self.final.parent)
        return self.final

    def abandon(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass  # a full disk refuses the last buffer too; the file goes anyway
        self.partial.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _damaged(what: str) -> BackupError:
    return BackupError(f"The archive is damaged: {what}.")


def read_manifest(path: Path) -> Manifest:
    """The archive's manifest; raises BackupError for a missing, unreadable or
    damaged archive."""
    try:
        with tarfile.open(path, "r:") as tar:
            info = tar.getmember(MANIFEST)
            data = tar.extractfile(info).read()
    except KeyError:
        raise _damaged(f"it has no {MANIFEST} (is it a Broadsheet backup?)") from None
    except (tarfile.TarError, EOFError) as error:
        raise _damaged(f"{path.name} cannot be read as a tar file ({error})") from None
    except OSError as error:
        raise BackupError(f"{path} cannot be read ({error.strerror}).") from None
    return Manifest.from_bytes(data)


class Verified:
    """One member being read: `read` streams it, `check` (after the last read)
    raises BackupError naming the member when its bytes are not the manifest's."""

    def __init__(self, source: BinaryIO, member: Member) -> None:
        self.member, self._reader = member, _Hashing(source)

    def read(self, size: int = -1) -> bytes:
        try:
            return self._reader.read(size)
        except (tarfile.TarError, EOFError):
            raise _damaged(f"{self.member.name} is cut short") from None

    def check(self) -> None:
        while self.read(CHUNK):
            pass
        if (
            self._reader.size != self.member.size
            or self._reader.hash.hexdigest() != self.member.sha256
        ):
            raise _damaged(
                f"{self.member.name} does not match its SHA-256 in the manifest"
            )


def members(path: Path, manifest: Manifest) -> Iterator[Verified]:
    """Each member the manifest lists, to be read and checked in turn; raises
    BackupError when the archive holds other files or lacks one."""
    try:
        with tarfile.open(path, "r:") as tar:
            found = {info.name: info for info in tar.getmembers()}
            listed = {member.name for member in manifest.members}
            extra = sorted(set(found) - listed - {MANIFEST})
            if extra:
                raise _damaged(f"{extra[0]} is not in its manifest")
            for member in manifest.members:
                info = found.get(member.name)
                if info is None or not info.isfile():
                    raise _damaged(f"{member.name} is missing")
                yield Verified(tar.extractfile(info), member)
    except (tarfile.TarError, EOFError) as error:
        raise _damaged(f"{path.name} cannot be read as a tar file ({error})") from None


def ours(folder: Path) -> list[Path]:
    """Our archives in `folder`, oldest first (their names sort by time)."""
    return sorted(
        entry
        for entry in folder.iterdir()
        if OUR_NAME.match(entry.name) and entry.is_file() and not entry.is_symlink()
    )


def rotate(folder: Path, *, keep: int) -> list[Path]:
    """Remove all but the `keep` newest of our archives in `folder`."""
    removed = ours(folder)[:-keep]
    for path in removed:
        path.unlink()
    return removed
