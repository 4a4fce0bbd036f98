"""The declared query parameters of cacheable pages, read strictly.

Each value of a declared parameter is a page of its own in the page cache, so a
value written otherwise than the one way our links write it (`?page=01`, or
`?page=1` for the first page, which is the address without it), given twice, or
naming nothing, would store the same page again, or a page of nothing, under
another address. Such requests are answered 404, which is never stored.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

# Longer numbers name no page we could have, and int() refuses very long ones.
MAX_DIGITS = 9


def query_value(request: HttpRequest, name: str) -> str | None:
    """The one value of parameter `name`, or None when it is absent.

    Raises Http404 when it is given more than once."""
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise Http404(_("This address names the same thing twice."))
    return values[0] if values else None


def is_plain_number(value: str) -> bool:
    """Digits as we write a number: ASCII, no sign, no leading zero."""
    return (
        0 < len(value) <= MAX_DIGITS
        and value.isascii()
        and value.isdigit()
        and value[0] != "0"
    )


def page_number(request: HttpRequest, name: str = "page") -> int:
    """The page a `?page=N` asks for, 1 when absent.

    Raises Http404 for any other spelling of a page number, `?page=1` included
    (the first page's address has no parameter). Whether the page exists is
    the caller's to check."""
    value = query_value(request, name)
    if value is None:
        return 1
    if not is_plain_number(value) or value == "1":
        raise Http404(_("No such page."))
    return int(value)
