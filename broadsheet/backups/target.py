"""What the data directory held before the command started, and putting it
back so after a restore that failed or was refused.

`broadsheet restore` refuses a data directory that holds anything, but the
`broadsheet` command itself makes the directory, `static/` and a secret key
before Django is set up (`conf.check`, then `settings.py`). So the CLI looks
first (`look`), the restore command judges what was there then
(`found_before_start`), and a restore that does not finish removes what the
command made (`put_back`). No Django here: this runs before settings exist.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from broadsheet import datadir

# What `conf.check` makes in a data directory (an empty `static/`, a key).
MADE_AT_START = ("static", datadir.SECRET_KEY_FILE)
# A mount point's own folder: restoring beside it harms nothing.
LOST_AND_FOUND = "lost+found"

_found: list[str] | None = None
_made_from: Path | None = None  # the first folder of the path that was missing


def look(data_dir: Path) -> None:
    """Remember the names in `data_dir` now, and which of its folders are missing."""
    global _found, _made_from
    _found = _names(data_dir)
    _made_from = None
    missing = data_dir
    while not missing.exists() and missing != missing.parent:
        _made_from, missing = missing, missing.parent


def found_before_start(data_dir: Path) -> list[str]:
    """The names `look` saw, or those there now when it was not called (the
    command run by other means than the `broadsheet` CLI: stricter, never
    looser); an empty (or unreadable) `lost+found` does not count."""
    found = list(_found) if _found is not None else _names(data_dir)
    if LOST_AND_FOUND in found and _is_empty(data_dir / LOST_AND_FOUND):
        found.remove(LOST_AND_FOUND)
    return found


def put_back(data_dir: Path, *, also: tuple[str, ...] = ()) -> None:
    """Remove what this command made since `look`: the data directory, and the
    folders above it, when they were missing; else an empty `static/`, the
    secret key and the names in `also` when they were not there. Does nothing
    when `look` was not called."""
    if _found is None:
        return
    if _made_from is not None:
        shutil.rmtree(_made_from, ignore_errors=True)
        return
    for name in (*MADE_AT_START, *also):
        path = data_dir / name
        if name in _found or not path.exists():
            continue
        try:
            path.rmdir() if path.is_dir() else path.unlink()
        except OSError:
            pass  # not empty: not only ours


def _is_empty(folder: Path) -> bool:
    try:
        return folder.is_dir() and not any(folder.iterdir())
    except PermissionError:
        return True  # root's (0700): fsck's, never the site's


def _names(data_dir: Path) -> list[str]:
    if not data_dir.is_dir():
        return []
    return sorted(entry.name for entry in data_dir.iterdir())
