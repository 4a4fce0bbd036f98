"""The data directory's lock: who is using it, so a restore never replaces a
database under a running site.

Every `broadsheet` command (`serve`, `worker`, `import`, `shell`…) holds a
shared `flock` on `broadsheet.lock` in the data directory for its whole life;
`broadsheet restore` takes it alone or refuses. A site that went on running
would keep writing into the database the restore unlinked, and lose those
writes at its next start.

The lock belongs to the open file, not to a process: the processes a command
forks (granian's workers) share it, and one of them ending does not release
it; only the last of them closing the file does. It is never released by
hand, and the file is never removed (removing a lock file lets two processes
lock two different files). No Django here: the CLI takes it before settings
exist.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from broadsheet import conf

LOCK_FILE = "broadsheet.lock"
BUSY = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES}

_held: int | None = None  # kept open for the life of the process


class Busy(Exception):
    """Another process holds the lock in a way that excludes this one."""

    def __init__(self, holders: list[str]) -> None:
        super().__init__("; ".join(holders) or f"a process holding {LOCK_FILE}")


def share(data_dir: Path) -> None:
    """Hold the lock shared for the rest of this process. Raises ConfigError
    while a restore holds it; a filesystem that cannot lock is let be."""
    try:
        _take(data_dir, fcntl.LOCK_SH)
    except Busy as busy:
        raise conf.ConfigError(
            f"A restore is running on the data directory {data_dir} ({busy}): "
            "wait for it to finish."
        ) from None
    except OSError:
        pass  # no worse than before the lock existed


def take_alone(data_dir: Path) -> None:
    """Hold the lock alone for the rest of this process. Raises Busy, naming
    the commands that hold it, or OSError when it cannot be taken."""
    _take(data_dir, fcntl.LOCK_EX)


def _take(data_dir: Path, how: int) -> None:
    global _held
    # Read-write, which NFS needs for an exclusive lock; the file stays empty.
    descriptor = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, how | fcntl.LOCK_NB)
    except OSError as error:
        holders = _holders(descriptor) if error.errno in BUSY else []
        os.close(descriptor)
        if error.errno in BUSY:
            raise Busy(holders) from None
        raise
    if _held is not None:
        os.close(_held)  # the lock of an earlier call, on the same file
    _held = descriptor


def _holders(descriptor: int) -> list[str]:
    """The commands holding a lock on this file, as "broadsheet serve, process
    1234", from Linux's /proc/locks (none elsewhere)."""
    inode = os.fstat(descriptor).st_ino
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    holders = []
    for line in lines:
        # "12: FLOCK  ADVISORY  READ 4321 08:01:5678 0 EOF"; a waiter has "->".
        fields = line.split()
        if len(fields) < 6 or fields[1] != "FLOCK":
            continue
        if fields[5].rsplit(":", 1)[-1] == str(inode) and fields[4].isdigit():
            holders.append(_command(int(fields[4])))
    return sorted(set(holders))


def _command(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except (OSError, UnicodeDecodeError):
        return f"process {pid}"
    for at, word in enumerate(words[:-1]):
        if word.endswith("broadsheet.cli") or Path(word).name == "broadsheet":
            return f"broadsheet {words[at + 1]}, process {pid}"
    return f"process {pid}"
