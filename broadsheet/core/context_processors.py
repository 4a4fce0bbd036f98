from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from broadsheet.core.models import SiteSettings


def site(request: HttpRequest) -> dict[str, object]:
    """The editorial settings, loaded only if a template uses them."""
    return {"site_settings": SimpleLazyObject(SiteSettings.objects.current)}
