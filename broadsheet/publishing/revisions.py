"""Revisions of articles: one per save that changed something, compared side
by side and restored."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from broadsheet.publishing.models import Article, Revision


def snapshot(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in Revision.KEPT}


def record_revision(article: Article, *, by: Any) -> Revision | None:
    """Keep the article as it now is, unless the last revision already does."""
    fields = snapshot(article)
    last = article.revisions.order_by("-created_at", "-pk").first()
    if last is not None and last.fields == fields:
        return None
    return Revision.objects.create(article=article, fields=fields, created_by=by)


@dataclass(frozen=True)
class Line:
    left: str
    right: str
    change: str  # "same", "changed", "added", "removed"


@dataclass(frozen=True)
class FieldChange:
    name: str
    lines: list[Line]


def compare(older: Revision, newer: Revision) -> list[FieldChange]:
    """The fields that differ, each as lines side by side."""
    changes = []
    for name in Revision.KEPT:
        before, after = older.fields.get(name), newer.fields.get(name)
        if before == after:
            continue
        left = str(before if before is not None else "").splitlines() or [""]
        right = str(after if after is not None else "").splitlines() or [""]
        lines = []
        matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                lines += [Line(text, text, "same") for text in left[i1:i2]]
                continue
            olds, news = left[i1:i2], right[j1:j2]
            for index in range(max(len(olds), len(news))):
                old = olds[index] if index < len(olds) else None
                new = news[index] if index < len(news) else None
                kind = (
                    "changed"
                    if old is not None and new is not None
                    else ("removed" if new is None else "added")
                )
                lines.append(Line(old or "", new or "", kind))
        changes.append(FieldChange(name, lines))
    return changes
