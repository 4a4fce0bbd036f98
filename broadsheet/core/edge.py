"""The request edge: what stands between a reader's connection and Django.

`broadsheet serve` runs granian's ASGI interface with this in front of the WSGI
application. A request reaches a thread that runs Django only once its body has
been read in full, on the event loop, so a client that sends slowly costs a
socket and a coroutine, never a thread:

* a body may pause at most `body_timeout` seconds between two reads (nginx's
  `client_body_timeout`), else the answer is 408;
* a body may be at most `max_body` bytes (nginx's `client_max_body_size`), else
  413, before any of it is read when Content-Length says so; bodies over 1 MiB
  wait in a temporary file, not in memory;
* one address may have at most `per_address` requests in progress in each
  worker process, else 429; addresses of trusted proxies are not counted, since
  behind nginx every connection comes from the front.

Headers are bounded by granian itself (`header_read_timeout`). Answers that need
no Django at all (a page the page cache holds in this process's memory) are
given on the event loop by `fast_answer`; everything else runs in a small pool
of threads.

We write this adapter rather than take one (a2wsgi, asgiref) because theirs hand
the body to the thread as it arrives, which is what lets a slow client hold it.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from urllib.parse import unquote_to_bytes

from broadsheet.core import metrics
from broadsheet.core.clients import ip_prefix
from broadsheet.core.outages import is_outage

logger = logging.getLogger(__name__)

SPOOL_BYTES = 1 << 20
# Status, headers (encoded as latin-1) and body of an answer.
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
FastAnswer = Callable[[dict], Answer | None]


@dataclass(frozen=True)
class Limits:
    body_timeout: float = 60.0
    max_body: int = 25 << 20
    per_address: int = 64
    threads: int = 2
    trusted: tuple[str, ...] = ()
    spool_dir: str | None = None
    networks: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        networks = tuple(
            ipaddress.ip_network(network, strict=False) for network in self.trusted
        )
        object.__setattr__(self, "networks", networks)


class BodyTimeout(Exception):
    pass


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    pass


class BadBody(Exception):
    pass


class Edge:
    """An ASGI application that reads each request whole, then runs a WSGI
    application in a thread (or answers at once through `fast_answer`)."""

    def __init__(
        self,
        wsgi_application: Callable,
        *,
        limits: Limits,
        fast_answer: FastAnswer | None = None,
    ) -> None:
        self.application = wsgi_application
        self.limits = limits
        self.fast_answer = fast_answer
        self.in_progress: dict[str, int] = {}
        self._executor: ThreadPoolExecutor | None = None
        self._flushing = False

    @property
    def executor(self) -> ThreadPoolExecutor:
        # Made on first use, in the worker process (never before a fork).
        if self._executor is None:
            self._executor = ThreadPoolExecutor(
                self.limits.threads, thread_name_prefix="django"
            )
        return self._executor

    async def __call__(self, scope: dict, receive, send) -> None:
        if scope["type"] != "http":
            return  # no websockets, no lifespan (granian's asginl interface)
        if not self._flushing:
            self._flushing = True
            metrics.flush_every_second(asyncio.get_running_loop())
        client = scope.get("client") or ("", 0)
        address = client[0]
        counted = not self._is_trusted(address)
        if counted:
            busy = self.in_progress.get(address, 0)
            if busy >= self.limits.per_address:
                refused = await _plain(send, 429, "Too many requests at once.")
                metrics.REQUESTS.add(str(refused))
                return
            self.in_progress[address] = busy + 1
        try:
            status = await self._serve(scope, receive, send)
            if status:  # 0: the client left before an answer
                metrics.REQUESTS.add(str(status))
        finally:
            if counted:
                left = self.in_progress[address] - 1
                if left:
                    self.in_progress[address] = left
                else:
                    del self.in_progress[address]

    @functools.lru_cache(maxsize=4096)  # noqa: B019  (one Edge per process)
    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.limits.networks)

    async def _serve(self, scope: dict, receive, send) -> int:
        """Read the body, answer; returns the status answered (0: no answer,
        the client left)."""
        try:
            body = await self._read_body(scope, receive)
        except BodyTooLarge:
            return await _plain(send, 413, "The request body is too large.")
        except BodyTimeout:
            logger.info(
                "A request body from %s paused over %s s: answered 408",
                ip_prefix(scope["client"][0]),
                self.limits.body_timeout,
            )
            return await _plain(send, 408, "The request body came too slowly.")
        except BadBody:
            return await _plain(send, 400, "The request body is malformed.")
        except OSError as error:  # the spool file: a full disk, most likely
            logger.error("Could not keep a request body: %s", error)
            if is_outage(error):
                return await _plain(send, 503, "Unavailable for a moment.")
            return await _plain(send, 500, "Internal error.")
        except ClientGone:
            # The body ended early: the client left, or the server could not
            # decode it (a malformed chunk). Whoever is still there gets a 400.
            try:
                return await _plain(send, 400, "The request body was cut short.")
            except Exception:  # gone indeed
                return 0
        answer = None
        if self.fast_answer is not None and scope["method"] in {"GET", "HEAD"}:
            try:
                answer = self.fast_answer(_hit_environ(scope))
            except Exception:  # the thread's way knows what to do without it
                logger.debug("No fast answer for %s", scope["path"])
        if answer is None:
            environ = _environ(scope, body)
            loop = asyncio.get_running_loop()
            try:
                answer = await loop.run_in_executor(
                    self.executor, _call, self.application, environ
                )
            except Exception as error:  # Django answers its own; this is below it
                logger.exception("Unhandled error under %s", environ["PATH_INFO"])
                if is_outage(error):
                    return await _plain(send, 503, "Unavailable for a moment.")
                return await _plain(send, 500, "Internal error.")
        status, headers, content = answer
        await send(
            {"type": "http.response.start", "status": status, "headers": headers}
        )
        await send({"type": "http.response.body", "body": content})
        return status

    async def _read_body(self, scope: dict, receive):
        declared = _content_length(scope)
        if declared is not None and declared > self.limits.max_body:
            raise BodyTooLarge
        method = scope["method"]
        if declared in (None, 0) and method in {"GET", "HEAD", "OPTIONS", "DELETE"}:
            # Nothing to wait for; a GET that sends a body anyway sends it to
            # no one.
            return BytesIO(b"")
        chunks: list[bytes] = []
        size = 0
        spool = None
        while True:
            try:
                message = await asyncio.wait_for(
                    receive(), timeout=self.limits.body_timeout
                )
            except TimeoutError:
                raise BodyTimeout from None
            except Exception as error:  # the server could not decode it
                if spool is not None:
                    spool.close()
                raise BadBody from error
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limits.max_body:
                raise BodyTooLarge
            try:
                if spool is None and size > SPOOL_BYTES:
                    spool = tempfile.TemporaryFile(dir=self.limits.spool_dir)
                    spool.writelines(chunks)
                    chunks = []
                if spool is not None:
                    spool.write(chunk)
                elif chunk:
                    chunks.append(chunk)
            except OSError:
                if spool is not None:
                    spool.close()
                raise
            if not message.get("more_body", False):
                break
        if spool is not None:
            spool.seek(0)
            return spool
        return BytesIO(b"".join(chunks))


def _content_length(scope: dict) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


_BASE_ENVIRON = {
    "SCRIPT_NAME": "",
    "wsgi.version": (1, 0),
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": True,
    "wsgi.multiprocess": True,
    "wsgi.run_once": False,
    "wsgi.input_terminated": True,
}
_header_keys: dict[bytes, str] = {}


def _header_key(name: bytes) -> str:
    key = _header_keys.get(name)
    if key is None:
        key = name.decode("latin-1").upper().replace("-", "_")
        if key not in {"CONTENT_LENGTH", "CONTENT_TYPE"}:
            key = f"HTTP_{key}"
        if len(_header_keys) < 1000:  # names are chosen by clients: bounded
            _header_keys[name] = key
    return key


def _path(scope: dict) -> str:
    raw_path = scope.get("raw_path")
    if raw_path:
        raw_path = raw_path.split(b"?", 1)[0]
        if b"%" in raw_path:
            raw_path = unquote_to_bytes(raw_path)
        return raw_path.decode("latin-1")
    return scope["path"].encode("utf-8").decode("latin-1")


def _add_header(environ: dict, key: str, value: str) -> None:
    if key in environ:
        value = f"{environ[key]}{'; ' if key == 'HTTP_COOKIE' else ','}{value}"
    environ[key] = value


# The headers a page cache hit is decided by (`PageCacheLayer.near_answer`).
_HIT_HEADERS = {
    b"host": "HTTP_HOST",
    b"cookie": "HTTP_COOKIE",
    b"accept-encoding": "HTTP_ACCEPT_ENCODING",
    b"if-none-match": "HTTP_IF_NONE_MATCH",
}


def _hit_environ(scope: dict) -> dict[str, Any]:
    """The part of the WSGI environ a cache hit is decided by, the same values
    `_environ` gives them: a hit costs no more than it needs."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope["method"],
        "PATH_INFO": _path(scope),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str((scope.get("server") or ("127.0.0.1", 80))[0]),
    }
    for raw_name, raw_value in scope["headers"]:
        key = _HIT_HEADERS.get(raw_name)
        if key is not None:
            _add_header(environ, key, raw_value.decode("latin-1"))
    return environ


