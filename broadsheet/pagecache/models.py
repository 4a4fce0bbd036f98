"""The purge log: what a write must purge, stored in the write's transaction.

A purge intent commits or rolls back with the write that named its keys, so a
crash after the commit cannot lose the purge: `broadsheet serve` replays the log
before it answers anyone, and the worker retries what is left (see replay.py).
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class PurgeIntent(models.Model):
    """Surrogate keys a committed write changed, kept until they are purged.

    Once purged, an intent is marked done in the page store (by its `token`)
    and deleted by the worker's next run, in a batch: deleting it at once would
    cost a transaction of its own.
    """

    surrogate_keys = models.TextField(_("surrogate keys"), help_text="space-separated")
    written_at = models.DateTimeField(_("written at"))
    retry_at = models.DateTimeField(_("retry at"), db_index=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("purge intent")
        verbose_name_plural = _("purge intents")

    def __str__(self) -> str:
        return f"purge of {self.surrogate_keys} ({self.written_at:%Y-%m-%d %H:%M:%S})"

    @property
    def keys(self) -> list[str]:
        return self.surrogate_keys.split()

    @property
    def token(self) -> str:
        """Its name in the page store's marks of purges done."""
        return token(self.pk, self.written_at)


def token(pk: int, written_at: datetime) -> str:
    return f"{pk}@{round(written_at.timestamp() * 1_000_000)}"
