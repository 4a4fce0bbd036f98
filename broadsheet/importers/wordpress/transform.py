"""WXR records mapped to the rows Broadsheet stages: authors, sections, tags,
articles, pages and comments, each with its old ID and its old addresses."""

from __future__ import annotations

import email.utils
import html
import re
import urllib.parse
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import slugify

from broadsheet.core.renderer import render_markdown
from broadsheet.images.services import image_for_src
from broadsheet.importers.exceptions import BrokenItem
from broadsheet.importers.report import Report
from broadsheet.importers.staging import Staging
from broadsheet.importers.text import comment_fields
from broadsheet.importers.uploads import UPLOADS, Uploads
from broadsheet.importers.wordpress.content import wordpress_markdown

ARTICLE_STATUS = {
    "publish": "published",
    "future": "scheduled",
    "draft": "draft",
    "private": "draft",
    "pending": "in_review",
}
COMMENT_STATUS = {"1": "approved", "0": "held", "spam": "spam", "trash": "deleted"}
WP_DATE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
NO_DATE = "0000-00-00 00:00:00"
POST_ID_IN_GUID = re.compile(r"[?&]p=(\d+)")


def _slug(slug: str, fallback: str) -> str:
    slug = slugify(urllib.parse.unquote(slug or ""))[:100]
    return slug or slugify(fallback or "")[:100]


