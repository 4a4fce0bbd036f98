"""`broadsheet backup FOLDER`: the running site into one private archive."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from broadsheet.backups import BackupError
from broadsheet.backups.making import make_backup


def _at_least_one(value: str) -> int:
    import argparse

    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a whole number of at least 1")
    return number


class Command(BaseCommand):
    help = (
        "Write the site (a consistent copy of the database, every media file "
        "and the secret key) into one archive in FOLDER, readable by its owner "
        "only, while the site runs. Restore it with `broadsheet restore`."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "folder",
            type=Path,
            help="where to write broadsheet-backup-<UTC time>.tar (made, mode "
            "0700, if missing)",
        )
        parser.add_argument(
            "--keep",
            type=_at_least_one,
            metavar="N",
            help="then remove all but the N newest broadsheet-backup-*.tar "
            "archives in FOLDER (no other file is counted or touched); for a "
            "daily timer",
        )

    def handle(self, *args, folder: Path, keep: int | None, **options) -> None:
        try:
            made = make_backup(folder, keep=keep)
        except BackupError as error:
            self.stderr.write(f"broadsheet backup: {error}")
            sys.exit(1)
        parts = ["the database", f"{made.media_files} media files"]
        if made.has_secret_key:
            parts.append("the secret key")
        self.stdout.write(
            f"Wrote {made.path} ({made.size / 2**20:.1f} MB: {', '.join(parts)}) "
            f"in {made.seconds:.1f} s."
        )
        for path in made.removed:
            self.stdout.write(f"Removed {path} (--keep {keep}).")
        if made.missing:
            self.stderr.write(
                f"Warning: {len(made.missing)} files of images were missing from "
                f"the media folder (the site answers 404 for them too), such as "
                f"{made.missing[0]}."
            )
