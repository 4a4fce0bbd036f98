"""SQLite with writers queued on a file lock instead of SQLite's busy loop.

While another process holds the write lock, SQLite's busy handler sleeps in
growing steps (up to 100 ms) before trying again, so with a few concurrent
writers most of the time goes to sleeping. Here each write transaction first
takes an exclusive `flock` on a file beside the database: the kernel wakes the
next writer the moment the previous one commits. `BEGIN IMMEDIATE` and the busy
timeout stay as a second line for writes that do not come through a transaction
(single autocommit statements).
"""

from __future__ import annotations

import fcntl
import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    _write_lock: int | None = None

    def _start_transaction_under_autocommit(self) -> None:
        if not self.is_in_memory_db():
            descriptor = os.open(
                f"{self.settings_dict['NAME']}.write-lock",
                os.O_RDWR | os.O_CREAT,
                0o600,
            )
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            self._write_lock = descriptor
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._unlock()
            raise

    def _unlock(self) -> None:
        descriptor, self._write_lock = self._write_lock, None
        if descriptor is not None:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._unlock()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._unlock()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._unlock()
