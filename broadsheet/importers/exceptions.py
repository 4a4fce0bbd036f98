from __future__ import annotations

import errno
from pathlib import Path


class ImportRefused(Exception):
    """The file cannot be imported; the message is one plain sentence."""


class BrokenItem(ImportRefused):
    """One item of the file cannot be mapped; `--skip-broken` goes on without it."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


def stopped_by_outage(error: BaseException, data_dir: Path) -> ImportRefused:
    """The one sentence for an import that an outage stopped (an error for
    which `core.outages.is_outage` is true): the load commits whole or not at
    all, so nothing was imported."""
    cause: BaseException | None = error
    while cause is not None:
        # The staging file, and SQLite's database, are in the data directory.
        full = getattr(cause, "errno", None) in (errno.ENOSPC, errno.EDQUOT)
        if full or "database or disk is full" in str(cause).lower():
            return ImportRefused(
                f"The disk holding the data directory {data_dir} is full: nothing "
                "was imported; free some space and run the import again."
            )
        cause = cause.__cause__
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return ImportRefused(
        f"The database or the disk is unavailable ({first_line}): nothing was "
        "imported; run the import again once it is back."
    )
