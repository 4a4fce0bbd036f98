"""The SQLite page store on a full disk: the real error comes out, and the
purge is reported failed (its intent stays for the worker)."""

from __future__ import annotations

import logging

import pytest

from broadsheet.pagecache import wiring
from broadsheet.pagecache.purge import PurgeFailed, purge_now
from tests.own_services import fill_disk, small_filesystem


@pytest.fixture
def store_on_a_small_disk(settings):
    with small_filesystem(2) as folder:
        settings.PAGE_CACHE = {
            **settings.PAGE_CACHE,
            "STORE": str(folder / "cache.sqlite3"),
            "FRONTS": "",
        }
        wiring.get_store.cache_clear()
        wiring.get_fronts.cache_clear()
        yield folder, wiring.get_store()
        wiring.get_store.cache_clear()
        wiring.get_fronts.cache_clear()


def test_a_purge_on_a_full_disk_logs_the_disk_error_and_works_once_freed(
    store_on_a_small_disk, caplog
):
    folder, store = store_on_a_small_disk
    purge_now(["site"])
    epoch = store.epoch()
    filler = fill_disk(folder)
    with caplog.at_level(logging.ERROR, logger="broadsheet.pagecache.purge"):
        with pytest.raises(PurgeFailed, match="database or disk is full"):
            purge_now([f"article:{number}" for number in range(200)])
    assert "database or disk is full" in caplog.text
    assert "cannot rollback" not in caplog.text
    assert store.epoch() == epoch  # nothing half-written
    filler.unlink()
    purge_now(["article:1"])
    assert store.epoch() == epoch + 1


def test_the_page_store_leaves_the_last_free_space_to_the_database(monkeypatch):
    from broadsheet.pagecache import stores
    from broadsheet.pagecache.entries import Entry

    monkeypatch.setattr(stores, "KEEP_FREE_BYTES", 4 * 1024 * 1024)
    page = Entry.build(
        200, [("Content-Type", "text/html")], b"<p>page</p>", ("site",), {}
    )
    with small_filesystem(8) as folder:
        store = stores.SQLiteStore(str(folder / "cache.sqlite3"), max_bytes=1 << 30)
        store.put("example.org/", page, url="/")
        assert store.get("example.org/") is not None
        fill_disk(folder, leave_bytes=2 * 1024 * 1024)
        store.put("example.org/other/", page, url="/other/")
        assert store.get("example.org/other/") is None  # not stored: no error