def _environ(scope: dict, body) -> dict[str, Any]:
    """The WSGI environ of an ASGI request (PEP 3333: byte strings as latin-1)."""
    server = scope.get("server") or ("127.0.0.1", 80)
    client = scope.get("client") or ("", 0)
    environ: dict[str, Any] = {
        **_BASE_ENVIRON,
        "REQUEST_METHOD": scope["method"],
        "PATH_INFO": _path(scope),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": client[0],
        "REMOTE_PORT": str(client[1]),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": body,
    }
    for raw_name, raw_value in scope["headers"]:
        _add_header(environ, _header_key(raw_name), raw_value.decode("latin-1"))
    if scope["method"] not in {"GET", "HEAD"}:
        # The length of what was read, whatever the client declared (chunked).
        environ["CONTENT_LENGTH"] = str(_length(body))
    return environ


def _length(body) -> int:
    position = body.tell()
    end = body.seek(0, 2)
    body.seek(position)
    return end


def _call(application: Callable, environ: dict) -> Answer:
    """Run the WSGI application in this thread and collect its answer."""
    captured: list = []

    def start_response(status: str, headers: list, exc_info=None):
        captured[:] = [status, headers]
        return lambda data: None

    response: Iterable[bytes] = application(environ, start_response)
    try:
        content = b"".join(response)
    finally:
        if hasattr(response, "close"):
            response.close()
        body = environ["wsgi.input"]
        if hasattr(body, "close"):
            body.close()
    status, headers = captured
    return int(status[:3]), encode_headers(headers), content


def encode_headers(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [
        (name.encode("latin-1"), value.encode("latin-1")) for name, value in headers
    ]


async def _plain(send, status: int, message: str) -> int:
    body = f"{message}\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"connection", b"close"),
                *([(b"retry-after", b"5")] if status in {429, 503} else []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
    return status
