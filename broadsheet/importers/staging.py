"""The staging file: a SQLite database beside the site's data where an import
writes what it read, mapped, before anything reaches the site.

Old IDs, parent links and the IDs things get here live in its tables, not in
memory, so children may come before their parents and memory stays flat
whatever the size of the export. The file is removed once the import is over.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

SCHEMA = """
CREATE TABLE objects (
    kind TEXT NOT NULL,          -- author, section, tag, article, page
    old_id TEXT NOT NULL,
    seq INTEGER NOT NULL,        -- order in the file
    data TEXT NOT NULL,          -- the mapped fields, JSON
    digest TEXT NOT NULL,
    new_id INTEGER,
    PRIMARY KEY (kind, old_id)
);
CREATE TABLE comments (
    old_id TEXT PRIMARY KEY,
    article_old_id TEXT NOT NULL,
    parent_old_id TEXT,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    digest TEXT NOT NULL,
    new_id INTEGER,
    action TEXT
);
CREATE INDEX comments_by_article ON comments (article_old_id);
CREATE TABLE notes (
    outcome TEXT NOT NULL,       -- skipped, broken, reported
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""
BATCH = 2000


def batches(rows: Iterable, size: int = 1000) -> Iterator[list]:
    """Staged rows, a list at a time."""
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def digest_of(data: dict) -> str:
    import hashlib

    # Keys starting with "_" are derived here (rendered HTML), not read.
    read = {key: value for key, value in data.items() if not key.startswith("_")}
    text = json.dumps(read, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class Staging:
    """One import's staging file. Writes are batched; `flush()` commits them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(SCHEMA)
        self.pending: dict[str, list[tuple]] = {"objects": [], "comments": []}
        self.seq = 0
        # Authors, sections and tags staged so far: few, so kept in memory.
        self.known: set[tuple[str, str]] = set()
        self.author_names: dict[str, str] = {}

    def add(self, kind: str, old_id: str, data: dict) -> None:
        self.seq += 1
        if kind in ("author", "section", "tag"):
            self.known.add((kind, old_id))
        row = (kind, old_id, self.seq, json.dumps(data), digest_of(data))
        self._queue("objects", row)

    def add_comment(
        self, old_id: str, article_old_id: str, parent_old_id: str | None, data: dict
    ) -> None:
        self.seq += 1
        row = (
            old_id,
            article_old_id,
            parent_old_id,
            self.seq,
            json.dumps(data),
            digest_of(data),
        )
        self._queue("comments", row)

    def note(self, outcome: str, kind: str, name: str, reason: str) -> None:
        self.db.execute(
            "INSERT INTO notes VALUES (?, ?, ?, ?)", (outcome, kind, name, reason)
        )

    def _queue(self, table: str, row: tuple) -> None:
        rows = self.pending[table]
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        marks = {
            "objects": "?, ?, ?, ?, ?, NULL",
            "comments": "?, ?, ?, ?, ?, ?, NULL, NULL",
        }
        with self.db:
            for table, rows in self.pending.items():
                if rows:
                    # OR REPLACE: an export listing an object twice keeps the last.
                    self.db.executemany(
                        f"INSERT OR REPLACE INTO {table} VALUES ({marks[table]})",  # noqa: S608
                        rows,
                    )
                    rows.clear()

    def add_category(self, slug: str, data: dict) -> None:
        self.add("section", slug, data)

    def has(self, kind: str, old_id: str) -> bool:
        return (kind, old_id) in self.known

    def move_comments(self, item_key: str, article_old_id: str) -> None:
        """The comments read inside an item, given the item's own ID once known."""
        self.flush()
        with self.db:
            self.db.execute(
                "UPDATE comments SET article_old_id = ? WHERE article_old_id = ?",
                (article_old_id, item_key),
            )

    def forget_comments_of(self, item_key: str) -> int:
        self.flush()
        with self.db:
            return self.db.execute(
                "DELETE FROM comments WHERE article_old_id = ?", (item_key,)
            ).rowcount

    def objects(self, kind: str) -> Iterator[tuple[str, dict, str]]:
        """(old_id, data, digest) of each staged object of this kind, in file order."""
        self.flush()
        rows = self.db.execute(
            "SELECT old_id, data, digest FROM objects WHERE kind = ? ORDER BY seq",
            (kind,),
        )
        for old_id, data, digest in rows:
            yield old_id, json.loads(data), digest

    def comments(self) -> Iterator[tuple[str, str, str | None, dict, str]]:
        self.flush()
        rows = self.db.execute(
            "SELECT old_id, article_old_id, parent_old_id, data, digest "
            "FROM comments ORDER BY seq"
        )
        for old_id, article, parent, data, digest in rows:
            yield old_id, article, parent, json.loads(data), digest

    def set_new_ids(self, kind: str, ids: dict[str, int]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE objects SET new_id = ? WHERE kind = ? AND old_id = ?",
                [(pk, kind, old_id) for old_id, pk in ids.items()],
            )

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
        return self.db.execute("SELECT * FROM notes ORDER BY rowid").fetchall()

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)
