"""Rate counters: shared through the store, kept in the process while it is away."""

from __future__ import annotations

import pytest

from broadsheet.pagecache import counters

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
