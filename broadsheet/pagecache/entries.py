"""A stored page: status, headers, the body plain and gzipped, and what it shows."""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from dataclasses import dataclass, field

from broadsheet.pagecache.keys import EVERYTHING

# Headers the layer sets itself on every answer, or that must not be replayed.
DROPPED_HEADERS = {
    "content-length",
    "content-encoding",
    "vary",
    "etag",
    "cache-control",
    "expires",
    "set-cookie",
    "x-cache",
    "surrogate-key",
    "date",
    "server",
}


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    gzip_body: bytes
    etag: str
    keys: tuple[str, ...]
    versions: dict[str, int]
    stored_at: float = field(default_factory=time.time)
    # Answers made from this entry, by (gzipped, X-Cache state); see the layer.
    prepared: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        keys: tuple[str, ...],
        versions: dict[str, int],
    ) -> Entry:
        kept = [(n, v) for n, v in headers if n.lower() not in DROPPED_HEADERS]
        # mtime=0: the same page always compresses to the same bytes.
        zipped = gzip.compress(body, compresslevel=6, mtime=0)
        digest = hashlib.blake2b(body, digest_size=12).hexdigest()
        return cls(status, kept, body, zipped, digest, tuple(sorted(keys)), versions)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzip_body) + 512

    def meta(self) -> str:
        return json.dumps(
            {
                "status": self.status,
                "headers": self.headers,
                "etag": self.etag,
                "keys": self.keys,
                "versions": self.versions,
                "stored_at": self.stored_at,
            }
        )

    @classmethod
    def from_stored(cls, meta: str | bytes, body: bytes, gzip_body: bytes) -> Entry:
        data = json.loads(meta)
        return cls(
            status=data["status"],
            headers=[tuple(pair) for pair in data["headers"]],
            body=bytes(body),
            gzip_body=bytes(gzip_body),
            etag=data["etag"],
            keys=tuple(data["keys"]),
            versions=data["versions"],
            stored_at=data["stored_at"],
        )

    def is_current(self, versions: dict[str, int]) -> bool:
        """True when no key it shows, and no purge of everything, came after it."""
        return all(
            versions.get(key, 0) == self.versions.get(key, 0)
            for key in (*self.keys, EVERYTHING)
        )
