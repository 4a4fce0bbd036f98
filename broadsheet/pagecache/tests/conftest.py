from __future__ import annotations

import io
import os
import sys
import uuid
from dataclasses import dataclass

import pytest
from django.core.handlers.wsgi import WSGIHandler

from broadsheet.pagecache import wiring
from broadsheet.pagecache.layer import PageCacheLayer


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


class WsgiClient:
    """Calls a WSGI application as granian would, one request at a time."""

    def __init__(self, app) -> None:
        self.app = app

    def get(self, path: str, *, method: str = "GET", **headers: str) -> Answer:
        environ = self.environ(path, method=method, **headers)
        answer: dict = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = {n.lower(): v for n, v in response_headers}

        chunks = self.app(environ, start_response)
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        return Answer(answer["status"], answer["headers"], body)

    @staticmethod
    def environ(path: str, *, method: str = "GET", **headers: str) -> dict:
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        for name, value in headers.items():
            environ["HTTP_" + name.upper()] = value
        return environ


@pytest.fixture(params=["sqlite", "redis"])
def page_store(request, settings, tmp_path):
    """A fresh shared store for each test, the one purges go to: SQLite, and
    Redis when CACHE_URL is set."""
    if request.param == "sqlite":
        location = str(tmp_path / "cache.sqlite3")
    else:
        location = os.environ.get("CACHE_URL", "")
        if not location:
            pytest.skip("CACHE_URL is not set: the Redis page store is not tested")
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "STORE": location}
    wiring.get_store.cache_clear()
    store = wiring.get_store()
    if request.param == "redis":
        # A prefix of its own, so tests never see each other's pages.
        store.__init__(location, lifetime=3600, prefix=f"bs-test:{uuid.uuid4().hex}:")
    yield store
    if request.param == "redis":
        for name in store.client.scan_iter(store.prefix + "*"):
            store.client.delete(name)
    wiring.get_store.cache_clear()


@pytest.fixture
def make_layer(page_store, settings):
    def make(app=None) -> WsgiClient:
        layer = PageCacheLayer(
            app or WSGIHandler(),
            store=page_store,
            options={**settings.PAGE_CACHE, "ALLOWED_HOSTS": settings.ALLOWED_HOSTS},
        )
        return WsgiClient(layer)

    return make


@pytest.fixture
def wsgi(make_layer) -> WsgiClient:
    return make_layer()


@pytest.fixture
def page_store_away(page_store, settings, tmp_path, monkeypatch):
    """The shared store of the same kind, unreachable: a SQLite file in a folder
    that does not exist, or a Redis port nobody listens on (a stopped Redis).
    Counters kept in this process start empty."""
    from broadsheet.pagecache import counters
    from broadsheet.pagecache.stores import SQLiteStore
    from broadsheet.testing.smtp import free_port

    if isinstance(page_store, SQLiteStore):
        location = str(tmp_path / "gone" / "cache.sqlite3")
    else:
        location = f"redis://127.0.0.1:{free_port()}/0"
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "STORE": location}
    wiring.get_store.cache_clear()
    monkeypatch.setattr(counters, "local_counters", counters.LocalCounters())
    monkeypatch.setattr(counters.store_watch, "is_away", False)
    yield wiring.get_store()
    wiring.get_store.cache_clear()
