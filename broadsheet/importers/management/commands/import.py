"""`broadsheet import wordpress FILE`: move a WordPress site in."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from broadsheet.core.outages import is_outage
from broadsheet.importers.disqus.transform import stage_disqus
from broadsheet.importers.exceptions import ImportRefused, stopped_by_outage
from broadsheet.importers.loading import load
from broadsheet.importers.report import Report
from broadsheet.importers.shards import (
    MOST_JOBS,
    can_fork,
    default_jobs,
    stage_wordpress_in_shards,
)
from broadsheet.importers.staging import Staging
from broadsheet.importers.uploads import Uploads
from broadsheet.importers.wordpress.reading import stage_wordpress

SOURCES = {
    "wordpress": "a WordPress export (WXR 1.0–1.2, Tools → Export)",
    "disqus": "a Disqus export (its comments, onto the articles here)",
}


class Command(BaseCommand):
    help = (
        "Import another site's export. Reads the whole file into a staging file "
        "first, then loads it in one transaction: all of it or nothing. Running "
        "it again with the same file changes nothing."
    )

    def add_arguments(self, parser) -> None:
        sources = parser.add_subparsers(dest="source", required=True, metavar="SOURCE")
        for name, what in SOURCES.items():
            command = sources.add_parser(name, help=f"import {what}")
            command.add_argument("file", type=Path, help=f"{what}")
            command.add_argument(
                "--dry-run",
                action="store_true",
                help="read, map and report what would be imported; write nothing",
            )
            if name == "wordpress":
                command.add_argument(
                    "--staff-accounts",
                    action="store_true",
                    help="also make a Contributors account for each author with an "
                    "e-mail, without a usable password (they set one through "
                    "“Forgot your password?”)",
                )
                command.add_argument(
                    "--jobs",
                    type=int,
                    metavar="N",
                    help="processes that read and convert the export side by side "
                    f"(default: one per core, at most {MOST_JOBS})",
                )
                command.add_argument(
                    "--uploads-dir",
                    type=Path,
                    help="a copy of the old site's wp-content/uploads: the images "
                    "the posts show (and the attachments) are imported into the "
                    "media, and the posts point at them",
                )
            command.add_argument(
                "--progress",
                action=argparse.BooleanOptionalAction,
                default=None,
                help="show the progress line and phases (default: on a terminal)",
            )
            command.add_argument(
                "--skip-broken",
                action="store_true",
                help="import the rest when an item cannot be read, and report it "
                "(without it, a broken item stops the import before anything is "
                "written)",
            )

    def handle(self, *args, **options) -> None:
        progress = options["progress"]
        if progress is None:
            progress = self.stderr.isatty()
        report = Report(out=self.stderr._out, progress=progress)
        data_dir = Path(settings.DATA_DIR)
        try:
            self._import(options, report, data_dir)
        except Exception as error:
            if not isinstance(error, ImportRefused):
                if not is_outage(error):
                    raise  # a mistake of ours: its traceback
                error = stopped_by_outage(error, data_dir)
            if progress:
                self.stderr.write("")  # ends the progress line
            self.stderr.write(f"broadsheet import: {error}")
            sys.exit(1)
        report.phase("done")
        for line in report.lines(dry_run=options["dry_run"]):
            self.stdout.write(line)

    def _import(self, options, report: Report, data_dir: Path) -> None:
        path: Path = options["file"]
        skip_broken = options["skip_broken"]
        _remove_stale_staging(data_dir)
        staging = Staging(data_dir / f"import-{os.getpid()}.staging")
        try:
            if options["source"] == "disqus":
                _migrate()
                articles = stage_disqus(path, staging, report, skip_broken=skip_broken)
                source = "disqus"
            else:
                articles = None
                site = _stage_wordpress(path, staging, report, options)
                source = site.get("base_blog_url") or site.get("base_site_url") or ""
                source = source.rstrip("/") or path.name
            for note in staging.notes():
                report.note(*note)
            load(
                staging,
                source=source,
                report=report,
                dry_run=options["dry_run"],
                articles=articles,
                staff_accounts=options.get("staff_accounts", False),
            )
        finally:
            staging.close()


def _stage_wordpress(path: Path, staging: Staging, report: Report, options) -> dict:
    folder: Path | None = options["uploads_dir"]
    if folder is not None and not folder.is_dir():
        raise ImportRefused(f"--uploads-dir {folder} is not a folder.")
    jobs = default_jobs() if options["jobs"] is None else options["jobs"]
    if jobs < 1:
        raise ImportRefused("--jobs must be at least 1.")
    jobs = min(jobs, MOST_JOBS)
    if jobs > 1 and can_fork():
        return stage_wordpress_in_shards(
            path,
            staging,
            report,
            jobs=jobs,
            skip_broken=options["skip_broken"],
            uploads_dir=folder,
            # A first import into a new data directory creates its database
            # while the export is read.
            meanwhile=_migrate,
        )
    _migrate()
    return stage_wordpress(
        path,
        staging,
        report,
        skip_broken=options["skip_broken"],
        uploads=Uploads(folder) if folder else None,
    )


def _migrate() -> None:
    call_command("migrate", interactive=False, verbosity=0)


def _remove_stale_staging(data_dir: Path) -> None:
    """Staging files of imports that were killed (their process is gone):
    import-<pid>.staging, and its shards' import-<pid>-<n>.staging."""
    for path in data_dir.glob("import-*.staging"):
        pid = path.stem.removeprefix("import-").split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            path.unlink(missing_ok=True)
