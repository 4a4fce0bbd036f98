"""WordPress's export format (WXR 1.0–1.2) read as a stream: the site's
authors, categories and tags, then each item and each of its comments, as plain
dicts, with every element dropped once read so memory stays flat.

Both spellings of the namespaces are accepted (http and https, 1.0, 1.1, 1.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from broadsheet.importers.exceptions import ImportRefused
from broadsheet.importers.safexml import xml_events

WHAT = "a WordPress export (WXR) file"
NAMESPACES = [
    (re.compile(r"https?://wordpress\.org/export/1\.[0-2]/excerpt/?$"), "excerpt"),
    (re.compile(r"https?://wordpress\.org/export/1\.[0-2]/?$"), "wp"),
    (re.compile(r"https?://purl\.org/rss/1\.0/modules/content/?$"), "content"),
    (re.compile(r"https?://purl\.org/dc/elements/1\.1/?$"), "dc"),
]
CHANNEL_RECORDS = {"wp:author": "author", "wp:category": "category", "wp:tag": "tag"}
VERSIONS = {"1.0", "1.1", "1.2"}


class Names:
    """'{http://wordpress.org/export/1.2/}post_id' → 'wp:post_id', remembered."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def __call__(self, tag: str) -> str:
        name = self.seen.get(tag)
        if name is None:
            name = self.seen[tag] = self._short(tag)
        return name

    @staticmethod
    def _short(tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        uri, local = tag[1:].split("}", 1)
        for pattern, prefix in NAMESPACES:
            if pattern.match(uri):
                return f"{prefix}:{local}"
        return f"{{{uri}}}{local}"


def read_wxr(path: Path) -> Iterator[tuple[str, dict]]:
    """("site" | "author" | "category" | "tag" | "item" | "comment", fields).

    Comments come before the item they belong to is finished, each with the
    item's `seq` (its place in the file, from 1), so an item with a hundred
    thousand comments is never held whole.
    """
    names = Names()
    stack: list[str] = []
    channel: Element | None = None
    item: Element | None = None
    seq = 0
    site: dict[str, str] = {}
    for event, element in xml_events(path, WHAT):
        if event == "start":
            name = names(element.tag)
            if not stack and name != "rss":
                raise ImportRefused(f"{path} is not {WHAT}: it is not an RSS file.")
            stack.append(name)
            if name == "channel" and len(stack) == 2:
                channel = element
            elif name == "item" and len(stack) == 3:
                item, seq = element, seq + 1
            continue
        name = stack.pop()
        depth = len(stack)
        if depth == 3 and name == "wp:comment" and item is not None:
            yield "comment", {"item_seq": seq, **_comment(element, names)}
            item.remove(element)
        elif depth == 2 and channel is not None:
            if name == "item":
                yield "item", {"seq": seq, **_item(element, names)}
                item = None
            elif name in CHANNEL_RECORDS:
                yield CHANNEL_RECORDS[name], _fields(element, names)
            elif name in ("wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"):
                site[name[3:]] = (element.text or "").strip()
            elif name in ("title", "link"):
                site[name] = (element.text or "").strip()
            if name == "wp:wxr_version":
                _check_version(path, site["wxr_version"])
                yield "site", site
            channel.remove(element)
    if "wxr_version" not in site:
        raise ImportRefused(
            f"{path} is not {WHAT}: it has no wp:wxr_version (an RSS feed is not an "
            "export; use Tools → Export in WordPress)."
        )


def _check_version(path: Path, version: str) -> None:
    if version not in VERSIONS:
        raise ImportRefused(
            f"{path} is WXR version {version!r}; this importer reads 1.0 to 1.2."
        )


def _text(element: Element) -> str:
    return element.text or ""


def _fields(element: Element, names: Names) -> dict[str, str]:
    """The child elements' texts, by short name without the 'wp:' prefix."""
    return {names(child.tag).removeprefix("wp:"): _text(child) for child in element}


def _item(element: Element, names: Names) -> dict:
    fields: dict = {"categories": [], "meta": {}}
    for child in element:
        name = names(child.tag)
        if name == "category":
            fields["categories"].append(
                {
                    "domain": child.get("domain", "category"),
                    "nicename": child.get("nicename", ""),
                    "name": _text(child).strip(),
                }
            )
        elif name == "wp:postmeta":
            meta = _fields(child, names)
            fields["meta"][meta.get("meta_key", "")] = meta.get("meta_value", "")
        else:
            fields[name.removeprefix("wp:")] = _text(child)
    return fields


def _comment(element: Element, names: Names) -> dict:
    fields = {}
    for child in element:
        name = names(child.tag).removeprefix("wp:")
        if name != "commentmeta":
            fields[name.removeprefix("comment_")] = _text(child)
    return fields
