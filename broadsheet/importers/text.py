"""Comment HTML from another system, turned into our readers' plain text:
paragraphs and line breaks kept, links kept as their addresses, the rest
dropped. Rendered afterwards by the one renderer like any reader's comment."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from django.utils.html import strip_tags

from broadsheet.core.clients import ip_prefix
from broadsheet.core.renderer import render_plain_text
from broadsheet.discussion.avatars import email_hmac
from broadsheet.discussion.services import own_origins

LINK = re.compile(
    r"""<a\s[^>]*?href\s*=\s*(["'])(?P<href>.*?)\1[^>]*>(?P<text>.*?)</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
PARAGRAPH_END = re.compile(r"</p\s*>|<p(\s[^>]*)?>", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n{3,}")
HAS_TAG = re.compile(r"<[a-zA-Z/!]")


def _link(match: re.Match) -> str:
    href = html.unescape(match["href"]).strip()
    text = html.unescape(strip_tags(match["text"])).strip()
    if not href.startswith(("http://", "https://")):
        return text
    if not text or text == href or text.rstrip("/") == href.rstrip("/"):
        return f" {href} "
    return f"{text} ({href})"


def comment_text(markup: str) -> str:
    """Plain text of a comment's HTML; links become 'text (address)'."""
    if not HAS_TAG.search(markup):
        return html.unescape(markup).strip()
    text = LINK.sub(_link, SCRIPT.sub("", markup))
    text = BREAK.sub("\n", text)
    text = PARAGRAPH_END.sub("\n\n", text)
    text = html.unescape(strip_tags(text))
    text = "\n".join(line.strip() for line in text.splitlines())
    return BLANK_LINES.sub("\n\n", text).strip()


def comment_fields(
    *,
    name: str,
    email: str,
    website: str,
    markup: str,
    status: str,
    ip: str,
    created: datetime,
) -> dict:
    """The fields a comment is staged with: what was read, and what is derived
    from it here (keys starting with "_": its HTML, its avatar's key), so the
    load only copies them."""
    body = comment_text(markup)
    email = email.strip()
    email = email if "@" in email else ""
    return {
        "name": name,
        "email": email,
        "website": website,
        "body": body,
        "_html": render_plain_text(body, own_origins=own_origins()),
        "_hmac": email_hmac(email or name),
        "status": status,
        "ip_prefix": ip_prefix(ip.strip()),
        "created_at": created.isoformat(),
        # The moment in UTC without its zone: how the load writes it.
        "_utc": str(created.astimezone(UTC).replace(tzinfo=None)),
    }
