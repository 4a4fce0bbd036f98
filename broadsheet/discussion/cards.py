"""Each comment's HTML, rendered once when it is saved, never per page view.

A card is the comment's own part of the page (avatar, name, date, body, Reply
link), without its replies. It holds no absolute address. Its version names the
template, the renderer and the site's time zone and language it was made with,
so a deploy that changes any of them makes old cards be rendered again.
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.db import connection, transaction
from django.template.loader import get_template

from broadsheet.discussion.avatars import avatar_for
from broadsheet.discussion.models import Comment

TEMPLATE = "discussion/_comment_card.html"
RENDERER_VERSION = "1"
BATCH = 500
# One plain UPDATE per comment: bulk_update's CASE over a batch costs more
# than rendering the cards.
UPDATE = "UPDATE discussion_comment SET card_html = %s, card_version = %s WHERE id = %s"


@functools.cache
def card_version() -> str:
    source = get_template(TEMPLATE).template.source
    seed = "|".join(
        [RENDERER_VERSION, source, settings.TIME_ZONE, settings.LANGUAGE_CODE]
    )
    return hashlib.blake2b(seed.encode(), digest_size=8).hexdigest()


def render_card(comment: Comment) -> str:
    return get_template(TEMPLATE).render(
        {"comment": comment, "avatar": avatar_for(comment.email_hmac)}
    )


def refresh_card(comment: Comment) -> None:
    """Set the comment's card fields; the caller saves."""
    comment.card_html = render_card(comment)
    comment.card_version = card_version()


def refresh_outdated_cards() -> int:
    """Render every card made by another version (or none yet), in batches of
    short transactions; returns how many."""
    version = card_version()
    outdated = Comment.objects.exclude(card_version=version).order_by("pk")
    done, after = 0, 0
    while batch := list(outdated.filter(pk__gt=after)[:BATCH]):
        rows = [(render_card(comment), version, comment.pk) for comment in batch]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(UPDATE, rows)
        done += len(batch)
        after = batch[-1].pk
    return done
