from django import template

from broadsheet.pagecache.decorators import add_keys
from broadsheet.publishing.models import Page
from broadsheet.publishing.services import FOOTER

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_pages(context) -> list[Page]:
    """The published pages linked in the footer; the page records that it
    shows them, so a change to the list purges it."""
    request = context.get("request")
    if request is not None:
        add_keys(request, FOOTER)
    return list(Page.objects.in_footer().only("title", "slug"))
