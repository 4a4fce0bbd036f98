"""What the data directory held before the command started.

`broadsheet restore` refuses a data directory that holds anything, but the
`broadsheet` command itself makes the directory, `static/` and a secret key
before Django is set up (`conf.check`, then `settings.py`). So the CLI looks
first (`look`), and the restore command judges what was there then
(`found_before_start`). No Django here: this runs before settings exist.
"""

from __future__ import annotations

from pathlib import Path

_found: list[str] | None = None


def look(data_dir: Path) -> None:
    """Remember the names in `data_dir` now (none when it does not exist yet)."""
    global _found
    _found = _names(data_dir)


def found_before_start(data_dir: Path) -> list[str]:
    """The names `look` saw, or those there now when it was not called (the
    command run by other means than the `broadsheet` CLI: stricter, never looser)."""
    return list(_found) if _found is not None else _names(data_dir)


def _names(data_dir: Path) -> list[str]:
    if not data_dir.is_dir():
        return []
    return sorted(entry.name for entry in data_dir.iterdir())
