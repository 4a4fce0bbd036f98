"""The discussion under an article page: the heading, the threaded comments and
the reply form, as the article page includes them (registered in apps.py), and
the commenter cookie that shows a reader their own comments."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from broadsheet.discussion import screening, services, tokens
from broadsheet.discussion.forms import CommentForm
from broadsheet.discussion.keys import form_key, thread_key
from broadsheet.discussion.models import Comment
from broadsheet.discussion.thread import (
    THREAD_FIELDS,
    Node,
    Thread,
    build_thread,
    thread_html,
)
from broadsheet.pagecache.decorators import add_keys
from broadsheet.pagecache.query import is_plain_number, page_number, query_value
from broadsheet.publishing.extensions import ArticlePart
from broadsheet.publishing.models import Article

COMMENTER_COOKIE = "bs_commenter"
COMMENTER_COOKIE_SECONDS = 15 * 60
OWN_COMMENTS_KEPT = 20


def own_comment_ids(request: HttpRequest) -> list[int]:
    """The reader's recent comments, from the signed commenter cookie."""
    value = request.get_signed_cookie(
        COMMENTER_COOKIE,
        default="",
        salt=COMMENTER_COOKIE,
        max_age=COMMENTER_COOKIE_SECONDS,
    )
    return [int(pk) for pk in value.split(",") if pk.isdigit()][:OWN_COMMENTS_KEPT]


def discussion_part(request: HttpRequest, article: Article) -> ArticlePart:
    """The discussion under an article: heading, threaded comments, reply form."""
    add_keys(request, thread_key(article.pk), form_key(article.pk))
    own = own_comment_ids(request)
    # Removed comments come along as placeholders, kept only above replies.
    shown = Q(status__in=[Comment.Status.APPROVED, Comment.Status.DELETED])
    if own:
        # The reader's own held comments, for them only: such requests bypass
        # the shared cache (they carry the commenter cookie).
        shown |= Q(pk__in=own, status=Comment.Status.HELD)
    thread = build_thread(
        Comment.objects.on(article)
        .filter(shown)
        .in_thread_order()
        .values_list(*THREAD_FIELDS)
    )
    replying_to = _replying_to(request, thread)
    page = _comment_page(request, thread)
    form = CommentForm(
        initial={
            "article": article.pk,
            "parent": replying_to.pk if replying_to else None,
            "token": tokens.make_token(article.pk),
        }
    )
    return ArticlePart(
        "discussion/_discussion.html",
        {
            "thread": thread,
            "comments_html": thread_html(
                thread.page(page),
                held_notice=_("Your comment is awaiting moderation."),
                removed_notice=_("This comment was removed."),
                after_card=_own_actions(own),
            ),
            "page": page,
            "pages": range(1, thread.page_count + 1) if thread.page_count > 1 else (),
            "form": form,
            "replying_to": replying_to,
            "article": article,
            "is_open": screening.is_open(article),
        },
    )


def _own_actions(own: list[int]) -> dict[int, str]:
    """Edit and Delete links under the reader's own comments, while they may."""
    if not own:
        return {}
    editable = Comment.objects.filter(
        pk__in=own,
        status__in=[Comment.Status.APPROVED, Comment.Status.HELD],
        created_at__gte=timezone.now() - services.EDIT_WINDOW,
    ).values_list("pk", flat=True)
    return {
        pk: render_to_string("discussion/_own_actions.html", {"pk": pk})
        for pk in editable
    }


def _replying_to(request: HttpRequest, thread: Thread) -> Node | None:
    """The comment that `?replyto=N` (its Reply link) addresses the form to.

    None for a removed comment's placeholder and for the reader's own held
    comment: the form without a reply target. Raises Http404 for a comment not
    on this page (held for someone else's eyes, or none at all), or a number
    written otherwise than the link writes it: each would store the page again
    under an address of its own."""
    value = query_value(request, "replyto")
    if value is None:
        return None
    node = thread.find(value) if is_plain_number(value) else None
    if node is None:
        raise Http404(_("There is no such comment to reply to."))
    return None if node.is_removed or node.is_held else node


def _comment_page(request: HttpRequest, thread: Thread) -> int:
    number = page_number(request, "cpage")
    if number > thread.page_count:
        raise Http404(_("No such page of comments."))
    return number
