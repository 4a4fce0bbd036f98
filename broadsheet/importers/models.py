"""What each import brought in: the old site's ID of every object, the object it
became here, and what it looked like then, so a second import of the same file
changes nothing and an updated one changes only what changed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    class Kind(models.TextChoices):
        AUTHOR = "author", _("Author")
        SECTION = "section", _("Section")
        TAG = "tag", _("Tag")
        ARTICLE = "article", _("Article")
        PAGE = "page", _("Page")
        COMMENT = "comment", _("Comment")

    # The old site's address (WordPress's base_blog_url, Disqus's forum).
    source = models.CharField(_("imported from"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    old_id = models.CharField(_("old ID"), max_length=200)
    object_id = models.PositiveBigIntegerField(_("ID here"))
    # A digest of the mapped fields as imported: unchanged in the file, nothing
    # to do; changed, update the object unless it was edited here since.
    digest = models.CharField(max_length=64)
    # The object's own updated_at as the import left it (empty: it has none).
    local_updated_at = models.DateTimeField(null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"))

    class Meta:
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "old_id"], name="importers_one_per_old_id"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.old_id} from {self.source}"
