"""The articles of an import: created in batches with their bylines, tags and
records, or updated unless edited here since."""

from __future__ import annotations

from datetime import datetime

from broadsheet.importers.models import ImportedObject
from broadsheet.importers.staging import batches
from broadsheet.publishing.models import Article, Byline
from broadsheet.publishing.search import index_article
from broadsheet.publishing.tasks import publish_when_due

# Articles carry their bodies: fewer at a time, so memory does not grow with
# the export.
ARTICLE_BATCH = 100
Kind = ImportedObject.Kind


class ArticleLoading:
    """Part of Loader (see __init__.py): the articles.
    It uses the loader's staging, report, records, IDs and time."""

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
