"""A Thread: an article's visible comments arranged as a tree, built in one pass,
and its HTML assembled from the comments' stored cards.

The assembly joins stored cards with the list markup around them instead of
calling a template per comment: this is what keeps an uncached page with
hundreds of comments cheap. Only integers and the cards (rendered by a template,
escaped) go into it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import escape

from broadsheet.discussion.cards import card_version, render_card
from broadsheet.discussion.models import Comment

TOP_LEVEL_PER_PAGE = 100


@dataclass
class Node:
    pk: int
    parent_id: int | None
    author_name: str
    card: str
    is_held: bool = False
    is_removed: bool = False
    depth: int = 1
    replies: list[Node] = field(default_factory=list)


# What a thread reads of each comment: no model instances, no date conversions.
THREAD_FIELDS = (
    "pk",
    "parent_id",
    "author_name",
    "card_html",
    "card_version",
    "status",
)


@dataclass
class Thread:
    roots: list[Node]
    nodes: dict[int, Node]

    @property
    def count(self) -> int:
        """Approved comments: a held one shown to its own author, or the
        placeholder of a removed one, does not count."""
        return sum(
            1 for node in self.nodes.values() if not (node.is_held or node.is_removed)
        )

    def find(self, pk: object) -> Node | None:
        """The node of comment `pk` (an int or the text of one), if it is shown."""
        try:
            return self.nodes.get(int(pk))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.roots) // TOP_LEVEL_PER_PAGE))

    def page(self, number: int) -> list[Node]:
        start = (number - 1) * TOP_LEVEL_PER_PAGE
        return self.roots[start : start + TOP_LEVEL_PER_PAGE]


def build_thread(rows: Iterable[tuple]) -> Thread:
    """Nest each comment under its parent; a reply whose parent is not shown
    (held, removed) is shown at the top level rather than lost.

    `rows` are THREAD_FIELDS tuples in thread order. Cards made by another
    version are rendered again (in one extra query for all of them).
    """
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    outdated: list[int] = []
    version = card_version()
    for pk, parent_id, author_name, card, made_by, status in rows:
        node = Node(
            pk,
            parent_id,
            author_name,
            card,
            is_held=status == Comment.Status.HELD,
            is_removed=status == Comment.Status.DELETED,
        )
        if (made_by != version or not card) and not node.is_removed:
            outdated.append(pk)
        nodes[pk] = node
        parent = nodes.get(parent_id) if parent_id else None
        if parent is None:
            roots.append(node)
        else:
            node.depth = parent.depth + 1
            parent.replies.append(node)
    if outdated:
        for comment in Comment.objects.filter(pk__in=outdated):
            nodes[comment.pk].card = render_card(comment)
    roots = _without_empty_placeholders(roots, nodes)
    return Thread(roots=roots, nodes=nodes)


def _without_empty_placeholders(
    roots: list[Node], nodes: dict[int, Node]
) -> list[Node]:
    """A removed comment stays as a placeholder only while replies hang from it."""

    # Post-order without recursion, deepest first, for very deep threads.
    order: list[Node] = []
    stack = list(roots)
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.replies)
    for node in reversed(order):
        node.replies = [
            reply
            for reply in node.replies
            if not (reply.is_removed and not reply.replies)
        ]
    kept = [root for root in roots if not (root.is_removed and not root.replies)]
    for pk in [
        pk for pk, node in nodes.items() if node.is_removed and not node.replies
    ]:
        del nodes[pk]
    return kept


def thread_html(
    roots: list[Node],
    *,
    held_notice: str = "",
    removed_notice: str = "",
    after_card: dict[int, str] | None = None,
) -> str:
    """The nested list items of these comments and all their replies.

    Iterative, so a chain of replies thousands deep cannot exhaust the stack.
    """
    parts: list[str] = []
    stack: list[Node | str] = list(reversed(roots))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        state = " held" if item.is_held else " removed" if item.is_removed else ""
        parts.append(f'<li class="comment{state}" id="comment-{int(item.pk)}">')
        if item.is_held:
            parts.append(f'<p class="awaiting">{escape(held_notice)}</p>')
        if item.is_removed:
            parts.append(f'<p class="removed-note">{escape(removed_notice)}</p>')
        else:
            parts.append(item.card)
            if after_card and item.pk in after_card:
                # Rendered by a template for the comment's own author.
                parts.append(after_card[item.pk])
        if item.replies:
            parts.append('<ol class="children">')
            stack.append("</ol></li>\n")
            stack.extend(reversed(item.replies))
        else:
            stack.append("</li>\n")
    return "".join(parts)


def comment_address(comment: Comment) -> str:
    """The article address that shows this comment: its page of the thread
    (`?cpage=N` past the first) and its anchor."""
    parents = dict(
        Comment.objects.on(comment.article)
        .approved()
        .in_thread_order()
        .values_list("pk", "parent_id")
    )
    roots = [pk for pk, parent in parents.items() if parent not in parents]
    root = comment.pk
    for _ in range(len(parents)):  # bounded walk up to the top-level comment
        parent = parents.get(root)
        if parent is None or parent not in parents:
            break
        root = parent
    page = roots.index(root) // TOP_LEVEL_PER_PAGE + 1 if root in roots else 1
    query = f"?cpage={page}" if page > 1 else ""
    return f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}"
