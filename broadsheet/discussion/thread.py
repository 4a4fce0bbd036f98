"""A Thread: an article's visible comments arranged as a tree, built in one pass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from broadsheet.discussion.avatars import Avatar, avatar_for
from broadsheet.discussion.models import Comment


@dataclass
class Node:
    comment: Comment
    avatar: Avatar
    depth: int = 1
    replies: list[Node] = field(default_factory=list)


@dataclass
class Thread:
    roots: list[Node]
    nodes: dict[int, Node]

    @property
    def count(self) -> int:
        return len(self.nodes)

    def find(self, pk: object) -> Node | None:
        """The node of comment `pk` (an int or the text of one), if it is shown."""
        try:
            return self.nodes.get(int(pk))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None


def build_thread(comments: Iterable[Comment]) -> Thread:
    """Nest each comment under its parent; a reply whose parent is not shown
    (held, removed) is shown at the top level rather than lost."""
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    for comment in comments:
        node = Node(comment=comment, avatar=avatar_for(comment.email_hmac))
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        if parent is None:
            roots.append(node)
        else:
            node.depth = parent.depth + 1
            parent.replies.append(node)
    return Thread(roots=roots, nodes=nodes)
