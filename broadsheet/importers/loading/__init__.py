"""Staged rows into the site, in one transaction: the import commits whole or
not at all. Everything slow (parsing, converting, rendering) happened before,
while staging; here are only lookups and inserts, so the write lock is held
briefly and readers' comment posts wait for it instead of failing.

Each object brought in is recorded (ImportedObject) with a digest of what it
was imported from. Importing the same file again finds every digest unchanged
and writes nothing; an updated export updates what changed, except objects
edited here since the import, which are reported as conflicts and left alone.
"""

from __future__ import annotations

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from broadsheet.discussion.tasks import refresh_cards
from broadsheet.importers.loading.articles import ArticleLoading
from broadsheet.importers.loading.comments import CommentLoading
from broadsheet.importers.loading.pages import PageLoading
from broadsheet.importers.loading.terms import TermLoading
from broadsheet.importers.models import ImportedObject
from broadsheet.importers.report import Report
from broadsheet.importers.staging import Staging
from broadsheet.pagecache.keys import SITE
from broadsheet.pagecache.purge import purge
from broadsheet.publishing.keys import SITEMAP_ARTICLES, SITEMAP_INDEX
from broadsheet.publishing.models import Author, Section, Tag
from broadsheet.staff.roles import CONTRIBUTORS

User = get_user_model()
Kind = ImportedObject.Kind
SITEMAPS = [SITEMAP_ARTICLES, SITEMAP_INDEX] + [
    f"sitemap:{name}s" for name in ("section", "tag", "author", "page")
]


class DryRun(Exception):
    """Raised inside the transaction of a dry run, so that it rolls back."""


def load(
    staging: Staging,
    *,
    source: str,
    report: Report,
    dry_run: bool,
    articles: dict[str, int] | None = None,
    staff_accounts: bool = False,
) -> bool:
    """Bring the staged rows into the site; True when anything changed.

    `articles` (thread key → article ID) loads only comments, onto articles
    already here (a Disqus import)."""
    loader = Loader(staging, source, report)
    started = time.monotonic()
    try:
        with transaction.atomic():
            if articles is None:
                loader.run()
                if staff_accounts:
                    loader.staff_accounts()
            else:
                loader.ids[Kind.ARTICLE] = articles
                loader.report.phase("loading comments")
                loader._comments()
            if dry_run:
                raise DryRun
            if loader.changed:
                purge(SITE, *SITEMAPS)
                # Comment cards are a cache of each comment's HTML; until the
                # worker has made them, threads render the missing ones.
                refresh_cards.enqueue()
    except DryRun:
        return False
    finally:
        report.load_seconds = time.monotonic() - started
    return loader.changed


class Loader(TermLoading, ArticleLoading, PageLoading, CommentLoading):
    """One import's load: what it brought, by kind and old ID (`ids`), the old
    addresses to redirect, and whether anything changed. Each kind is loaded by
    one of its parts."""

    def __init__(self, staging: Staging, source: str, report: Report) -> None:
        self.staging = staging
        self.source = source
        self.report = report
        self.now = timezone.now()
        self.changed = False
        self.ids: dict[str, dict[str, int]] = {}
        self.redirects: dict[str, str] = {}
        # Whether earlier imports from this source recorded objects, by kind.
        self.recorded: dict[str, bool] = {}

    def run(self) -> None:
        self.report.phase("loading authors, sections and tags")
        self.ids[Kind.AUTHOR] = self._terms(Kind.AUTHOR, Author)
        used = self._sections_used()
        self.ids[Kind.SECTION] = self._terms(Kind.SECTION, Section, only=used)
        self.ids[Kind.TAG] = self._terms(Kind.TAG, Tag)
        self._images()
        self.report.phase("loading articles")
        self._articles()
        self._pages()
        self._category_redirects(used)
        self._write_redirects()
        self.report.phase("loading comments")
        self._comments()

    # Staff accounts ------------------------------------------------------

    def staff_accounts(self) -> None:
        """A Contributors account for each author with a login and an e-mail,
        without a usable password: they choose one through the password reset.
        An existing account of that name is left as it is."""
        contributors = Group.objects.get(name=CONTRIBUTORS)
        for login, data, _ in self.staging.objects(Kind.AUTHOR):
            if not data.get("email"):
                continue
            if User.objects.filter(username=login[:150]).exists():
                self.report.count("account", "unchanged")
                continue
            user = User(
                username=login[:150],
                email=data["email"],
                first_name=data.get("first_name", "")[:150],
                last_name=data.get("last_name", "")[:150],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(contributors)
            self.report.count("account", "imported")
            self.changed = True

    # Records of earlier imports ------------------------------------------

    def _has_records(self, kind: str) -> bool:
        """Whether earlier imports from this source brought objects of this kind."""
        if kind not in self.recorded:
            self.recorded[kind] = ImportedObject.objects.filter(
                source=self.source, kind=kind
            ).exists()
        return self.recorded[kind]

    def _records(self, kind: str, old_ids: list[str]) -> dict[str, ImportedObject]:
        if not self._has_records(kind):
            return {}  # a first import: one query instead of one a batch
        found = ImportedObject.objects.filter(
            source=self.source, kind=kind, old_id__in=old_ids
        )
        return {record.old_id: record for record in found}

    def _record(self, kind: str, old_id: str, pk: int, digest: str, stamp) -> None:
        ImportedObject.objects.update_or_create(
            source=self.source,
            kind=kind,
            old_id=old_id,
            defaults={
                "object_id": pk,
                "digest": digest,
                "local_updated_at": stamp,
                "imported_at": self.now,
            },
        )

    def _note(self, outcome: str, kind: str, name: str, reason: str) -> None:
        self.report.count(kind, outcome)
        self.report.note(outcome, kind, name, reason)
