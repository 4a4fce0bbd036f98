"""`broadsheet restore ARCHIVE`: a backup into an empty data directory."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from broadsheet.backups import BackupError
from broadsheet.backups.restoring import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `broadsheet backup` into the empty data "
        "directory BROADSHEET_DATA_DIR (and, with DATABASE_URL, into an empty "
        "PostgreSQL database), after checking every file's SHA-256 and the "
        "database; then empty the page store and purge the fronts. Run it with "
        "the site stopped."
    )
    # The database may not exist yet: nothing may touch it before the restore.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="a broadsheet-backup-*.tar file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore into a data directory that is not empty: its "
            "database, media, secret key and page store are replaced (never "
            "used for a PostgreSQL database that has tables)",
        )

    def handle(self, *args, archive: Path, force: bool, **options) -> None:
        try:
            restored = restore_backup(archive, force=force)
        except BackupError as error:
            self.stderr.write(f"broadsheet restore: {error}")
            sys.exit(1)
        manifest = restored.manifest
        self.stdout.write(
            f"Restored the site backed up at {manifest.created_at} (Broadsheet "
            f"{manifest.broadsheet_version}, {len(manifest.members)} files, every "
            "SHA-256 checked)."
        )
        for note in restored.notes:
            self.stdout.write(note)
        for warning in restored.warnings:
            self.stderr.write(f"WARNING: {warning}")
