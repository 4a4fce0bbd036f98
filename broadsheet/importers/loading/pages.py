"""The static pages of an import: a slug the site uses itself is renamed."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from broadsheet.importers.models import ImportedObject
from broadsheet.publishing.models import Page
from broadsheet.publishing.models.pages import validate_page_slug

Kind = ImportedObject.Kind


class PageLoading:
    """Part of Loader (see __init__.py): the static pages.
    It uses the loader's staging, report, records, IDs and time."""

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
