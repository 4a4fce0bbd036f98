"""The staging file: a SQLite database beside the site's data where an import
writes what it read, mapped, before anything reaches the site.

Old IDs, parent links and the IDs things get here live in its tables, not in
memory, so children may come before their parents and memory stays flat
whatever the size of the export. Rows carry their record's place in the file
(`seq`), so staging files written side by side by several processes, each
keeping some of the items, merge into the one a single process would write.
The file is removed once the import is over.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

SCHEMA = """
CREATE TABLE objects (
    kind TEXT NOT NULL,          -- author, section, tag, article, page, image
    old_id TEXT NOT NULL,
    seq INTEGER NOT NULL,        -- the record's place in the file
    sub INTEGER NOT NULL,        -- order among the rows one record adds
    is_fallback INTEGER NOT NULL,-- named by an item, not declared: first one wins
    data TEXT NOT NULL,          -- the mapped fields, JSON
    digest TEXT NOT NULL,
    new_id INTEGER,
    PRIMARY KEY (kind, old_id)
);
CREATE TABLE items (             -- the old ID of each item, by its place
    item_seq INTEGER PRIMARY KEY,
    old_id TEXT NOT NULL
);
CREATE TABLE comments (
    seq INTEGER PRIMARY KEY,     -- the record's place in the file
    old_id TEXT NOT NULL,        -- unique once finish() has run
    item_seq INTEGER,            -- read inside this item (WordPress) …
    article_old_id TEXT,         -- … or under this article's key (Disqus)
    parent_old_id TEXT,
    data TEXT NOT NULL,
    digest TEXT NOT NULL,
    new_id INTEGER,
    action TEXT
);
CREATE TABLE notes (
    seq INTEGER NOT NULL,
    outcome TEXT NOT NULL,       -- skipped, broken, reported, listed
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""
BATCH = 2000
COLUMNS = {
    "objects": "kind, old_id, seq, sub, is_fallback, data, digest, new_id",
    "items": "item_seq, old_id",
    "comments": "seq, old_id, item_seq, article_old_id, parent_old_id, data, "
    "digest, new_id, action",
    "notes": "seq, outcome, kind, name, reason",
}


def batches(rows: Iterable, size: int = 1000) -> Iterator[list]:
    """Staged rows, a list at a time."""
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def encoded(data: dict) -> tuple[str, str]:
    """The JSON of mapped fields, and the digest of those read from the file
    (keys starting with "_" are derived here, such as rendered HTML)."""
    read = {key: value for key, value in data.items() if not key.startswith("_")}
    digested = json.dumps(read, sort_keys=True, ensure_ascii=False, default=str)
    text = json.dumps(data, ensure_ascii=False)
    return text, hashlib.sha256(digested.encode()).hexdigest()


class Staging:
    """One import's staging file. Writes are batched; `flush()` commits them.

    The reader tells it where in the file it is (`at(seq)`) before staging
    what a record maps to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        # It holds commenters' e-mail addresses: private from its first byte.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        self.db = sqlite3.connect(path, isolation_level=None)
        try:
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
            self.db.executescript(SCHEMA)
        except BaseException:
            self.close()  # a full disk, say: no half-made file is left
            raise
        self.pending: dict[str, list[tuple]] = {
            "objects": [],
            "comments": [],
            "items": [],
            "notes": [],
        }
        self.seq = 0
        self.sub = 0
        # Authors, sections, tags and images staged so far: few, so kept in
        # memory (a fallback for one of them is not staged).
        self.known: set[tuple[str, str]] = set()
        self.author_names: dict[str, str] = {}

    def at(self, seq: int) -> None:
        """What is staged next comes from the record at this place in the file."""
        self.seq, self.sub = seq, 0

    def add(
        self, kind: str, old_id: str, data: dict, *, fallback: bool = False
    ) -> None:
        """Stage an object; one staged again under the same kind and old ID
        replaces the first (an export listing it twice keeps the last), except
        a fallback, which never replaces anything."""
        if fallback and (kind, old_id) in self.known:
            return
        self.sub += 1
        if kind in ("author", "section", "tag", "image"):
            self.known.add((kind, old_id))
        text, digest = encoded(data)
        row = (kind, old_id, self.seq, self.sub, int(fallback), text, digest)
        self._queue("objects", row)

    def add_item(self, item_seq: int, old_id: str) -> None:
        """The old ID of the item at this place among the items: the comments
        read inside it belong to it."""
        self._queue("items", (item_seq, old_id))

    def add_comment(
        self,
        old_id: str,
        parent_old_id: str | None,
        data: dict,
        *,
        item_seq: int | None = None,
        article_old_id: str | None = None,
    ) -> None:
        text, digest = encoded(data)
        row = (self.seq, old_id, item_seq, article_old_id, parent_old_id, text, digest)
        self._queue("comments", row)

    def note(self, outcome: str, kind: str, name: str, reason: str) -> None:
        self._queue("notes", (self.seq, outcome, kind, name, reason))

    def _queue(self, table: str, row: tuple) -> None:
        rows = self.pending[table]
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        statements = {
            # OR REPLACE: an export listing an object twice keeps the last.
            "objects": "INSERT OR REPLACE INTO objects "
            "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
            "comments": "INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
            "items": "INSERT OR REPLACE INTO items VALUES (?, ?)",
            "notes": "INSERT INTO notes VALUES (?, ?, ?, ?, ?)",
        }
        with self.db:
            for table, rows in self.pending.items():
                if rows:
                    self.db.executemany(statements[table], rows)
                    rows.clear()

    def forget_comments_of(self, item_seq: int) -> None:
        """Drop the comments read inside an item that could not be staged."""
        self.flush()
        with self.db:
            self.db.execute("DELETE FROM comments WHERE item_seq = ?", (item_seq,))

    def merge(self, parts: list[Path]) -> None:
        """Bring in the staging files that other processes wrote, each holding
        some of the items, as if one process had read them all: for the same
        object, the last declared one in the file wins, else the first
        fallback."""
        self.flush()
        names = [f"part{number}" for number in range(len(parts))]
        for name, part in zip(names, parts, strict=True):
            self.db.execute(f"ATTACH DATABASE ? AS {name}", (str(part),))
        try:
            with self.db:
                for verb, table, where, order in (
                    ("INSERT OR REPLACE", "objects", "NOT is_fallback", "seq, sub"),
                    # After the declared ones, which stay; the first one wins.
                    ("INSERT OR IGNORE", "objects", "is_fallback", "seq, sub"),
                    ("INSERT OR REPLACE", "items", "1", "item_seq"),
                    ("INSERT", "comments", "1", "seq"),
                    # A note's place among its record's: its row in its file.
                    ("INSERT", "notes", "1", "seq, part_row"),
                ):
                    union = " UNION ALL ".join(
                        f"SELECT *, rowid AS part_row FROM {name}.{table} "  # noqa: S608
                        f"WHERE {where}"
                        for name in names
                    )
                    columns = COLUMNS[table]
                    self.db.execute(
                        f"{verb} INTO main.{table} "  # noqa: S608
                        f"SELECT {columns} FROM ({union}) ORDER BY {order}"
                    )
        finally:
            for name in names:
                self.db.execute(f"DETACH DATABASE {name}")

    def finish(self) -> None:
        """After reading: each comment read inside an item belongs to that
        item's old ID, and a comment ID the export lists twice keeps its last
        comment (noted)."""
        self.flush()
        with self.db:
            self.db.execute(
                "UPDATE comments SET article_old_id = "
                "(SELECT old_id FROM items WHERE items.item_seq = comments.item_seq) "
                "WHERE item_seq IS NOT NULL"
            )
            twice = self.db.execute(
                "SELECT old_id, count(*) FROM comments GROUP BY old_id "
                "HAVING count(*) > 1 ORDER BY min(seq)"
            ).fetchall()
            self.db.execute(
                "DELETE FROM comments WHERE seq NOT IN "
                "(SELECT max(seq) FROM comments GROUP BY old_id)"
            )
            # Built once, after the inserts: lookups by old ID from here on.
            self.db.execute(
                "CREATE UNIQUE INDEX comments_by_old_id ON comments (old_id)"
            )
        for old_id, times in twice:
            self.note(
                "reported",
                "comment",
                f"comment {old_id}",
                f"listed {times} times in the export; the last one is imported",
            )
        self.flush()

    def objects(self, kind: str) -> Iterator[tuple[str, dict, str]]:
        """(old_id, data, digest) of each staged object of this kind, in file order."""
        self.flush()
        rows = self.db.execute(
            "SELECT old_id, data, digest FROM objects WHERE kind = ? ORDER BY seq, sub",
            (kind,),
        )
        for old_id, data, digest in rows:
            yield old_id, json.loads(data), digest

    def comments(self) -> Iterator[tuple[str, str, str | None, str]]:
        """(old_id, article_old_id, parent_old_id, digest) of each comment."""
        self.flush()
        rows = self.db.execute(
            "SELECT old_id, article_old_id, parent_old_id, digest "
            "FROM comments ORDER BY seq"
        )
        yield from rows

    def set_new_ids(self, kind: str, ids: dict[str, int]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE objects SET new_id = ? WHERE kind = ? AND old_id = ?",
                [(pk, kind, old_id) for old_id, pk in ids.items()],
            )

    def number_comments(self, *, after: int) -> tuple[int, list[str]]:
        """A first import: each comment on an article here is to be created,
        with IDs from `after` + 1 in file order. Returns the last ID given, and
        the old IDs of the comments left out (their post is not here)."""
        self.flush()
        with self.db:
            skipped = [
                old_id
                for (old_id,) in self.db.execute(
                    "SELECT old_id FROM comments c WHERE NOT EXISTS (SELECT 1 "
                    "FROM objects a WHERE a.kind = 'article' AND a.old_id = "
                    "c.article_old_id AND a.new_id IS NOT NULL) ORDER BY seq"
                )
            ]
            # A temporary table, not UPDATE … FROM: that needs SQLite 3.33.
            self.db.execute(
                "CREATE TEMP TABLE numbered (old_id TEXT PRIMARY KEY, n INTEGER)"
            )
            self.db.execute(
                "INSERT INTO numbered SELECT old_id, row_number() OVER (ORDER BY "
                "seq) FROM comments c WHERE EXISTS (SELECT 1 FROM objects a WHERE "
                "a.kind = 'article' AND a.old_id = c.article_old_id AND "
                "a.new_id IS NOT NULL)"
            )
            numbered = self.db.execute(
                "UPDATE comments SET action = 'create', new_id = ? + (SELECT n "
                "FROM numbered WHERE numbered.old_id = comments.old_id) "
                "WHERE old_id IN (SELECT old_id FROM numbered)",
                (after,),
            )
            self.db.execute("DROP TABLE numbered")
        return after + numbered.rowcount, skipped

    def decide_comments(self, decided: list[tuple[str, int | None, str]]) -> None:
        """(old_id, its ID here, create | update | keep | skip) for each comment."""
        with self.db:
            self.db.executemany(
                "UPDATE comments SET new_id = ?, action = ? WHERE old_id = ?",
                [(pk, action, old_id) for old_id, pk, action in decided],
            )

    def comments_to_write(self) -> Iterator[tuple]:
        """(id, action, old_id, article_id, parent_id, data, digest) of each
        comment to create or update, its parent's ID here resolved (None when
        the parent is not imported, or on another article)."""
        rows = self.db.execute(
            "SELECT c.new_id, c.action, c.old_id, a.new_id, "
            "CASE WHEN p.article_old_id = c.article_old_id THEN p.new_id END, "
            "c.data, c.digest FROM comments c "
            "JOIN objects a ON a.kind = 'article' AND a.old_id = c.article_old_id "
            "LEFT JOIN comments p ON p.old_id = c.parent_old_id "
            "WHERE c.action IN ('create', 'update') ORDER BY c.seq"
        )
        for pk, action, old_id, article_id, parent_id, data, digest in rows:
            yield pk, action, old_id, article_id, parent_id, json.loads(data), digest

    def notes(self) -> list[tuple[str, str, str, str]]:
        return self.db.execute(
            "SELECT outcome, kind, name, reason FROM notes ORDER BY seq, rowid"
        ).fetchall()

    def close(self, *, keep: bool = False) -> None:
        """Close the file, and remove it unless another process merges it."""
        self.db.close()
        if not keep:
            self.path.unlink(missing_ok=True)
