"""The data directory: made on first start, its secret key, its private files.

`conf` says where it is (`Config.data_dir`); this makes it and keeps it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from broadsheet.conf import Config, ConfigError

SECRET_KEY_FILE = "secret_key"  # noqa: S105  (a file name, not a secret)


# Files that hold readers' and staff's data or the key: the owner's alone.
PRIVATE_FILES = (
    "broadsheet.sqlite3",
    "broadsheet.sqlite3-wal",
    "broadsheet.sqlite3-shm",
    "cache.sqlite3",
    "cache.sqlite3-wal",
    "cache.sqlite3-shm",
    SECRET_KEY_FILE,
)


def ensure_data_dir(config: Config) -> None:
    """Create the data directory and its secret key if missing. A full disk is
    not fatal: the site still answers reads, and says so.

    Raises ConfigError when the directory cannot be created or written.
    """
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
        (config.data_dir / "static").mkdir(exist_ok=True)
        _probe_writable(config.data_dir)
        if not config.secret_key:
            key_file = config.data_dir / SECRET_KEY_FILE
            if not key_file.exists():
                descriptor = os.open(
                    key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
                )
                with os.fdopen(descriptor, "w") as handle:
                    handle.write(secrets.token_urlsafe(50))
    except OSError as error:
        raise ConfigError(
            f"The data directory {config.data_dir} cannot be written "
            f"({error.strerror or error}); set BROADSHEET_DATA_DIR to a writable "
            "directory."
        ) from None


def make_private(config: Config) -> None:
    """Create the SQLite database with mode 0600 if missing (SQLite gives its
    -wal and -shm files the database's mode), and make the data directory's
    private files readable by their owner only, whatever the umask left.
    Raises OSError."""
    if config.uses_sqlite:
        database = config.data_dir / "broadsheet.sqlite3"
        if not database.exists():
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
    for name in PRIVATE_FILES:
        path = config.data_dir / name
        if path.exists() and path.stat().st_mode & 0o077:
            path.chmod(0o600)


def _probe_writable(data_dir: Path) -> None:
    """Raises OSError unless a file can be made in `data_dir`; a full disk only
    warns (on stderr: logging is not set up yet)."""
    import errno
    import sys

    # One probe per process: two commands may start at once.
    probe = data_dir / f".write-test-{os.getpid()}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError as error:
        if error.errno not in {errno.ENOSPC, errno.EDQUOT}:
            raise
        print(
            f"broadsheet: warning: the disk holding {data_dir} is full; pages "
            "are served, but comments and edits answer 503 until space is freed.",
            file=sys.stderr,
        )
    finally:
        probe.unlink(missing_ok=True)


def secret_key(config: Config) -> str:
    """The configured key, or the one kept in the data directory (made if missing)."""
    if config.secret_key:
        return config.secret_key
    ensure_data_dir(config)
    return (config.data_dir / SECRET_KEY_FILE).read_text().strip()
