"""A reader's latency while slow clients trickle, directly and behind nginx.

    python bench/slow_clients.py [--slow 200] [--duration 10]

Starts `broadsheet serve --demo` with its shipped settings (2 workers, timeouts
of 60 s, the shipped moderation policy with its rate limits) and the documented
nginx front (docs/deploying.md) before it. For each of the two, directly and
through nginx, a reader runs wrk (1 thread, 4 connections, --duration seconds)
against the cached article and against an uncached render of it (the
commenter cookie makes Django render it), first with no slow client, then while
--slow clients, each from its own loopback address (127.0.x.y), hold
connections open: half send a request body at 1 byte/s, half send headers at 1
byte/s. Prints req/s, p50, p99 and errors for each, and how many slow clients
were still connected at the end. Every load is bounded in count and time and
goes to 127.0.0.0/8 only. Nothing is asserted: this prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve_bench import Process, find_article, wait_for, wrk  # noqa: E402
from tests.conftest import free_port, start_server  # noqa: E402
from tests.test_nginx_front import nginx_config  # noqa: E402

READER_CONNECTIONS = 4


def address(number: int) -> str:
    return f"127.0.{1 + number // 250}.{1 + number % 250}"


async def slow_client(port: int, number: int, until: float, body: bool) -> bool:
    """One client trickling a byte a second until `until`; True if the server
    still had it connected at the end."""
    try:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, local_addr=(address(number), 0)
        )
    except OSError:
        return False
    if body:
        writer.write(
            b"POST /comments/post/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 100000\r\n\r\n"
        )
    else:
        writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    try:
        while time.monotonic() < until:
            writer.write(b"a")
            await writer.drain()
            await asyncio.sleep(1)
            if reader.at_eof():
                return False
        return not reader.at_eof()
    except OSError:
        return False
    finally:
        writer.close()


def run_slow_clients(port: int, count: int, seconds: float, result) -> None:
    async def everyone():
        until = time.monotonic() + seconds
        return await asyncio.gather(
            *(
                slow_client(port, number, until, body=number % 2 == 0)
                for number in range(count)
            )
        )

    result.put(sum(asyncio.run(everyone())))


def measure(name: str, url: str, options, port: int, slow: int) -> None:
    print(f"\n{name}: {url}")
    for label, headers in (("cached", ()), ("uncached", ("Cookie: bs_commenter=x",))):
        for clients in (0, slow):
            process = None
            if clients:
                result = multiprocessing.Queue()
                process = multiprocessing.Process(
                    target=run_slow_clients,
                    args=(port, clients, options.duration + 6, result),
                )
                process.start()
                time.sleep(3)  # every slow client connected and sending
            figures = wrk(url, READER_CONNECTIONS, options.duration, headers)
            connected = ""
            if process is not None:
                connected = f"  slow clients still connected: {result.get()}"
                process.join(timeout=30)
            print(
                f"  {label:<9} {clients:>4} slow clients: {figures['rps']:>8.0f} "
                f"req/s  p50 {figures['p50']:>7.2f} ms  p99 {figures['p99']:>8.2f} ms"
                f"  errors {figures['errors']}{connected}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", type=int, default=200, help="slow clients")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk")
    options = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("nginx"):
        print("needs wrk and nginx: apt-get install wrk nginx", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
        tmp = Path(tmp)
        tmp.chmod(0o755)
        broadsheet = start_server(tmp / "data", "--demo")
        front = None
        try:
            port = int(broadsheet.url.rsplit(":", 1)[1])
            path = find_article(broadsheet.url)
            front_port = free_port()
            (tmp / "front").mkdir()
            config = nginx_config(tmp / "front", front_port, port)
            front = Process(["nginx", "-c", str(config), "-g", "daemon off;"])
            front_url = f"http://127.0.0.1:{front_port}{path}"
            wait_for(front_url)
            wait_for(front_url)
            print(
                f"broadsheet serve --demo, shipped settings; reader: wrk -t1 "
                f"-c{READER_CONNECTIONS} -d{options.duration}s; "
                f"{options.slow} slow clients (half bodies, half headers, 1 byte/s)"
            )
            measure("Directly", broadsheet.url + path, options, port, options.slow)
            measure(
                "Behind the documented nginx front",
                front_url,
                options,
                front_port,
                options.slow,
            )
        finally:
            if front is not None:
                front.stop()
            broadsheet.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
