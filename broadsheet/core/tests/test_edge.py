"""The request edge's translation of an ASGI request into a WSGI environ."""

from __future__ import annotations

from io import BytesIO

from broadsheet.core.edge import _environ, _hit_environ


def scope(**changes) -> dict:
    return {
        "type": "http",
        "method": "GET",
        "path": "/2026/12/02/a-piece/",
        "raw_path": b"/2026/12/02/a-piece/",
        "query_string": b"",
        "headers": [(b"host", b"news.example.org")],
        "client": ("127.0.0.1", 5555),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "http_version": "1.1",
        **changes,
    }


HIT_KEYS = (
    "REQUEST_METHOD",
    "PATH_INFO",
    "QUERY_STRING",
    "SERVER_NAME",
    "HTTP_HOST",
    "HTTP_COOKIE",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_IF_NONE_MATCH",
)


def test_a_hit_is_decided_by_the_same_values_django_would_see():
    request = scope(
        method="HEAD",
        raw_path="/caf%C3%A9/%2F?x=1".encode(),
        path="/café//",
        query_string=b"utm_source=x&p=2",
        headers=[
            (b"host", b"news.example.org:8000"),
            (b"cookie", b"a=1"),
            (b"accept-encoding", b"gzip"),
            (b"cookie", b"bs_commenter=2"),
            (b"if-none-match", b'"abc"'),
            (b"accept-encoding", b"br"),
            (b"user-agent", b"Reader/1.0"),
        ],
    )
    hit = _hit_environ(request)
    full = _environ(request, BytesIO(b""))
    assert {key: hit.get(key) for key in HIT_KEYS} == {
        key: full.get(key) for key in HIT_KEYS
    }
    # Two Cookie headers are one cookie string, so a bypass cookie in the
    # second still keeps the request away from the cache.
    assert hit["HTTP_COOKIE"] == "a=1; bs_commenter=2"
    assert hit["HTTP_ACCEPT_ENCODING"] == "gzip,br"
    assert hit["PATH_INFO"] == "/café//".encode().decode("latin-1")
