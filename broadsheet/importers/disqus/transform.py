"""Disqus threads matched to our articles, and their posts staged as comments.

A thread is matched by its identifier first: the WordPress plugin sets it to
"<post ID> <address>", and the post ID names the article a WordPress import
made. Then by its address: an article's own, or an old one that redirects to it.
"""

from __future__ import annotations

import re
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.urls import Resolver404, resolve

from broadsheet.importers.disqus.export import read_disqus
from broadsheet.importers.exceptions import BrokenItem
from broadsheet.importers.models import ImportedObject
from broadsheet.importers.report import Report
from broadsheet.importers.staging import Staging
from broadsheet.importers.text import comment_fields
from broadsheet.publishing.models import Article

POST_ID = re.compile(r"^(\d+)\b")


def stage_disqus(
    path: Path, staging: Staging, report: Report, *, skip_broken: bool
) -> dict[str, int]:
    """Read the export into `staging`; returns thread key → article ID."""
    threads: dict[str, dict] = {}
    for seq, (kind, fields) in enumerate(read_disqus(path), start=1):
        report.tick("comment" if kind == "post" else "item")
        staging.at(seq)
        if kind == "thread":
            threads[fields["dsq_id"]] = fields
            continue
        try:
            _stage_post(staging, fields)
        except BrokenItem as broken:
            if not skip_broken:
                raise
            staging.note("broken", "comment", broken.name, broken.problem)
            report.count("comment", "broken")
    staging.finish()
    matched: dict[str, int] = {}
    for dsq_id, fields in threads.items():
        article_id = _article_for(fields)
        name = f"thread {dsq_id} “{fields.get('title', '').strip()}”"
        if article_id is None:
            staging.note(
                "skipped", "thread", name, f"no article here at {fields.get('link')}"
            )
            report.count("thread", "skipped")
            continue
        matched[f"thread:{dsq_id}"] = article_id
        staging.add("article", f"thread:{dsq_id}", {})
        report.count("thread", "matched")
    staging.flush()
    staging.set_new_ids("article", matched)
    return matched


def _article_for(thread: dict) -> int | None:
    found = POST_ID.match(thread.get("id", "").strip())
    if found:
        record = (
            ImportedObject.objects.filter(
                kind=ImportedObject.Kind.ARTICLE, old_id=found[1]
            )
            .order_by("-imported_at")
            .first()
        )
        if record and Article.objects.filter(pk=record.object_id).exists():
            return record.object_id
    address = urllib.parse.urlsplit(thread.get("link", "").strip())
    path = address.path or "/"
    moved = Redirect.objects.filter(site_id=settings.SITE_ID, old_path=path).first()
    if moved is not None:
        path = moved.new_path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "article_detail":
        return None
    article = Article.objects.filter(slug=match.kwargs["slug"]).first()
    return article.pk if article else None


def _stage_post(staging: Staging, fields: dict) -> None:
    old_id = fields["dsq_id"].strip()
    name = f"post {old_id or '?'}"
    if not old_id.isdigit():
        raise BrokenItem(name, f"its dsq:id {old_id!r} is not a number")
    try:
        created = datetime.fromisoformat(fields.get("createdAt", "").strip())
    except ValueError:
        raise BrokenItem(name, "its createdAt is not a date") from None
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    if _true(fields.get("isSpam")):
        status = "spam"
    elif _true(fields.get("isDeleted")):
        status = "deleted"
    elif fields.get("isApproved", "true").strip().lower() == "false":
        status = "held"
    else:
        status = "approved"
    author = fields.get("author_name", "").strip() or "Anonymous"
    staging.add_comment(
        old_id,
        fields.get("parent") or None,
        comment_fields(
            name=author[:80],
            email=fields.get("author_email", ""),
            website="",
            markup=fields.get("message") or "",
            status=status,
            ip=fields.get("ipAddress", ""),
            created=created,
        ),
        article_old_id=f"thread:{fields.get('thread', '')}",
    )


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"
