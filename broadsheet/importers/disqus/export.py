"""A Disqus export (Disqus admin → Moderate → Export) read as a stream: its
threads (one per page that had comments) and its posts (the comments), as
plain dicts, each element dropped once read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from broadsheet.importers.exceptions import ImportRefused
from broadsheet.importers.safexml import xml_events

WHAT = "a Disqus export file"
DISQUS = "{http://disqus.com}"
INTERNALS = "{http://disqus.com/disqus-internals}id"


def read_disqus(path: Path) -> Iterator[tuple[str, dict]]:
    """("thread" | "post", fields); a post names its thread and parent by id."""
    depth = 0
    root: Element | None = None
    for event, element in xml_events(path, WHAT):
        if event == "start":
            if depth == 0:
                if element.tag != f"{DISQUS}disqus":
                    raise ImportRefused(
                        f"{path} is not {WHAT}: its root is not <disqus> in the "
                        "http://disqus.com namespace."
                    )
                root = element
            depth += 1
            continue
        depth -= 1
        if depth != 1 or root is None:
            continue
        kind = element.tag.removeprefix(DISQUS)
        if kind in ("thread", "post"):
            yield kind, _fields(element)
        root.remove(element)


def _fields(element: Element) -> dict:
    fields = {"dsq_id": element.get(INTERNALS, "")}
    for child in element:
        name = child.tag.removeprefix(DISQUS)
        if name == "author":
            for part in child:
                fields[f"author_{part.tag.removeprefix(DISQUS)}"] = part.text or ""
        elif name in ("thread", "parent"):
            fields[name] = child.get(INTERNALS, "")
        else:
            fields[name] = child.text or ""
    return fields
