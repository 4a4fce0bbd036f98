"""Purge backends for caches in front, against a real local HTTP listener."""

from __future__ import annotations

import pytest

from broadsheet.pagecache.fronts import (
    FrontRefused,
    NginxPurge,
    VarnishXkeyPurge,
    parse_fronts,
)
from broadsheet.pagecache.tests.recorder import PurgeRecorder


@pytest.fixture
def listener():
    """A loopback HTTP server that records each request's method, path, headers."""
    with PurgeRecorder() as recorder:
        yield recorder.address, recorder.seen


def test_nginx_front_gets_one_purge_per_address_with_the_site_host(listener):
    address, seen = listener
    NginxPurge(address, host="news.example.org").purge(
        ["article:4"], ["/2026/01/02/a/", "/2026/01/02/a/?replyto=7"]
    )
    assert [(m, p) for m, p, _ in seen] == [
        ("GET", "/purge/2026/01/02/a/"),
        ("GET", "/purge/2026/01/02/a/?replyto=7"),
    ]
    assert all(headers["Host"] == "news.example.org" for _, _, headers in seen)


def test_varnish_front_gets_one_xkey_purge_naming_the_keys(listener):
    address, seen = listener
    VarnishXkeyPurge(address, host="news.example.org").purge(["article:4", "site"], [])
    [(method, path, headers)] = seen
    assert (method, path) == ("PURGE", "/")
    assert headers["xkey-purge"] == "article:4 site"


def test_purging_all_of_a_front_asks_for_every_address_of_the_site(listener):
    address, seen = listener
    assert NginxPurge(address, host="news.example.org").purge_all()
    assert VarnishXkeyPurge(address, host="news.example.org").purge_all()
    assert [(m, p, h["Host"]) for m, p, h in seen] == [
        ("GET", "/purge/*", "news.example.org"),
        ("BAN", "/", "news.example.org"),
    ]


@pytest.mark.parametrize("spec", ["squid:http://x", "nginx:ftp://x", "nginx"])
def test_a_bad_front_is_refused_with_its_name(spec):
    with pytest.raises(ValueError, match="is not a front"):
        parse_fronts([spec], host="news.example.org")


def test_a_front_that_is_down_is_reported_with_its_name(settings, caplog, tmp_path):
    from broadsheet.pagecache import wiring
    from broadsheet.pagecache.purge import PurgeFailed, purge_now

    settings.PAGE_CACHE = {
        **settings.PAGE_CACHE,
        "STORE": str(tmp_path / "cache.sqlite3"),
        "FRONTS": ["nginx:http://127.0.0.1:9", "varnish:http://127.0.0.1:9"],
    }
    wiring.get_store.cache_clear()
    wiring.get_fronts.cache_clear()
    try:
        wiring.get_store().index(["article:1"], "/a/")
        with pytest.raises(PurgeFailed) as failure:
            purge_now(["article:1"])
    finally:
        wiring.get_store.cache_clear()
        wiring.get_fronts.cache_clear()
    assert "nginx at http://127.0.0.1:9" in str(failure.value)
    assert "Varnish at http://127.0.0.1:9" in str(failure.value)
    assert "Purge of article:1 failed" in caplog.text


def test_a_front_that_refuses_a_purge_is_reported(listener):
    address, seen = listener
    with pytest.raises(FrontRefused, match="nginx answered 405"):
        NginxPurge(address, host="news.example.org").purge(["article:4"], ["/no/"])


def test_a_long_list_of_keys_goes_to_varnish_in_headers_it_accepts(listener):
    address, seen = listener
    keys = [f"article:{number}" for number in range(2000)]
    VarnishXkeyPurge(address, host="news.example.org").purge(keys, [])
    headers = [headers["xkey-purge"] for _, _, headers in seen]
    assert len(headers) > 1 and all(len(value) <= 4000 for value in headers)
    assert [key for value in headers for key in value.split()] == keys
