"""The page store in Redis, for several machines (`CACHE_URL=redis://…`).

Each process keeps a local copy of the purge epoch, updated by a pub/sub listener
thread, so a hit costs no Redis round trip; only after a purge does a process ask
Redis for the versions of the keys a page shows. (redis-py's own client-side
caching needs Redis 7.4; Debian 12 ships 7.0.) While the listener is not
connected the epoch is unknown and every request is rendered by Django.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable

import redis

from broadsheet.pagecache.entries import Entry
from broadsheet.pagecache.keys import EVERYTHING
from broadsheet.pagecache.stores import DONE_LIFETIME, StoreUnavailable

logger = logging.getLogger(__name__)

PREFIX = "broadsheet:pc:"


class RedisStore:
    # A process learns of another's purge by pub/sub, a moment after it: its
    # epoch may lag (see PageCacheLayer.verify_near).
    epoch_lags = True

    def __init__(self, url: str, *, lifetime: int, prefix: str = PREFIX) -> None:
        self.prefix = prefix
        self.epoch_key = prefix + "epoch"
        self.versions_key = prefix + "versions"
        self.purged_key = prefix + "purged_at"
        self.channel = prefix + "purges"
        self.client = redis.Redis.from_url(
            url, socket_timeout=1.0, socket_connect_timeout=1.0
        )
        self.lifetime = lifetime
        self._epoch: int | None = None
        self._failed = False
        self._closed = False
        self._pid: int | None = None
        self._lock = threading.Lock()

    # The listener thread is started lazily in each worker process (after fork).
    def _ensure_listener(self) -> None:
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._epoch = None
            thread = threading.Thread(
                target=self._listen, name="pagecache-purges", daemon=True
            )
            thread.start()

    def close(self) -> None:
        """Stop listening for purges (the thread ends at its next retry)."""
        self._closed = True

    def _listen(self) -> None:
        while not self._closed:
            try:
                pubsub = self.client.pubsub()
                pubsub.subscribe(self.channel)
                for message in pubsub.listen():
                    if message["type"] == "subscribe":
                        # Subscribed, first or again (redis-py reconnects by
                        # itself): purges may have been missed, so read the
                        # epoch now that none can fall between.
                        script = self.client.register_script(EPOCH_SCRIPT)
                        self._epoch = int(script([self.epoch_key]))
                        self._failed = False
                    elif message["type"] == "message":
                        epoch = int(message["data"])
                        if self._epoch is None or epoch > self._epoch:
                            self._epoch = epoch
            except (redis.RedisError, OSError, ValueError) as error:
                self._epoch = None
                self._failed = True
                logger.error("Page cache lost Redis (%s); retrying in 1 s", error)
                time.sleep(1.0)

    def epoch(self, *, wait: bool = True) -> int:
        """The purge epoch as this process knows it; `wait=False` (on an event
        loop) does not give a just-started listener its moment."""
        self._ensure_listener()
        epoch = self._epoch
        if epoch is None:
            if self._failed or not wait:
                raise StoreUnavailable("not subscribed to purges")
            # Give a just-started listener a moment, bounded, then render uncached.
            for _ in range(20):
                time.sleep(0.005)
                if self._epoch is not None:
                    return self._epoch
            raise StoreUnavailable("not subscribed to purges")
        return epoch

    def _call(self, method, *args):
        try:
            return method(*args)
        except (redis.RedisError, OSError) as error:
            raise StoreUnavailable(str(error)) from error

    def versions(self, keys: Iterable[str]) -> dict[str, tuple[int, float]]:
        keys = [*keys, EVERYTHING]  # the floor a purge of every page sets
        pipe = self.client.pipeline(transaction=False)
        pipe.hmget(self.versions_key, keys)
        pipe.hmget(self.purged_key, keys)
        versions, purged = self._call(pipe.execute)
        return {
            key: (int(version), float(at or 0))
            for key, version, at in zip(keys, versions, purged, strict=True)
            if version is not None
        }

    def get(self, key: str) -> Entry | None:
        values = self._call(
            self.client.hmget, self.prefix + "e:" + key, "meta", "body", "gzip"
        )
        if values[0] is None:
            return None
        return Entry.from_stored(*values)

    def put(self, key: str, entry: Entry, *, url: str) -> None:
        pipe = self.client.pipeline(transaction=True)
        name = self.prefix + "e:" + key
        pipe.hset(
            name,
            mapping={"meta": entry.meta(), "body": entry.body, "gzip": entry.gzip_body},
        )
        pipe.expire(name, self.lifetime)
        for surrogate in entry.keys:
            pipe.sadd(self.prefix + "u:" + surrogate, url)
        self._call(pipe.execute)

    def purge(self, keys: Iterable[str], *, at: float | None = None) -> int:
        """Bump the epoch and stamp the keys with it; `at` is when the change
        happened (now by default), from which a stale copy may be served."""
        keys = sorted(set(keys))
        script = self.client.register_script(PURGE_SCRIPT)
        epoch = int(
            self._call(
                script,
                [self.epoch_key, self.versions_key, self.purged_key],
                [time.time() if at is None else at, *keys],
            )
        )
        self._call(self.client.publish, self.channel, epoch)
        # Our own purge is seen at once in this process, if it listens (else
        # the listener reads the epoch when it has subscribed again).
        if self._pid == os.getpid() and self._epoch is not None and self._epoch < epoch:
            self._epoch = epoch
        return epoch

    def purge_all(self, *, at: float | None = None) -> int:
        """Purge every page: one version for `*`, however many keys there are."""
        return self.purge([EVERYTHING], at=at)

    def acquire(self, key: str, *, seconds: float) -> bool:
        holder = f"{os.getpid()}:{threading.get_ident()}"
        name = self.prefix + "l:" + key
        milliseconds = int(seconds * 1000)
        return bool(
            self._call(lambda: self.client.set(name, holder, px=milliseconds, nx=True))
        )

    def release(self, key: str) -> None:
        self._call(self.client.delete, self.prefix + "l:" + key)

    def count(self, name: str, *, window: int) -> tuple[int, int]:
        now = time.time()
        start = now - now % window
        key = f"{self.prefix}c:{name}@{int(start)}"
        pipe = self.client.pipeline(transaction=True)
        pipe.incr(key)
        pipe.expire(key, 2 * window + 1)  # kept one window more, for `peek`
        count, _ = self._call(pipe.execute)
        return int(count), max(1, int(start + window - now))

    def peek(self, name: str, *, window: int) -> tuple[int, int]:
        now = time.time()
        start = int(now - now % window)
        keys = [
            f"{self.prefix}c:{name}@{start}",
            f"{self.prefix}c:{name}@{start - window}",
        ]
        current, previous = self._call(self.client.mget, keys)
        return int(current or 0), int(previous or 0)

    def index(self, keys: Iterable[str], url: str) -> None:
        pipe = self.client.pipeline(transaction=False)
        for key in keys:
            pipe.sadd(self.prefix + "u:" + key, url)
        self._call(pipe.execute)

    def mark_done(self, tokens: Iterable[str]) -> None:
        """Note purge intents as purged everywhere, for the worker to clear."""
        pipe = self.client.pipeline(transaction=False)
        for token in tokens:
            pipe.set(self.prefix + "d:" + token, 1, ex=DONE_LIFETIME)
        self._call(pipe.execute)

    def done(self, tokens: Iterable[str]) -> set[str]:
        """Which of these purge intents are marked done."""
        tokens = list(tokens)
        found: set[str] = set()
        for start in range(0, len(tokens), 500):
            chunk = tokens[start : start + 500]
            marks = self._call(
                self.client.mget, [self.prefix + "d:" + token for token in chunk]
            )
            found.update(t for t, mark in zip(chunk, marks, strict=True) if mark)
        return found

    def forget_done(self, tokens: Iterable[str]) -> None:
        """Drop these marks (the others expire by themselves)."""
        names = [self.prefix + "d:" + token for token in tokens]
        for start in range(0, len(names), 500):
            self._call(self.client.delete, *names[start : start + 500])

    def urls_for(self, keys: Iterable[str]) -> list[str]:
        names = [self.prefix + "u:" + key for key in keys]
        if not names:
            return []
        return sorted(url.decode() for url in self._call(self.client.sunion, names))


# The epoch, first set (when Redis has none: a new store, or one restarted
# with nothing kept) to Redis's clock in microseconds. Purges count up from
# there, a million a second short of the clock, so an epoch and a version are
# never given twice, before a restart and after: a copy a process holds from
# before never passes for current.
EPOCH_START = """
if redis.call('EXISTS', KEYS[1]) == 0 then
  local now = redis.call('TIME')
  redis.call('SET', KEYS[1], now[1] .. string.format('%06d', tonumber(now[2])))
end
"""

EPOCH_SCRIPT = EPOCH_START + "return tonumber(redis.call('GET', KEYS[1]))\n"

# Bump the epoch and stamp every key with it, atomically.
PURGE_SCRIPT = (
    EPOCH_START
    + """
local epoch = redis.call('INCR', KEYS[1])
local stamp = string.format('%d', epoch)  -- every digit (a number would be cut)
for i = 2, #ARGV do
  redis.call('HSET', KEYS[2], ARGV[i], stamp)
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[1])
end
return epoch
"""
)
