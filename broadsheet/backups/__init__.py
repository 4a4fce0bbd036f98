"""`broadsheet backup` and `broadsheet restore`: a whole site as one private archive.

An app of its own, above the others: it reads every app's data and the images'
files and empties the page cache and the fronts after a restore, where `core`
sits below every app. `archive` writes and reads the archive (a tar file, mode
0600 from its first byte, with a manifest of SHA-256 hashes), `databases` takes
and puts back the database (SQLite's online backup, or pg_dump and pg_restore),
`making` and `restoring` are what the two commands do, `target` is what the
data directory held before the command set Django up, and `lock` the lock every
`broadsheet` command holds on the data directory, which a restore takes alone
(no Django in this file, `target` or `lock`: the CLI imports them before
settings exist).
"""


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one plain sentence."""
