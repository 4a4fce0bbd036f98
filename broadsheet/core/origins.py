"""Cross-site request refusal for forms served on cached pages.

A cached page cannot carry a per-visitor CSRF token, so the views behind such
forms are exempt from Django's cookie check and refuse instead any POST that the
browser says came from another site: `Sec-Fetch-Site: cross-site|same-site`, or
an `Origin` that is none of ours (the site URL and CSRF_TRUSTED_ORIGINS). When a
browser sends neither header (old browsers, some privacy tools) the request is
allowed: we never send `Referrer-Policy: no-referrer`, so modern browsers always
send one of them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)


def is_cross_site(request: HttpRequest) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
    if fetch_site in {"cross-site", "same-site"}:
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    allowed = {settings.SITE_URL, *settings.CSRF_TRUSTED_ORIGINS}
    allowed.add(f"{request.scheme}://{request.get_host()}")
    return origin.rstrip("/") not in allowed


def refuse_cross_site(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Exempt a view from cookie CSRF and answer 403 to cross-site POSTs instead."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and is_cross_site(request):
            logger.warning(
                "Refused cross-site POST to %s (Origin %r, Sec-Fetch-Site %r)",
                request.path,
                request.headers.get("Origin"),
                request.headers.get("Sec-Fetch-Site"),
            )
            return HttpResponseForbidden(
                _("This form can only be sent from this site's own pages."),
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
