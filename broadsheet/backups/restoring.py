"""`broadsheet restore`: an archive into an empty data directory (and, for a
site on PostgreSQL, an empty database).

Every member is written into a folder of its own inside the data directory
(`.restoring`) and checked against its SHA-256 there, the SQLite database
against `PRAGMA integrity_check` too; only when all are sound do they move into
place. A restore refused or failed (a damaged archive, a full disk) leaves
the data directory as it was found, without even what the command made on its
way in (`target.put_back`). A site running on the data directory holds its
lock (`lock`): the restore refuses it rather than replace a database under
it. The page store is never restored: pages are rendered again from the restored
database, and the stores and fronts that may still hold the old site's pages
are emptied afterwards.
"""

from __future__ import annotations

import errno
import gzip
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections

from broadsheet import conf, datadir
from broadsheet.backups import BackupError
from broadsheet.backups.archive import (
    CHUNK,
    Manifest,
    Verified,
    members,
    new_file,
    read_manifest,
)
from broadsheet.backups.databases import (
    KIND_NAMES,
    POSTGRES_MEMBER,
    SQLITE_MEMBER,
    integrity_problem,
    postgres_tables,
    restore_postgres,
)
from broadsheet.backups.lock import LOCK_FILE, Busy, take_alone
from broadsheet.backups.target import found_before_start, put_back

STAGING = ".restoring"
DATABASE_FILE = "broadsheet.sqlite3"


@dataclass
class Restored:
    manifest: Manifest
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def restore_backup(archive: Path, *, force: bool = False) -> Restored:
    """Put the site in `archive` into the configured data directory (and
    database), then empty the page store and the fronts. Raises BackupError
    when the target is not empty (and not `force`), the archive is damaged or
    of the other database kind, or the database cannot be restored."""
    data_dir = settings.CONFIG.data_dir
    holding = False
    try:
        _claim(data_dir)
        holding = True
        return _restore(archive, data_dir, force=force)
    except BaseException:
        put_back(data_dir, also=(LOCK_FILE,) if holding else ())
        raise


def _claim(data_dir: Path) -> None:
    """The data directory's lock, alone; raises BackupError while anything
    else (a running site) holds it."""
    try:
        take_alone(data_dir)
    except Busy as busy:
        raise BackupError(
            f"A site is running on the data directory {data_dir} ({busy}): stop "
            "it first, or it would go on writing into the database the restore "
            "replaces."
        ) from None
    except OSError as error:
        raise BackupError(
            f"The data directory {data_dir} cannot be locked "
            f"({error.strerror or error}): nothing was restored."
        ) from None


def _restore(archive: Path, data_dir: Path, *, force: bool) -> Restored:
    config = settings.CONFIG
    found = found_before_start(data_dir)
    if found and not force:
        raise BackupError(
            f"The data directory {data_dir} is not empty (it holds "
            f"{', '.join(found[:4])}{', …' if len(found) > 4 else ''}): restore "
            "into an empty one, or add --force to replace its database, media "
            "and secret key."
        )
    manifest = read_manifest(archive)
    kind = "sqlite" if config.uses_sqlite else "postgresql"
    if manifest.database != kind:
        raise BackupError(
            f"The archive holds a {KIND_NAMES[manifest.database]} database but "
            f"this site is configured for {KIND_NAMES[kind]} (DATABASE_URL is "
            f"{'empty' if kind == 'sqlite' else 'set'}); restore it with the "
            "same kind of database it was made from."
        )
    if kind == "postgresql":
        _check_empty_database()
    staging = data_dir / STAGING
    restored = Restored(manifest)
    try:
        try:
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(mode=0o700)
            _extract(archive, manifest, staging)
            _check_or_restore_database(config, staging, kind=kind)
        except OSError as error:
            raise _unwritten(error, data_dir) from None
        restored.notes.extend(_key_notes(config, manifest, staging))
        _put_in_place(staging, data_dir, kind=kind)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _empty_caches(config, restored)
    return restored


def _unwritten(error: OSError, data_dir: Path) -> BackupError:
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return BackupError(
            f"The disk holding {data_dir} is full: nothing was restored."
        )
    return BackupError(
        f"The restore failed at {error.filename or data_dir} "
        f"({error.strerror or error}): nothing was restored."
    )


def _check_or_restore_database(config: conf.Config, staging: Path, *, kind: str):
    """SQLite's integrity check on the copy, or pg_restore into the database."""
    if kind == "postgresql":
        restore_postgres(config.database_url, staging / "postgresql.dump")
        return
    problem = integrity_problem(staging / DATABASE_FILE)
    if problem:
        raise BackupError(
            "The archive is damaged: its database fails SQLite's integrity "
            f"check ({problem})."
        )


def _check_empty_database() -> None:
    from django.db import Error

    try:
        tables = postgres_tables()
    except Error as error:
        raise BackupError(
            f"The database cannot be reached: {str(error).strip().splitlines()[0]}."
        ) from None
    if tables:
        name = settings.DATABASES["default"]["NAME"]
        raise BackupError(
            f"The database {name} already has tables ({len(tables)}, e.g. "
            f"{sorted(tables)[0]}): restore into an empty database (createdb a "
            "new one and point DATABASE_URL at it)."
        )


