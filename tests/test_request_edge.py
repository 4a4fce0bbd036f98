"""Slow and abusive clients against a real `broadsheet serve`: they cost the
server a socket, never a thread, and are cut after the documented timeouts.

The timeouts are shortened to 2 s here (60 s by default); every connection
comes from its own loopback address (127.0.x.y), as distinct clients would.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import resource
import urllib.parse

import pytest

from tests.conftest import Server, start_server

pytestmark = pytest.mark.server

TIMEOUT = 2
SLOW_BODIES = 150
SLOW_HEADERS = 50
CLIENT_TIMEOUT = 20  # a bound on every wait, never what is asserted


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = start_server(
        tmp_path_factory.mktemp("edge") / "data",
        # One worker process, so the per-address count is the whole count.
        "--workers",
        "1",
        env={
            "BROADSHEET_BODY_TIMEOUT": str(TIMEOUT),
            "BROADSHEET_HEADER_TIMEOUT": str(TIMEOUT),
            "BROADSHEET_CONNECTIONS_PER_ADDRESS": "5",
            "BROADSHEET_MAX_BODY_MB": "1",
            "BROADSHEET_TRUSTED_PROXIES": "127.0.0.88",
        },
    )
    result = server.manage(
        "shell",
        "-c",
        "from broadsheet.testing.factories import ArticleFactory;"
        "print(ArticleFactory(headline='Slow clients').get_absolute_url())",
    )
    assert result.returncode == 0, result.stderr
    server.article = result.stdout.strip().splitlines()[-1]
    yield server
    server.stop()


def run(coroutine):
    """asyncio.run in a thread of its own: the browser tests' Playwright keeps
    an event loop running in the main thread for the whole session."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=120)


def _port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


async def _open(server: Server, source: str):
    return await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", _port(server), local_addr=(source, 0)),
        CLIENT_TIMEOUT,
    )


async def _request(
    server: Server, path: str, *, source: str = "127.0.0.1", headers: str = ""
) -> tuple[int, bytes]:
    """One whole GET; (status, response bytes)."""
    reader, writer = await _open(server, source)
    host = server.url.removeprefix("http://")
    head = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Connection: close\r\n"
    writer.write(f"{head}\r\n".encode())
    answer = await asyncio.wait_for(reader.read(), CLIENT_TIMEOUT)
    writer.close()
    return int(answer[9:12]), answer


def _address(number: int) -> str:
    return f"127.0.{1 + number // 250}.{1 + number % 250}"


async def _trickle_body(
    server: Server, source: str, stop: asyncio.Event, *, wait: bool = True
) -> bytes:
    """A POST whose body comes one byte a second until told to stop; then it
    waits for the answer (or hangs up)."""
    reader, writer = await _open(server, source)
    host = server.url.removeprefix("http://")
    writer.write(
        f"POST /comments/post/ HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 1000\r\n\r\n".encode()
    )
    while not stop.is_set():
        await _one_byte_a_second(writer, stop)
    answer = await asyncio.wait_for(reader.read(), CLIENT_TIMEOUT) if wait else b""
    writer.close()
    return answer


async def _trickle_headers(server: Server, source: str, stop: asyncio.Event) -> int:
    """Headers that come one byte a second and never end, on a new connection
    each time the server cuts one, as a persistent attacker would; returns how
    many times it was cut without an answer."""
    cuts = 0
    while not stop.is_set():
        reader, writer = await _open(server, source)
        writer.write(b"GET / HTTP/1.1\r\nX-Slow: ")
        try:
            while not stop.is_set() and not reader.at_eof():
                await _one_byte_a_second(writer, stop)
                if reader.at_eof() or await _closed(reader):
                    answer = await reader.read()
                    assert answer == b"", answer[:100]
                    cuts += 1
                    break
        except ConnectionError:
            cuts += 1
        finally:
            writer.close()
    return cuts


async def _one_byte_a_second(writer: asyncio.StreamWriter, stop: asyncio.Event):
    writer.write(b"a")
    await writer.drain()
    try:
        await asyncio.wait_for(stop.wait(), 1)
    except TimeoutError:
        pass


async def _closed(reader: asyncio.StreamReader) -> bool:
    try:
        data = await asyncio.wait_for(reader.read(1), 0.01)
    except TimeoutError:
        return False
    assert data == b"", data
    return True


