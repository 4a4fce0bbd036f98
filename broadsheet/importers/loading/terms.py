"""The authors, sections, tags and images of an import, and the old addresses
that redirect to what it brought."""

from __future__ import annotations

from django.conf import settings
from django.contrib.redirects.models import Redirect

from broadsheet.images.models import Image
from broadsheet.importers.models import ImportedObject
from broadsheet.importers.staging import batches

Kind = ImportedObject.Kind


class TermLoading:
    """Part of Loader (see __init__.py): the authors, sections, tags, images, redirects.
    It uses the loader's staging, report, records, IDs and time."""

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

    # Old addresses -------------------------------------------------------

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
