import ipaddress
import re
import sys
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from broadsheet.core import health
from broadsheet.core.clients import client_ip
from broadsheet.core.models import SiteSettings
from broadsheet.core.outages import is_outage

# Seconds a reader (or a crawler) is asked to wait while the database or disk
# is away: restarts and freed disks are usually a matter of seconds.
RETRY_AFTER_SECONDS = 30
# Fields never shown back: passwords, secrets, and the CSRF token (a fresh one
# is put in the form instead).
SECRET_FIELD = re.compile(r"pass(word|phrase)|secret|csrfmiddlewaretoken", re.I)
# Formset bookkeeping and the admin's submit buttons: sent again, never shown.
BOOKKEEPING_FIELD = re.compile(r"(^_)|(-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$)")
LONG_VALUE = 80


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 "ok" when the database answers, 503 otherwise.

    With `?detail=1`, asked from the machine itself, every part's readiness as
    JSON (database, page store, disk, worker, purges), with the same status.
    """
    if request.GET.get("detail") and _from_this_machine(request):
        report = health.readiness()
        ready = report.get("database", {}).get("ok", False)
        return JsonResponse(
            {"ready": ready, "parts": report}, status=200 if ready else 503
        )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "take me out of rotation"
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@never_cache
def livez(request: HttpRequest) -> HttpResponse:
    """For supervisors: 200 while this process can run a request at all,
    whatever the database says (restarting the process would not mend it)."""
    return HttpResponse("ok\n", content_type="text/plain")


def _from_this_machine(request: HttpRequest) -> bool:
    """The reader's address (behind a trusted proxy, the one it forwards) is a
    loopback address: the details are for the operator, not the public."""
    try:
        return ipaddress.ip_address(client_ip(request)).is_loopback
    except ValueError:
        return False


def render_without_database(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int
) -> HttpResponse:
    """A page in the site's look that runs no query: the site's name is the one
    this process read last, and nothing the database holds is shown. Never
    cached, by us or a front."""
    response = render(
        request,
        template,
        {
            **context,
            "site_settings": SiteSettings.objects.last_read(),
            "is_error_page": True,
        },
        status=status,
    )
    add_never_cache_headers(response)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 with Retry-After when the database, disk or a store is
    away, 500 for any other error (a mistake of ours). Either way the page runs
    no query, and what a POST carried is shown back, to send again."""
    error = sys.exc_info()[1]
    context: dict[str, Any] = {"fields": [], "action": request.get_full_path()}
    if request.method == "POST":
        context.update(_typed_fields(request))
    if error is not None and is_outage(error):
        return render_without_database(request, "core/503.html", context, status=503)
    return render_without_database(request, "core/500.html", context, status=500)


def _typed_fields(request: HttpRequest) -> dict[str, Any]:
    """What the request's form carried, to show back and send again."""
    try:
        items = list(request.POST.lists())
        has_files = bool(request.FILES)
    except Exception:  # a body we cannot read: the page goes without it
        return {}
    fields = []
    for name, values in items:
        if SECRET_FIELD.search(name):
            continue
        for value in values:
            shown = not BOOKKEEPING_FIELD.search(name) and any(
                character.isalpha() for character in value
            )
            fields.append(
                {
                    "name": name,
                    "label": name.replace("_", " ").replace("-", " "),
                    "value": value,
                    "widget": _widget(value) if shown else "hidden",
                }
            )
    return {
        "fields": fields,
        "has_files": has_files,
        "has_csrf_token": "csrfmiddlewaretoken" in request.POST,
    }


def _widget(value: str) -> str:
    return "textarea" if "\n" in value or len(value) > LONG_VALUE else "text"
