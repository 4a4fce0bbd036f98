"""Failed sign-ins counted per network, and per account from that network.

Counted in the page cache's shared store, so every worker process and machine
sees the same counts (each process counts on its own while the store is away).
The per-account count is kept per network, so someone guessing an editor's
password from elsewhere locks out only themselves.
"""

from __future__ import annotations

import time

from broadsheet.core.clients import ip_prefix
from broadsheet.pagecache import counters

LIMIT = 10
WINDOW = 600  # seconds


def _counters(ip: str, username: str) -> list[str]:
    network = ip_prefix(ip) or ip
    return [
        f"login:network:{network}",
        f"login:account:{username.strip().lower()}:{network}",
    ]


def retry_after(ip: str, username: str) -> int | None:
    """Seconds until sign-in may be tried again from here, or None if it may."""
    to_window_end = max(1, int(WINDOW - time.time() % WINDOW))
    wait = None
    for name in _counters(ip, username):
        current, previous = counters.peek(name, window=WINDOW)
        if current >= LIMIT:
            # Still counted, as the previous window, all through the next.
            wait = max(wait or 0, to_window_end + WINDOW)
        elif current + previous >= LIMIT:
            wait = max(wait or 0, to_window_end)
    return wait


def record_failure(ip: str, username: str) -> None:
    for name in _counters(ip, username):
        counters.count(name, window=WINDOW)


RESET_LIMIT = 5


def reset_retry_after(ip: str) -> int | None:
    """Counts a password-reset request from this network; seconds to wait when
    it has asked too often (a mail bomb aimed at someone's inbox)."""
    count, reset_in = counters.count(
        f"reset:network:{ip_prefix(ip) or ip}", window=WINDOW
    )
    return reset_in if count > RESET_LIMIT else None
