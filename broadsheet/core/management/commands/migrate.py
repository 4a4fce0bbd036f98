"""Django's `migrate`, one host at a time.

On PostgreSQL several hosts may start at once on the same database (`broadsheet
serve` migrates at each start): each migrates under a session advisory lock,
so the second waits for the first, then finds nothing left to do, instead of
failing on a table the first has just made. SQLite has one host.
"""

from __future__ import annotations

import contextlib

from django.core.management.commands import migrate
from django.db import DatabaseError, connections

# Any number every host agrees on; "bsmigrat" in ASCII.
LOCK_KEY = 0x62736D6967726174


class Command(migrate.Command):
    def handle(self, *args, **options):
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            return super().handle(*args, **options)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            if not cursor.fetchone()[0]:
                self.stderr.write(
                    "Another host is migrating this database: waiting for it."
                )
                cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        try:
            return super().handle(*args, **options)
        finally:
            # Released with the session in any case, a broken one included.
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
