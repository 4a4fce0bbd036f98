"""Purge backends for caches in front, against a real local HTTP listener."""

from __future__ import annotations

import http.server
import threading

import pytest

from broadsheet.pagecache.fronts import NginxPurge, VarnishXkeyPurge, parse_fronts


@pytest.fixture
def listener():
    """A loopback HTTP server that records each request's method, path, headers."""
    seen: list[tuple[str, str, dict]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self):
            seen.append((self.command, self.path, dict(self.headers)))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PURGE = do_BAN = _record  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


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


def test_a_front_that_is_down_is_logged_not_raised(settings, caplog, tmp_path):
    from broadsheet.pagecache import wiring
    from broadsheet.pagecache.purge import purge_now

    settings.PAGE_CACHE = {
        **settings.PAGE_CACHE,
        "STORE": str(tmp_path / "cache.sqlite3"),
        "FRONTS": ["nginx:http://127.0.0.1:9", "varnish:http://127.0.0.1:9"],
    }
    wiring.get_store.cache_clear()
    wiring.get_fronts.cache_clear()
    try:
        wiring.get_store().index(["article:1"], "/a/")
        purge_now(["article:1"])
    finally:
        wiring.get_store.cache_clear()
        wiring.get_fronts.cache_clear()
    assert caplog.text.count("Purging ['article:1']") == 2
