from __future__ import annotations

import copy

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The last settings read by this process (see `SiteSettingsQuerySet.last_read`).
_last_read: SiteSettings | None = None


class SiteSettingsQuerySet(models.QuerySet):
    def for_request(self, request) -> SiteSettings:
        """The settings, read once per request however many parts ask."""
        if not hasattr(request, "_site_settings"):
            request._site_settings = self.current()
        return request._site_settings

    def current(self) -> SiteSettings:
        """The one row of editorial settings; unsaved defaults before it exists."""
        global _last_read
        found = self.filter(pk=SiteSettings.SINGLETON_PK).first() or SiteSettings(
            pk=SiteSettings.SINGLETON_PK
        )
        _last_read = copy.copy(found)  # a copy: a caller may change `found`
        return found

    def last_read(self) -> SiteSettings:
        """The settings this process read last, without a query: for the pages
        shown while the database is away. Before any read, the site's host
        stands for its name."""
        if _last_read is not None:
            return _last_read
        return SiteSettings(
            pk=SiteSettings.SINGLETON_PK, site_name=settings.CONFIG.site_host
        )


class SiteSettings(models.Model):
    """Editorial settings edited in the admin: one row for the whole site."""

    SINGLETON_PK = 1

    site_name = models.CharField(_("site name"), max_length=100, default="Broadsheet")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    default_disclaimer = models.TextField(
        _("default disclaimer"),
        blank=True,
        help_text=_(
            "Shown at the end of every article that does not override it. Empty: "
            "“Views expressed in this article are solely those of the author and do "
            "not necessarily reflect the opinions of <site name>.”"
        ),
    )
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_(
            "One sentence for search engines and link previews of the home page."
        ),
    )
    old_article_days = models.PositiveIntegerField(
        _("mark articles as old after this many days"),
        null=True,
        blank=True,
        default=365,
        help_text=_(
            "Older articles carry a notice saying so, for readers who arrive from "
            "a search or a share. Empty: never."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SiteSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self) -> str:
        return self.site_name


class WorkerHeartbeat(models.Model):
    """A background worker's lease: renewed every few seconds while it lives.

    Written with the database's clock, so workers on several machines agree.
    A job left running by a worker whose lease has expired is queued again.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    seen_at = models.DateTimeField(_("seen at"))
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return self.worker_id


class SentMail(models.Model):
    """A message a job has handed to the mail server, recorded as soon as the
    server accepted it, so that a job which runs again does not send it twice.

    The key is a hash of the job's key and the recipients: no address is kept.
    """

    key = models.CharField(_("key"), max_length=64, primary_key=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent mail")
        verbose_name_plural = _("sent mail")

    def __str__(self) -> str:
        return self.key
