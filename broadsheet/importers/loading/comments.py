"""Comments into the site, inside the load's transaction (see __init__.py).

Their IDs are chosen ahead, from the last one in use, so replies can point at
parents written in the same batch and the rows go in with one executemany;
old IDs, new IDs and parent links are resolved in the staging file.
"""

from __future__ import annotations

import json

from django.db import connection

from broadsheet.discussion.models import Comment
from broadsheet.importers.models import ImportedObject
from broadsheet.importers.staging import batches

Kind = ImportedObject.Kind
HELD_REASONS = json.dumps(["held on the old site"])
COMMENT_COLUMNS = (
    "id",
    "article_id",
    "parent_id",
    "author_name",
    "author_email",
    "author_website",
    "email_hmac",
    "body",
    "body_html",
    "card_html",
    "card_version",
    "status",
    "ip_prefix",
    "reasons",
    "created_at",
    "updated_at",
)


class CommentLoading:
    """Part of Loader (see __init__.py): the comments.
    It uses the loader's staging, report, records, IDs and time."""

    def _comments(self) -> None:
        first = self._first_comment_id()
        if self._has_records(Kind.COMMENT):
            last = self._decide_comments(first)
        else:
            # A first import: every comment on an article here is new.
            last, skipped = self.staging.number_comments(after=first)
            for old_id in skipped:
                self._note(
                    "skipped",
                    Kind.COMMENT,
                    f"comment {old_id}",
                    "its post was not imported",
                )
        if last > first:
            self._reserve_comment_ids(last)
        self._write_comments()

    def _decide_comments(self, next_id: int) -> int:
        """Create, update, keep or skip each staged comment, by what earlier
        imports recorded; returns the last ID given to a new one."""
        for batch in batches(self.staging.comments()):
            records = self._records(Kind.COMMENT, [row[0] for row in batch])
            stamps = dict(
                Comment.objects.filter(
                    pk__in=[record.object_id for record in records.values()]
                ).values_list("pk", "updated_at")
            )
            decided: list[tuple[str, int | None, str]] = []
            for old_id, article_old_id, _, digest in batch:
                record = records.get(old_id)
                name = f"comment {old_id}"
                if record is None:
                    if article_old_id not in self.ids[Kind.ARTICLE]:
                        self._note(
                            "skipped", Kind.COMMENT, name, "its post was not imported"
                        )
                        decided.append((old_id, None, "skip"))
                        continue
                    next_id += 1
                    decided.append((old_id, next_id, "create"))
                elif record.object_id not in stamps:
                    self._note(
                        "skipped",
                        Kind.COMMENT,
                        name,
                        "deleted here since the last import",
                    )
                    decided.append((old_id, None, "skip"))
                elif record.digest == digest:
                    self.report.count(Kind.COMMENT, "unchanged")
                    decided.append((old_id, record.object_id, "keep"))
                elif stamps[record.object_id] != record.local_updated_at:
                    self._note(
                        "conflict",
                        Kind.COMMENT,
                        name,
                        "moderated or edited here since the last import; left as it is",
                    )
                    decided.append((old_id, record.object_id, "keep"))
                else:
                    decided.append((old_id, record.object_id, "update"))
            self.staging.decide_comments(decided)
        return next_id

    def _first_comment_id(self) -> int:
        """The last comment ID in use; ours follow it. On PostgreSQL the table is
        locked for the rest of the transaction (posts wait) and the sequence
        moved past ours once they are known."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "LOCK TABLE discussion_comment IN SHARE ROW EXCLUSIVE MODE"
                )
                cursor.execute(
                    "SELECT greatest(coalesce(max(id), 0), "
                    "(SELECT last_value FROM discussion_comment_id_seq)) "
                    "FROM discussion_comment"
                )
            else:
                cursor.execute("SELECT coalesce(max(id), 0) FROM discussion_comment")
            return cursor.fetchone()[0]

    def _reserve_comment_ids(self, last: int) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT setval("
                    "pg_get_serial_sequence('discussion_comment', 'id'), %s)",
                    [last],
                )

    def _write_comments(self) -> None:
        ops = connection.ops
        now = ops.adapt_datetimefield_value(self.now)
        reasons = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
        marks = ", ".join(
            reasons if column == "reasons" else "%s" for column in COMMENT_COLUMNS
        )
        insert = (
            f"INSERT INTO discussion_comment ({', '.join(COMMENT_COLUMNS)}) "  # noqa: S608
            f"VALUES ({marks})"
        )
        for batch in batches(self.staging.comments_to_write()):
            rows, updates, created, updated = [], [], [], []
            for pk, action, old_id, article_id, parent_id, data, digest in batch:
                values = self._comment_values(data)
                if action == "create":
                    rows.append(
                        (
                            pk,
                            article_id,
                            parent_id,
                            *values,
                            "",
                            "",
                            data["status"],
                            data["ip_prefix"],
                            HELD_REASONS
                            if data["status"] == Comment.Status.HELD
                            else "[]",
                            # Naive UTC, as both databases take it (Django's
                            # connections run in UTC).
                            data["_utc"],
                            now,
                        )
                    )
                    created.append((old_id, pk, digest))
                else:
                    updates.append((pk, parent_id, data))
                    updated.append((old_id, pk, digest))
            self.report.count(Kind.COMMENT, "imported", len(created))
            self.report.count(Kind.COMMENT, "updated", len(updated))
            if rows:
                with connection.cursor() as cursor:
                    cursor.executemany(insert, rows)
            for pk, parent_id, data in updates:
                name, email, website, hmac, body, body_html = self._comment_values(data)
                Comment.objects.filter(pk=pk).update(
                    parent_id=parent_id,
                    author_name=name,
                    author_email=email,
                    author_website=website,
                    email_hmac=hmac,
                    body=body,
                    body_html=body_html,
                    card_version="",
                    status=data["status"],
                    updated_at=self.now,
                )
            self._record_comments(created, updated)
            self.changed = True

    @staticmethod
    def _comment_values(data: dict) -> tuple:
        return (
            data["name"],
            data["email"],
            data["website"],
            data["_hmac"],
            data["body"],
            data["_html"],
        )

    def _record_comments(
        self, created: list[tuple[str, int, str]], updated: list[tuple[str, int, str]]
    ) -> None:
        now = connection.ops.adapt_datetimefield_value(self.now)
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO importers_importedobject (source, kind, old_id, "
                "object_id, digest, local_updated_at, imported_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (self.source, Kind.COMMENT.value, old_id, pk, digest, now, now)
                    for old_id, pk, digest in created
                ],
            )
        existing = self._records(Kind.COMMENT, [old_id for old_id, _, _ in updated])
        for old_id, _, digest in updated:
            record = existing[old_id]
            record.digest, record.local_updated_at = digest, self.now
            record.imported_at = self.now
            record.save()