def test_readers_are_served_while_200_slow_clients_trickle(server):
    async def scenario():
        stop = asyncio.Event()
        slow = [
            asyncio.create_task(_trickle_body(server, _address(n), stop))
            for n in range(SLOW_BODIES)
        ] + [
            asyncio.create_task(_trickle_headers(server, _address(n), stop))
            for n in range(SLOW_BODIES, SLOW_BODIES + SLOW_HEADERS)
        ]
        await asyncio.sleep(1.5)  # every slow client is connected and sending
        answers = []
        for _ in range(10):
            answers.append(await _request(server, server.article))
            # With the commenter cookie the page cache is bypassed: a render.
            answers.append(
                await _request(
                    server, server.article, headers="Cookie: bs_commenter=x\r\n"
                )
            )
        still_open = sum(not task.done() for task in slow)
        stop.set()
        return answers, still_open, await asyncio.gather(*slow)

    answers, still_open, finished = run(scenario())
    assert [status for status, _ in answers] == [200] * 20
    assert b"x-cache: hit" in answers[-2][1].lower()
    assert b"x-cache: miss" in answers[-1][1].lower()  # rendered by Django
    # The trickling clients were still connected while the readers were served.
    assert still_open == SLOW_BODIES + SLOW_HEADERS
    # A body that stops coming is answered 408 once the timeout passes.
    bodies = finished[:SLOW_BODIES]
    assert all(answer.startswith(b"HTTP/1.1 408") for answer in bodies), bodies[0]


def test_a_long_comment_sent_with_pauses_under_the_timeout_is_accepted(server):
    status, page = run(_request(server, server.article))
    token = re.search(rb'name="token" value="([^"]+)"', page)[1].decode()
    article_id = re.search(rb'name="article" value="(\d+)"', page)[1].decode()
    text = "A long and considered reply. " * 345  # 10,005 characters
    body = urllib.parse.urlencode(
        {
            "article": article_id,
            "parent": "",
            "token": token,
            "body": text[:10000],
            "name": "Patient Reader",
            "email": "patient@example.org",
            "website": "",
        }
    ).encode()

    async def post_in_pieces():
        reader, writer = await _open(server, "127.0.9.9")
        host = server.url.removeprefix("http://")
        writer.write(
            f"POST /comments/post/ HTTP/1.1\r\nHost: {host}\r\n"
            f"Origin: {server.url}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        )
        pieces = 3
        size = len(body) // pieces + 1
        for start in range(0, len(body), size):
            writer.write(body[start : start + size])
            await writer.drain()
            await asyncio.sleep(TIMEOUT / 2)  # a pause shorter than the timeout
        answer = await asyncio.wait_for(reader.read(), CLIENT_TIMEOUT)
        writer.close()
        return answer

    answer = run(post_in_pieces())
    assert answer.startswith(b"HTTP/1.1 303"), answer[:300]


def test_a_body_too_large_or_malformed_is_refused_before_it_is_read(server):
    async def answer_to(address: str, rest: bytes) -> bytes:
        reader, writer = await _open(server, address)
        writer.write(b"POST /comments/post/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + rest)
        return await asyncio.wait_for(reader.read(), CLIENT_TIMEOUT)

    async def chunked_too_large():
        reader, writer = await _open(server, "127.0.9.11")
        writer.write(
            b"POST /comments/post/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 65536
        try:
            for _ in range(40):  # 2.5 MB, over the 1 MB limit
                writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                await writer.drain()
        except ConnectionError:
            pass
        return await asyncio.wait_for(reader.read(), CLIENT_TIMEOUT)

    malformed = b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
    assert run(answer_to("127.0.9.15", malformed)).startswith(b"HTTP/1.1 400")
    too_large = b"Content-Length: 2000000\r\n\r\n"
    assert run(answer_to("127.0.9.10", too_large)).startswith(b"HTTP/1.1 413")
    assert run(chunked_too_large()).startswith(b"HTTP/1.1 413")


def test_one_address_may_hold_only_so_many_requests_except_a_trusted_proxy(server):
    async def hold(source: str, count: int):
        stop = asyncio.Event()
        held = [
            asyncio.create_task(_trickle_body(server, source, stop, wait=False))
            for _ in range(count)
        ]
        await asyncio.sleep(1)
        extra = await _request(server, "/", source=source)
        other = await _request(server, "/", source="127.0.9.12")
        stop.set()
        await asyncio.gather(*held)
        return extra, other

    (status, answer), (other_status, _) = run(hold("127.0.0.77", 5))
    assert status == 429
    assert b"retry-after" in answer.lower()
    assert other_status == 200
    # Behind nginx every request comes from the front's address.
    (status, _), _ = run(hold("127.0.0.88", 8))
    assert status == 200


def test_a_thousand_silent_connections_neither_stop_readers_nor_stay(server):
    """Connections that never send a byte, from one address: readers are still
    served, and the connections are closed after the header timeout."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))

    async def scenario():
        silent = [await _open(server, "127.0.9.14") for _ in range(1100)]
        status, _ = await _request(server, server.article)
        await asyncio.sleep(TIMEOUT + 1)
        closed = 0
        for reader, writer in silent:
            if await _closed(reader):
                closed += 1
            writer.close()
        return status, closed

    try:
        status, closed = run(scenario())
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert status == 200
    assert closed == 1100


def test_headers_that_never_end_are_cut_after_the_timeout(server):
    async def scenario():
        stop = asyncio.Event()
        task = asyncio.create_task(_trickle_headers(server, "127.0.9.13", stop))
        await asyncio.sleep(TIMEOUT + 1)
        stop.set()
        return await task

    assert run(scenario()) >= 1
