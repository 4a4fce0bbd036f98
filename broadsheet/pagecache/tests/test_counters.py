"""Rate counters: shared through the store, kept in the process while it is away."""

from __future__ import annotations

import logging

import pytest

from broadsheet.pagecache import counters, wiring

pytestmark = pytest.mark.django_db


def test_counts_go_to_the_shared_store_while_it_answers(page_store):
    assert counters.count("rate:test", window=600)[0] == 1
    assert counters.count("rate:test", window=600)[0] == 2
    assert page_store.peek("rate:test", window=600) == (2, 0)


def test_while_the_store_is_away_this_process_counts_and_peeks(page_store_away):
    assert [counters.count("rate:test", window=600)[0] for _ in range(3)] == [1, 2, 3]
    assert counters.peek("rate:test", window=600) == (3, 0)
    assert counters.peek("rate:other", window=600) == (0, 0)


def test_the_counters_kept_in_the_process_are_bounded():
    local = counters.LocalCounters(max_counters=100)
    for number in range(1000):
        local.count(f"rate:network:{number}", window=600)
    assert len(local.counts) <= 100
    assert local.peek("rate:network:999", window=600) == (1, 0)


def test_the_log_says_once_that_the_store_is_away_and_once_that_it_is_back(
    settings, tmp_path, monkeypatch, caplog
):
    folder = tmp_path / "not-yet"  # the store's folder: away until it is made
    settings.PAGE_CACHE = {
        **settings.PAGE_CACHE,
        "STORE": str(folder / "cache.sqlite3"),
    }
    wiring.get_store.cache_clear()
    monkeypatch.setattr(counters, "local_counters", counters.LocalCounters())
    monkeypatch.setattr(counters.store_watch, "is_away", False)
    try:
        with caplog.at_level(logging.INFO, logger=counters.__name__):
            away = [counters.count("rate:test", window=600)[0] for _ in range(20)]
            counters.peek("rate:test", window=600)
            folder.mkdir()
            back = [counters.count("rate:test", window=600)[0] for _ in range(20)]
            counters.peek("rate:test", window=600)
    finally:
        wiring.get_store.cache_clear()
    assert away == list(range(1, 21))  # counted in this process meanwhile
    assert back == list(range(1, 21))  # counted in the store again
    assert [
        (r.levelname, r.getMessage().partition(":")[0]) for r in caplog.records
    ] == [
        ("ERROR", "Rate counters unavailable, counting in this process"),
        ("WARNING", "Rate counters back in the shared store"),
    ]
