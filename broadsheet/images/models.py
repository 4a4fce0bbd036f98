from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Image(models.Model):
    """An uploaded picture, stored cleaned at a few widths under its content hash."""

    digest = models.CharField(max_length=64, unique=True, editable=False)
    extension = models.CharField(max_length=4, editable=False)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    widths = models.JSONField(editable=False, default=list)
    alt_text = models.CharField(
        _("description (alt text)"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_text

    def name(self, width: int) -> str:
        """Where one width is kept in the media storage."""
        return f"images/{self.digest[:2]}/{self.digest}-{width}.{self.extension}"

    def url(self, width: int | None = None) -> str:
        return reverse(
            "images:image",
            kwargs={
                "prefix": self.digest[:2],
                "digest": self.digest,
                "width": width or self.width,
                "extension": self.extension,
            },
        )

    def srcset(self) -> str:
        return ", ".join(f"{self.url(width)} {width}w" for width in self.widths)

    def shown_url(self) -> str:
        """The width a body shows (the second smallest), for its src."""
        return self.url(self.widths[min(1, len(self.widths) - 1)])

    def markdown(self) -> str:
        """What to paste into a body to show the picture."""
        text = self.alt_text.replace("[", "(").replace("]", ")")
        return f"![{text}]({self.shown_url()})"