def _cut(text: str, length: int) -> str:
    """At most `length` characters, with an ellipsis when cut (Truncator's
    result, without its cost on every comment)."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _number(value: str | None) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() else 0


def _name(name: str | None, slug: str) -> str:
    return _cut((name or "").strip() or slug, 100)


def stage_tag(staging: Staging, fields: dict) -> None:
    slug = _slug(fields.get("tag_slug", ""), fields.get("tag_name", ""))
    if slug:
        staging.add(
            "tag", slug, {"name": _name(fields.get("tag_name"), slug), "slug": slug}
        )


def stage_author(staging: Staging, fields: dict) -> None:
    login = fields.get("author_login", "").strip()
    if not login:
        return
    name = fields.get("author_display_name", "").strip() or login
    staging.author_names[login] = _cut(name, 120)
    staging.add(
        "author",
        login,
        {
            "name": _cut(name, 120),
            "slug": _slug(login, name)[:120] or "author",
            "bio": _cut(strip_tags(fields.get("author_description", "")), 300),
            "email": fields.get("author_email", "").strip(),
            "first_name": fields.get("author_first_name", "").strip(),
            "last_name": fields.get("author_last_name", "").strip(),
        },
    )


def stage_categories(staging: Staging, categories: dict[str, dict], base: str) -> None:
    """Each category the site declared, with its old address (nested under its
    parents' slugs, as WordPress makes it)."""
    for nicename, fields in categories.items():
        slug = _slug(nicename, fields.get("cat_name", ""))
        if not slug:
            continue
        chain, parent, seen = [nicename], fields.get("category_parent", ""), set()
        while parent and parent in categories and parent not in seen:
            seen.add(parent)
            chain.insert(0, parent)
            parent = categories[parent].get("category_parent", "")
        staging.add(
            "section",
            slug,
            {
                "name": _name(fields.get("cat_name"), slug),
                "slug": slug,
                "description": _cut(
                    strip_tags(fields.get("category_description", "")), 300
                ),
                "old_path": f"{base}/category/{'/'.join(chain)}/",
            },
        )


def _date(value: str, *, utc: bool) -> datetime | None:
    value = (value or "").strip()
    if not value or value == NO_DATE:
        return None
    if not WP_DATE.match(value):
        raise ValueError(value)  # the caller says which date
    moment = datetime.fromisoformat(value)
    zone = UTC if utc else ZoneInfo(settings.TIME_ZONE)
    return moment.replace(tzinfo=zone)


def _published_at(fields: dict, name: str) -> datetime | None:
    try:
        moment = _date(fields.get("post_date_gmt", ""), utc=True)
        if moment is None and fields.get("pubDate", "").strip():
            try:
                moment = email.utils.parsedate_to_datetime(fields["pubDate"])
            except (TypeError, ValueError):
                moment = None
        if moment is None:
            moment = _date(fields.get("post_date", ""), utc=False)
    except ValueError:
        raise BrokenItem(name, "its post_date is not a date") from None
    return moment


def _item_name(fields: dict) -> str:
    title = (fields.get("title") or "").strip()
    post_id = (fields.get("post_id") or "").strip()
    name = f"item {fields['seq']}"
    if title:
        name += f" “{_cut(title, 60)}”"
    if post_id:
        name += f" (post {post_id})"
    return name


def _post_id(fields: dict, name: str) -> str:
    post_id = (fields.get("post_id") or "").strip()
    if post_id:
        if not post_id.isdigit():
            raise BrokenItem(name, f"its post_id {post_id!r} is not a number")
        return post_id
    found = POST_ID_IN_GUID.search(fields.get("guid", "") or fields.get("link", ""))
    return found[1] if found else f"seq:{fields['seq']}"


def stage_item(
    staging: Staging,
    fields: dict,
    report: Report,
    *,
    base: str,
    categories: dict[str, dict],
    uploads: Uploads | None,
) -> None:
    """An item: a post, a page, an attachment, or something reported and
    skipped. Categories its post names without the export declaring them join
    `categories`. Raises BrokenItem."""
    name = _item_name(fields)
    post_id = _post_id(fields, name)
    post_type = (fields.get("post_type") or "post").strip()
    status = (fields.get("status") or "publish").strip()
    staging.add_item(fields["seq"], post_id)
    if post_type == "attachment":
        url = (fields.get("attachment_url") or fields.get("guid") or "").strip()
        title = (fields.get("title") or "").strip()
        if uploads is not None and uploads.image(url, title) is not None:
            report.count("attachment", "imported")
        else:
            staging.note("listed", "attachment", name, url)
            report.count("attachment", "listed")
        return
    if post_type not in ("post", "page"):
        reason = f"a {post_type}, not a post or a page"
        staging.note("skipped", post_type, name, reason)
        report.count("item", "skipped")
        return
    if status in ("trash", "auto-draft", "inherit"):
        staging.note("skipped", post_type, name, f"its status is {status}")
        report.count("item", "skipped")
        return
    published_at = _published_at(fields, name)
    title = (fields.get("title") or "").strip()
    slug = _slug(fields.get("post_name", ""), title) or f"post-{post_id}"
    converted = wordpress_markdown(fields.get("content:encoded") or "")
    if uploads is not None:
        markdown = uploads.rewrite(converted.markdown, converted.images)
        rendered = render_markdown(markdown, images=uploads.resolver)
    else:
        markdown = converted.markdown
        rendered = render_markdown(markdown, images=image_for_src)
        for address, _ in converted.images:
            if UPLOADS in address:
                staging.note("listed", "image", name, address)
    for shortcode in sorted(set(converted.dropped)):
        staging.note("reported", post_type, name, f"[{shortcode}] dropped")
    link = urllib.parse.urlsplit((fields.get("link") or "").strip())
    old_paths = {f"{base}/?p={post_id}"} if post_id.isdigit() else set()
    if link.path and link.path not in ("", "/"):
        old_paths.add(link.path)
    elif link.query:
        old_paths.add(f"{link.path or '/'}?{link.query}")
    if post_type == "page":
        if post_id.isdigit():
            old_paths.add(f"{base}/?page_id={post_id}")
        old_paths.add(f"{base}/{slug}/")
        staging.add(
            "page",
            post_id,
            {
                "title": _cut(title or slug, 120),
                "slug": slug[:100],
                "body": markdown,
                "is_published": status == "publish",
                "position": _number(fields.get("menu_order")),
                "_html": rendered.html,
                "old_paths": sorted(old_paths),
            },
        )
        return
    if fields.get("post_password", "").strip():
        status = "draft"
        staging.note(
            "reported",
            "post",
            name,
            "password-protected: imported as a draft, without its password",
        )
    local = (
        published_at.astimezone(ZoneInfo(settings.TIME_ZONE)) if published_at else None
    )
    if local is not None:
        old_paths.add(f"{base}/{local:%Y/%m/%d}/{slug}/")
    old_paths.add(f"{base}/{slug}/")
    cats = [c for c in fields["categories"] if c["domain"] == "category"]
    tags = [c for c in fields["categories"] if c["domain"] == "post_tag"]
    for term in cats:
        # Categories the export did not declare (older exports) still get
        # their old address.
        nicename = term["nicename"] or _slug("", term["name"])
        if nicename and nicename not in categories:
            categories[nicename] = {
                "category_nicename": nicename,
                "cat_name": term["name"],
                "seen": fields["seq"],
            }
    section = _slug(cats[0]["nicename"], cats[0]["name"]) if cats else None
    tag_slugs = []
    for term in cats[1:] + tags:
        slug_of_term = _slug(term["nicename"], term["name"])
        if slug_of_term and slug_of_term not in tag_slugs:
            tag_slugs.append(slug_of_term)
            staging.add(
                "tag",
                slug_of_term,
                {"name": _name(term["name"], slug_of_term), "slug": slug_of_term},
                fallback=True,
            )
    creator = (fields.get("dc:creator") or "").strip()
    if creator:
        staging.add(
            "author",
            creator,
            {
                "name": _cut(creator, 120),
                "slug": _slug(creator, creator) or "author",
                "bio": "",
                "email": "",
                "first_name": "",
                "last_name": "",
            },
            fallback=True,
        )
    excerpt = strip_tags(fields.get("excerpt:encoded") or "").strip()
    staging.add(
        "article",
        post_id,
        {
            "headline": _cut(title or slug, 200),
            "slug": slug[:200],
            "standfirst": _cut(excerpt, 500),
            "body": markdown,
            "status": ARTICLE_STATUS.get(status, "draft"),
            "published_at": published_at.isoformat() if published_at else None,
            "authors": [creator] if creator else [],
            "section": section,
            "tags": tag_slugs,
            "open_for_comments": (fields.get("comment_status") or "open") == "open",
            "old_paths": sorted(old_paths),
            "images": [address for address, _ in converted.images],
            "_html": rendered.html,
            "_text": html.unescape(strip_tags(rendered.html)),
            "_ends": rendered.paragraph_ends,
            "_author_names": [staging.author_names.get(creator, creator)]
            if creator
            else [],
        },
    )


def stage_comment(
    staging: Staging, fields: dict, report: Report, *, skip_broken: bool
) -> None:
    old_id = (fields.get("id") or "").strip()
    name = f"comment {old_id or '?'} (in item {fields['item_seq']})"
    kind = (fields.get("type") or "").strip()
    if kind in ("pingback", "trackback"):
        staging.note("skipped", "comment", name, f"a {kind}")
        report.count("comment", "skipped")
        return
    try:
        if not old_id.isdigit():
            raise BrokenItem(name, f"its comment_id {old_id!r} is not a number")
        try:
            created = _date(fields.get("date_gmt", ""), utc=True) or _date(
                fields.get("date", ""), utc=False
            )
        except ValueError:
            raise BrokenItem(name, "its comment_date is not a date") from None
        if created is None:
            raise BrokenItem(name, "it has no date")
    except BrokenItem as broken:
        if not skip_broken:
            raise
        staging.note("broken", "comment", broken.name, broken.problem)
        report.count("comment", "broken")
        return
    parent = (fields.get("parent") or "0").strip()
    author = (fields.get("author") or "").strip()
    staging.add_comment(
        old_id,
        parent if parent not in ("", "0") else None,
        comment_fields(
            name=_cut(author or "Anonymous", 80),
            email=fields.get("author_email") or "",
            website=(fields.get("author_url") or "").strip()[:300],
            markup=fields.get("content") or "",
            status=COMMENT_STATUS.get((fields.get("approved") or "").strip(), "held"),
            ip=fields.get("author_IP") or "",
            created=created,
        ),
        item_seq=fields["item_seq"],
    )
