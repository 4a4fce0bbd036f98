"""Writes to the site's own settings."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from broadsheet.core.models import SiteSettings
from broadsheet.pagecache.keys import SITE
from broadsheet.pagecache.purge import purge


def update_site_settings(*, by: Any, **fields: Any) -> SiteSettings:
    """Save editorial site settings; raises PermissionDenied for non-admins."""
    if by is not None and not by.has_perm("core.change_sitesettings"):
        raise PermissionDenied("Only administrators change the site settings.")
    with transaction.atomic():
        settings = SiteSettings.objects.select_for_update().current()
        for name, value in fields.items():
            setattr(settings, name, value)
        settings.full_clean()
        settings.save()
        purge(SITE)
    return settings