def _extract(archive: Path, manifest: Manifest, staging: Path) -> None:
    """Every member into `staging`, each checked against its hash."""
    for member in members(archive, manifest):
        name = member.member.name
        if name == SQLITE_MEMBER:
            destination = staging / DATABASE_FILE
        elif name == POSTGRES_MEMBER:
            destination = staging / "postgresql.dump"
        else:
            destination = staging / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        # Media are public pictures (an nginx in front may serve them from
        # disk); the database and the key stay private.
        mode = 0o644 if name.startswith("media/") else 0o600
        with new_file(destination, mode) as out:
            if name == SQLITE_MEMBER:
                _gunzip(member, out)
            else:
                shutil.copyfileobj(member, out, CHUNK)
        member.check()


def _gunzip(member: Verified, out) -> None:
    try:
        with gzip.GzipFile(fileobj=member, mode="rb") as unpacked:
            shutil.copyfileobj(unpacked, out, CHUNK)
    except (gzip.BadGzipFile, EOFError, zlib.error):
        # (A full disk while writing raises OSError, and is not the archive's.)
        member.check()  # names the member when its bytes are not the manifest's
        raise BackupError(
            f"The archive is damaged: {member.member.name} cannot be unpacked."
        ) from None


def _key_notes(config: conf.Config, manifest: Manifest, staging: Path) -> list[str]:
    if not manifest.has_secret_key:
        return [
            "The archive holds no secret key: the site signed with "
            "BROADSHEET_SECRET_KEY, so give the restored site the same value."
        ]
    archived = (staging / "secret_key").read_text().strip()
    if config.secret_key and config.secret_key != archived:
        return [
            "BROADSHEET_SECRET_KEY is set and is not the archived key (restored "
            "into secret_key): the site signs with the variable's, so links "
            "signed before the backup stop working; unset it to use the archive's."
        ]
    return []


def _put_in_place(staging: Path, data_dir: Path, *, kind: str) -> None:
    """Move the checked files into the data directory, replacing what a
    `--force` restore found there, and drop the old page store."""
    connections.close_all()
    # A page store left from before holds the old site's pages.
    for path in data_dir.glob("cache.sqlite3*"):
        path.unlink()
    if kind == "sqlite":
        # A -wal file left beside a new database would be replayed into it.
        for suffix in ("-wal", "-shm", ""):
            (data_dir / f"{DATABASE_FILE}{suffix}").unlink(missing_ok=True)
        (staging / DATABASE_FILE).replace(data_dir / DATABASE_FILE)
    media = data_dir / "media"
    if media.exists():
        shutil.rmtree(media)
    if (staging / "media").exists():
        (staging / "media").replace(media)
    if (staging / "secret_key").exists():
        (staging / "secret_key").replace(data_dir / datadir.SECRET_KEY_FILE)


def _empty_caches(config: conf.Config, restored: Restored) -> None:
    """Empty the page store in Redis (the one in the data directory is gone
    already) and every front, saying loudly which could not be emptied."""
    if config.cache_url:
        from broadsheet.pagecache.stores import StoreUnavailable

        try:
            count = _empty_redis_pages(config.cache_url)
            restored.notes.append(f"Emptied the page store in Redis ({count} pages).")
        except StoreUnavailable as error:
            restored.warnings.append(
                f"The page store in Redis could not be emptied ({error}): it may "
                "serve the old site's pages for up to "
                f"{config.page_cache_lifetime} s; empty it by hand "
                "(docs/operating.md, Emptying the fronts by hand)."
            )
    from http.client import HTTPException

    from broadsheet.pagecache.wiring import get_fronts

    for spec, front in zip(config.purge_fronts, get_fronts(), strict=True):
        try:
            purged = front.purge_all()
        except (OSError, HTTPException) as error:
            purged, why = False, f"{error}"
        else:
            why = "it cannot drop every page by request"
        if purged:
            restored.notes.append(f"Purged every page from the front {spec}.")
        else:
            restored.warnings.append(
                f"The front {spec} was NOT purged ({why}): it may serve the old "
                "site's pages until they expire; empty its cache by hand "
                "(docs/operating.md, Emptying the fronts by hand)."
            )


def _empty_redis_pages(url: str) -> int:
    """Delete every page and address index of the page store in Redis, then
    purge every page, so that no process keeps serving a page it holds in
    memory and no render of the old site begun meanwhile is stored. Raises
    StoreUnavailable."""
    import redis

    from broadsheet.pagecache.redis_store import PREFIX, RedisStore
    from broadsheet.pagecache.stores import StoreUnavailable

    store = RedisStore(url, lifetime=1)

    def delete(pattern: str) -> int:
        deleted = 0
        batch: list[bytes] = []
        for key in store.client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) == 1000:
                deleted += store.client.delete(*batch)
                batch = []
        return deleted + (store.client.delete(*batch) if batch else 0)

    try:
        pages = delete(PREFIX + "e:*")
        delete(PREFIX + "u:*")
    except (redis.RedisError, OSError) as error:
        raise StoreUnavailable(str(error)) from error
    store.purge_all()
    return pages
