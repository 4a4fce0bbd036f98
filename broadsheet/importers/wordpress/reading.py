"""Reading a WordPress export into the staging file: the loop over its records,
whole or one shard of it (see shards.py), and what the reading found besides
the rows it staged."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.importers.exceptions import BrokenItem
from broadsheet.importers.report import Report
from broadsheet.importers.staging import Staging
from broadsheet.importers.uploads import Uploads
from broadsheet.importers.wordpress.transform import (
    stage_author,
    stage_categories,
    stage_comment,
    stage_item,
    stage_tag,
)
from broadsheet.importers.wordpress.wxr import read_wxr


@dataclass
class Read:
    """What reading an export (or one shard of it) found besides staged rows."""

    site: dict = field(default_factory=dict)
    base: str = ""
    # Categories by nicename: those the export declares, in its order, then
    # those only its posts name, each with the place it was first named.
    categories: dict[str, dict] = field(default_factory=dict)
    records: int = 0


def stage_wordpress(
    path: Path,
    staging: Staging,
    report: Report,
    *,
    skip_broken: bool,
    uploads: Uploads | None = None,
) -> dict:
    """Read the export at `path` into `staging`; returns the site's facts.
    Raises ImportRefused (and BrokenItem, without `skip_broken`)."""
    read = read_wordpress(
        path, staging, report, skip_broken=skip_broken, uploads=uploads
    )
    finish_wordpress(staging, read)
    return {**read.site, "base_path": read.base}


def read_wordpress(
    path: Path,
    staging: Staging,
    report: Report,
    *,
    skip_broken: bool,
    uploads: Uploads | None = None,
    shard: tuple[int, int] = (0, 1),
) -> Read:
    """Stage the records of the export; with `shard=(k, n)`, only the items
    whose place in the file is k modulo n, and their comments (the authors,
    categories and tags declared in the export are staged by every shard)."""
    number, shards = shard
    read = Read()
    for kind, fields in read_wxr(path):
        read.records += 1
        report.tick(kind)
        if kind in ("comment", "item"):
            item_seq = fields["item_seq" if kind == "comment" else "seq"]
            if item_seq % shards != number:
                continue
        staging.at(read.records)
        if kind == "site":
            read.site = fields
            read.base = urllib.parse.urlsplit(
                fields.get("base_blog_url") or fields.get("link") or ""
            ).path.rstrip("/")
        elif kind == "author":
            stage_author(staging, fields)
        elif kind == "category":
            read.categories[fields.get("category_nicename", "")] = fields
        elif kind == "tag":
            stage_tag(staging, fields)
        elif kind == "comment":
            stage_comment(staging, fields, report, skip_broken=skip_broken)
        elif kind == "item":
            try:
                stage_item(
                    staging,
                    fields,
                    report,
                    base=read.base,
                    categories=read.categories,
                    uploads=uploads,
                )
            except BrokenItem as broken:
                if not skip_broken:
                    raise
                staging.note("broken", "item", broken.name, broken.problem)
                report.count("item", "broken")
                staging.forget_comments_of(fields["seq"])
            if uploads is not None:
                uploads.stage(staging)
    staging.flush()
    return read


def finish_wordpress(staging: Staging, read: Read) -> None:
    """After every record is staged: the categories, and each comment tied to
    its item's post."""
    staging.at(read.records + 1)
    stage_categories(staging, read.categories, read.base)
    staging.finish()


def merged_reads(reads: list[Read]) -> Read:
    """The shards' findings as one read of the whole file would have them."""
    first = reads[0]
    declared = {
        key: fields for key, fields in first.categories.items() if "seen" not in fields
    }
    named: dict[str, dict] = {}
    for read in reads:
        for key, fields in read.categories.items():
            if "seen" in fields and key not in declared:
                if key not in named or fields["seen"] < named[key]["seen"]:
                    named[key] = fields
    ordered = sorted(named.items(), key=lambda pair: pair[1]["seen"])
    return Read(
        site=first.site,
        base=first.base,
        categories={**declared, **dict(ordered)},
        records=first.records,
    )
