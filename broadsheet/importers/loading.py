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
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from broadsheet.discussion.tasks import refresh_cards
from broadsheet.images.models import Image
from broadsheet.importers.comment_loading import CommentLoading
from broadsheet.importers.models import ImportedObject
from broadsheet.importers.report import Report
from broadsheet.importers.staging import Staging, batches
from broadsheet.pagecache.keys import SITE
from broadsheet.pagecache.purge import purge
from broadsheet.publishing.keys import SITEMAP_ARTICLES, SITEMAP_INDEX
from broadsheet.publishing.models import (
    Article,
    Author,
    Byline,
    Page,
    Section,
    Tag,
)
from broadsheet.publishing.models.pages import validate_page_slug
from broadsheet.publishing.search import index_article
from broadsheet.publishing.tasks import publish_when_due
from broadsheet.staff.roles import CONTRIBUTORS

User = get_user_model()
# Articles carry their bodies: fewer at a time, so memory does not grow with
# the export.
ARTICLE_BATCH = 100
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


class Loader(CommentLoading):
    """The authors, sections, tags, images, articles and pages of an import
    (the comments are in CommentLoading)."""

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

    # Authors, sections, tags ---------------------------------------------

    def _sections_used(self) -> set[str]:
        return {
            data["section"]
            for _, data, _ in self.staging.objects(Kind.ARTICLE)
            if data.get("section")
        }

    def _terms(self, kind: str, model, *, only: set[str] | None = None) -> dict:
        """Authors, sections or tags: an existing one with the same slug is
        taken as the same (never changed); others are created or updated."""
        staged = [
            row for row in self.staging.objects(kind) if only is None or row[0] in only
        ]
        records = self._records(kind, [old_id for old_id, _, _ in staged])
        fields = ("name", "slug", "bio", "description")
        ids: dict[str, int] = {}
        for old_id, data, digest in staged:
            values = {
                name: data[name]
                for name in fields
                if name in data and hasattr(model, name)
            }
            record = records.get(old_id)
            found = (
                model.objects.filter(pk=record.object_id).first() if record else None
            )
            if record and found is None:
                self._note(
                    "skipped", kind, old_id, "deleted here since the last import"
                )
                continue
            if record and record.digest == digest:
                self.report.count(kind, "unchanged")
            elif record:
                for name, value in values.items():
                    if name != "slug":
                        setattr(found, name, value)
                found.save()
                self._record(kind, old_id, found.pk, digest, None)
                self.report.count(kind, "updated")
                self.changed = True
            else:
                found = model.objects.filter(slug=values["slug"]).first()
                if found is None:
                    found = model.objects.create(**values)
                    self.report.count(kind, "imported")
                else:
                    self.report.count(kind, "matched")
                self._record(kind, old_id, found.pk, digest, None)
                self.changed = True
            ids[old_id] = found.pk
        return ids

    def _category_redirects(self, used: set[str]) -> None:
        """/category/x/ (nested as WordPress nests it) to the section, or to the
        tag that a category used only second on its posts became."""
        for old_id, data, _ in self.staging.objects(Kind.SECTION):
            old = data.get("old_path")
            if not old:
                continue
            if old_id in used:
                new = f"/section/{data['slug']}/"
            elif old_id in self.ids[Kind.TAG]:
                new = f"/tag/{data['slug']}/"
            else:
                continue
            self._redirect(old, new)
            self._redirect(old + "feed/", new + "feed/")

    # Images --------------------------------------------------------------

    def _images(self) -> None:
        """Images from the uploads folder; their files are already stored, and
        the same picture is the same Image, so no record is needed."""
        staged = list(self.staging.objects("image"))
        known = set(
            Image.objects.filter(
                digest__in=[digest for digest, _, _ in staged]
            ).values_list("digest", flat=True)
        )
        Image.objects.bulk_create(
            Image(digest=digest, **data)
            for digest, data, _ in staged
            if digest not in known
        )
        self.changed |= len(known) < len(staged)

    # Articles ------------------------------------------------------------

    def _articles(self) -> None:
        self.ids[Kind.ARTICLE] = {}
        for batch in batches(self.staging.objects(Kind.ARTICLE), ARTICLE_BATCH):
            records = self._records(Kind.ARTICLE, [old_id for old_id, _, _ in batch])
            stored = Article.objects.in_bulk(
                [record.object_id for record in records.values()]
            )
            new: list[tuple[str, dict, str, Article]] = []
            for old_id, data, digest in batch:
                record = records.get(old_id)
                if record is None:
                    new.append((old_id, data, digest, self._article(Article(), data)))
                    continue
                article = stored.get(record.object_id)
                name = f"post {old_id} “{data['headline']}”"
                if article is None:
                    self._note(
                        "skipped",
                        Kind.ARTICLE,
                        name,
                        "deleted here since the last import",
                    )
                    continue
                self.ids[Kind.ARTICLE][old_id] = article.pk
                if record.digest == digest:
                    self.report.count(Kind.ARTICLE, "unchanged")
                elif article.updated_at != record.local_updated_at:
                    self._note(
                        "conflict",
                        Kind.ARTICLE,
                        name,
                        "edited here since the last import; left as it is",
                    )
                else:
                    self._article(article, data, slug=article.slug).save()
                    self._links(article, data, digest, old_id)
                    self.report.count(Kind.ARTICLE, "updated")
            self._create_articles(new)
        self.staging.set_new_ids(Kind.ARTICLE, self.ids[Kind.ARTICLE])

    def _article(self, article: Article, data: dict, *, slug: str = "") -> Article:
        article.headline = data["headline"]
        article.slug = slug or data["slug"]
        article.standfirst = data["standfirst"]
        article.body = data["body"]
        article.body_html = data["_html"]
        article.body_text = data["_text"]
        article.body_paragraph_ends = data["_ends"]
        article.status = data["status"]
        published = data.get("published_at")
        article.published_at = datetime.fromisoformat(published) if published else None
        if article.status == Article.Status.PUBLISHED and article.published_at is None:
            article.published_at = self.now
        if article.status == Article.Status.SCHEDULED and (
            article.published_at is None or article.published_at <= self.now
        ):
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or self.now
        elif (
            article.status == Article.Status.PUBLISHED
            and article.published_at > self.now
        ):
            article.status = Article.Status.SCHEDULED
        article.section_id = self.ids[Kind.SECTION].get(data.get("section"))
        article.is_open_for_comments = data["open_for_comments"]
        article.byline_names = ", ".join(
            data["_author_names"] if "_author_names" in data else []
        )
        return article

    def _create_articles(self, new: list[tuple[str, dict, str, Article]]) -> None:
        if not new:
            return
        taken = set(
            Article.objects.filter(
                slug__in=[article.slug for *_, article in new]
            ).values_list("slug", flat=True)
        )
        for old_id, _, _, article in new:
            if article.slug in taken:
                base, number = article.slug[:190], 2
                while (
                    f"{base}-{number}" in taken
                    or Article.objects.filter(slug=f"{base}-{number}").exists()
                ):
                    number += 1
                article.slug = f"{base}-{number}"
                self.report.note(
                    "reported",
                    "article",
                    f"post {old_id}",
                    f"its slug was taken; now {article.slug}",
                )
            taken.add(article.slug)
        Article.objects.bulk_create([article for *_, article in new])
        bylines, tags, records = [], [], []
        for old_id, data, digest, article in new:
            self.ids[Kind.ARTICLE][old_id] = article.pk
            bylines += self._bylines(article, data)
            tags += [
                Article.tags.through(article_id=article.pk, tag_id=tag_id)
                for tag_id in self._tag_ids(data)
            ]
            self._follow_up(article, data)
            records.append(
                ImportedObject(
                    source=self.source,
                    kind=Kind.ARTICLE,
                    old_id=old_id,
                    object_id=article.pk,
                    digest=digest,
                    # Set by bulk_create, as stored.
                    local_updated_at=article.updated_at,
                    imported_at=self.now,
                )
            )
            self.report.count(Kind.ARTICLE, "imported")
        Byline.objects.bulk_create(bylines)
        Article.tags.through.objects.bulk_create(tags)
        ImportedObject.objects.bulk_create(records)
        self.changed = True

    def _links(self, article: Article, data: dict, digest: str, old_id: str) -> None:
        """An updated article's bylines, tags, search entry, addresses, record."""
        self.changed = True
        article.bylines.all().delete()
        Byline.objects.bulk_create(self._bylines(article, data))
        article.tags.set(self._tag_ids(data))
        self._follow_up(article, data)
        stamp = Article.objects.filter(pk=article.pk).values_list(
            "updated_at", flat=True
        )[0]
        self._record(Kind.ARTICLE, old_id, article.pk, digest, stamp)

    def _bylines(self, article: Article, data: dict) -> list[Byline]:
        authors = self.ids[Kind.AUTHOR]
        ids = dict.fromkeys(authors[key] for key in data["authors"] if key in authors)
        return [
            Byline(article=article, author_id=author_id, position=position)
            for position, author_id in enumerate(ids)
        ]

    def _tag_ids(self, data: dict) -> list[int]:
        tags = self.ids[Kind.TAG]
        return list(dict.fromkeys(tags[key] for key in data["tags"] if key in tags))

    def _follow_up(self, article: Article, data: dict) -> None:
        """The search entry, the old addresses, and scheduling."""
        index_article(article)
        new_path = article.get_absolute_url()
        for old in data["old_paths"]:
            self._redirect(old, new_path)
            if old.endswith("/") and "?" not in old:
                self._redirect(old + "feed/", new_path + "feed/")
        if article.status == Article.Status.SCHEDULED:
            publish_when_due.using(run_after=article.published_at).enqueue(article.pk)

    def _redirect(self, old: str, new: str) -> None:
        """Queued; written together by _write_redirects."""
        if old and old != new and len(old) <= 200:
            self.redirects[old] = new

    def _write_redirects(self) -> None:
        for batch in batches(self.redirects.items()):
            wanted = dict(batch)
            found = Redirect.objects.filter(
                site_id=settings.SITE_ID, old_path__in=wanted
            )
            for redirect in found:
                if redirect.new_path != wanted[redirect.old_path]:
                    redirect.new_path = wanted[redirect.old_path]
                    redirect.save(update_fields=["new_path"])
                del wanted[redirect.old_path]
            Redirect.objects.bulk_create(
                Redirect(site_id=settings.SITE_ID, old_path=old, new_path=new)
                for old, new in wanted.items()
            )

    # Pages ---------------------------------------------------------------

    def _pages(self) -> None:
        staged = list(self.staging.objects(Kind.PAGE))
        records = self._records(Kind.PAGE, [old_id for old_id, _, _ in staged])
        for old_id, data, digest in staged:
            record = records.get(old_id)
            page = Page.objects.filter(pk=record.object_id).first() if record else None
            name = f"page {old_id} “{data['title']}”"
            if record and page is None:
                self._note(
                    "skipped", Kind.PAGE, name, "deleted here since the last import"
                )
                continue
            if record and record.digest == digest:
                self.report.count(Kind.PAGE, "unchanged")
                continue
            if record and page.updated_at != record.local_updated_at:
                self._note(
                    "conflict",
                    Kind.PAGE,
                    name,
                    "edited here since the last import; left as it is",
                )
                continue
            outcome = "updated" if page else "imported"
            if page is None:
                page = Page(slug=self._page_slug(data["slug"], name))
            page.title = data["title"]
            page.body = data["body"]
            page.body_html = data["_html"]
            page.is_published = data["is_published"]
            page.position = min(max(data["position"], 0), 32767)
            page.save()
            for old in data["old_paths"]:
                self._redirect(old, page.get_absolute_url())
            self._record(Kind.PAGE, old_id, page.pk, digest, page.updated_at)
            self.report.count(Kind.PAGE, outcome)
            self.changed = True

    def _page_slug(self, slug: str, name: str) -> str:
        candidate, number = slug, 1
        while True:
            try:
                validate_page_slug(candidate)
            except ValidationError:
                candidate = f"page-{slug}"[:100]
            if not Page.objects.filter(slug=candidate).exists():
                break
            number += 1
            candidate = f"{slug[:95]}-{number}"
        if candidate != slug:
            self.report.note(
                "reported", "page", name, f"its slug is used here; now {candidate}"
            )
        return candidate
