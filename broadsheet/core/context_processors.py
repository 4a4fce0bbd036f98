from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from broadsheet.core.models import SiteSettings


def site(request: HttpRequest) -> dict[str, object]:
    """The editorial settings, loaded only if a template uses them, and the
    site's public address."""
    return {
        "site_settings": SimpleLazyObject(
            lambda: SiteSettings.objects.for_request(request)
        ),
        "site_url": settings.SITE_URL,
    }
