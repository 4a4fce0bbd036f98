import ipaddress

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from broadsheet.core import health
from broadsheet.core.clients import client_ip


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
