"""The page store's part in `/healthz?detail=1` and the metrics."""

from __future__ import annotations

from broadsheet.core.health import Facts
from broadsheet.pagecache.wiring import get_store


def page_store() -> Facts:
    """The shared store answers a read. Pages are rendered uncached while it
    does not, so the site is still ready without it."""
    get_store().versions(["site"])
    return {"ok": True}
