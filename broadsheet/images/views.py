from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

YEAR = 365 * 24 * 3600


@require_safe
def image(
    request: HttpRequest, prefix: str, digest: str, width: int, extension: str
) -> FileResponse:
    """One stored width of an image. Its address names its content, so it never
    changes: browsers and caches may keep it for a year without asking."""
    if digest[:2] != prefix:
        raise Http404
    name = f"images/{prefix}/{digest}-{width}.{extension}"
    if not default_storage.exists(name):
        raise Http404
    response = FileResponse(
        default_storage.open(name),
        content_type="image/png" if extension == "png" else "image/jpeg",
    )
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response
