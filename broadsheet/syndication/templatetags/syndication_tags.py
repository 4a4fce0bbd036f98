import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As Django's json_script: nothing in the data can close the script element.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(value: dict) -> str:
    """A `<script type="application/ld+json">` element holding the value."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Safe: every character that could end the element is escaped above.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(ESCAPES)),  # noqa: S308
    )
