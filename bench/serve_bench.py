"""Broadsheet's cached article page against nginx and a bare WSGI ceiling, in one run.

    python bench/serve_bench.py [--duration 5] [--rounds 3]

Starts, each on a free loopback port:
  * `broadsheet serve --demo` with default settings (2 workers on 2 cores);
  * nginx (Debian's) serving the same bytes as a static file, as many workers,
    `sendfile on`, `access_log off`;
  * granian serving the same bytes from a bare WSGI callable (bench/bare_app.py),
    as many workers, `--blocking-threads 1`: the Python ceiling;
then runs wrk against each in interleaved rounds (same threads and duration) at
16 and 64 connections and prints req/s, p50, p99, errors and each server's peak
PSS, with Broadsheet as a percentage of nginx and of the ceiling in the same
round. It also prints: the same with CACHE_URL (Redis) set; the uncached article
(BROADSHEET_PAGE_CACHE=false) and its query count; comment POSTs per second at 8
concurrent posters, each from its own /24; the fsync latency of the data
directory's disk; and the time from a comment POST until an anonymous GET shows it.
Every load is bounded in count and time and goes to 127.0.0.0/8 only. Nothing is
asserted: this prints figures.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.processes import PeakMemory  # noqa: E402
from tests.conftest import (  # noqa: E402
    free_port,
    publish_comments_at_once,
    start_server,
)
from tests.test_nginx_front import nginx_config  # noqa: E402

WORKERS = 2
WRK_THREADS = 2


def parse_duration_ms(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        return float("nan")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, connections: int, duration: int, headers=()) -> dict:
    args = ["wrk", "-t", str(WRK_THREADS), "-c", str(connections)]
    args += ["-d", f"{duration}s", "--timeout", "5s", "--latency"]
    for header in headers:
        args += ["-H", header]
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, timeout=duration + 30, check=True
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": parse_duration_ms(percentiles.get("50", "")),
        "p99": parse_duration_ms(percentiles.get("99", "")),
        "errors": 0,
    }
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if socket_errors:
        result["errors"] += sum(int(n) for n in re.findall(r"\d+", socket_errors[1]))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        result["errors"] += int(non_2xx[1])
    return result


NGINX_STATIC = """
worker_processes {workers};
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {dir};
        location / {{ try_files /page.html =404; }}
    }}
}}
"""


class Process:
    def __init__(self, args, env=None, cwd=None) -> None:
        self.proc = subprocess.Popen(
            args,
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.pid = self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def find_article(base: str) -> str:
    home = urllib.request.urlopen(base + "/", timeout=10).read().decode()
    return re.search(r'href="(/\d{4}/\d\d/\d\d/[^"]*reservoirs[^"]*)"', home)[1]


def fsync_latency_ms(directory: Path, writes: int = 100) -> float:
    probe = directory / "fsync-probe"
    timings = []
    with probe.open("wb") as handle:
        for _ in range(writes):
            handle.write(b"x" * 4096)
            handle.flush()
            start = time.perf_counter()
            os.fsync(handle.fileno())
            timings.append((time.perf_counter() - start) * 1000)
    probe.unlink()
    return statistics.median(timings)


def form_fields(base: str, path: str) -> dict:
    page = urllib.request.urlopen(base + path, timeout=10).read().decode()
    return {
        "article": re.search(r'name="article" value="(\d+)"', page)[1],
        "token": re.search(r'name="token" value="([^"]+)"', page)[1],
    }


def post_comment(port: int, fields: dict, body: str, source: str) -> int:
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    data = urllib.parse.urlencode(
        {"name": "Bench Reader", "email": "bench@example.org", **fields, "body": body}
    )
    connection.request(
        "POST",
        "/comments/post/",
        body=data,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    status = connection.getresponse().status
    connection.close()
    return status


def comment_posts_per_second(port: int, fields: dict, seconds: float) -> tuple:
    counts, errors = [0] * 8, [0] * 8
    deadline = time.monotonic() + seconds

    def poster(index: int) -> None:
        source = f"127.{index + 1}.0.1"  # each poster from its own /24
        for number in range(5000):  # bounded in count as well as time
            if time.monotonic() > deadline:
                return
            status = post_comment(
                port, fields, f"Load comment {index}-{number}", source
            )
            if status == 303:
                counts[index] += 1
            else:
                errors[index] += 1

    threads = [threading.Thread(target=poster, args=(i,)) for i in range(8)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    elapsed = time.monotonic() - start
    return sum(counts) / elapsed, sum(errors)


def visible_after_post_ms(base: str, port: int, path: str, tries: int = 5) -> list:
    results = []
    for attempt in range(tries):
        fields = form_fields(base, path)
        urllib.request.urlopen(base + path, timeout=10).read()  # make sure it is cached
        text = f"Visibility probe {attempt} {time.time()}"
        start = time.perf_counter()
        post_comment(port, fields, text, "127.0.0.1")
        for _ in range(1000):  # bounded
            page = urllib.request.urlopen(base + path, timeout=10).read().decode()
            if text in page:
                results.append((time.perf_counter() - start) * 1000)
                break
    return results


def query_count(server, path: str) -> str:
    code = (
        "from django.test import Client;"
        "from django.test.utils import CaptureQueriesContext;"
        "from django.db import connection;"
        "c = Client(HTTP_HOST='127.0.0.1');"
        f"c.get('{path}');"
        "ctx = CaptureQueriesContext(connection);"
        "ctx.__enter__();"
        f"r = c.get('{path}');"
        "ctx.__exit__(None, None, None);"
        "print(r.status_code, len(ctx.captured_queries))"
    )
    return server.manage("shell", "-c", code).stdout.strip().splitlines()[-1]


def line(name: str, result: dict, pss: int) -> str:
    return (
        f"  {name:<22} {result['rps']:>9.0f} req/s  p50 {result['p50']:>6.2f} ms  "
        f"p99 {result['p99']:>7.2f} ms  errors {result['errors']:>3}  "
        f"peak PSS {pss / 1024:>6.1f} MiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    options = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("nginx"):
        print("needs wrk and nginx: apt-get install wrk nginx", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
        tmp = Path(tmp)
        tmp.chmod(0o755)  # nginx's workers run as an unprivileged user
        servers = []
        try:
            broadsheet = start_server(tmp / "data", "--demo")
            servers.append(broadsheet)
            path = find_article(broadsheet.url)
            page_url = broadsheet.url + path
            body = urllib.request.urlopen(page_url, timeout=10).read()
            (tmp / "page.html").write_bytes(body)

            nginx_port = free_port()
            (tmp / "nginx.conf").write_text(
                NGINX_STATIC.format(workers=WORKERS, dir=tmp, port=nginx_port)
            )
            nginx = Process(
                ["nginx", "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]
            )
            servers.append(nginx)
            bare_port = free_port()
            bare = Process(
                [
                    sys.executable,
                    "-m",
                    "granian",
                    "--interface",
                    "wsgi",
                    "--workers",
                    str(WORKERS),
                    "--blocking-threads",
                    "1",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(bare_port),
                    "--no-ws",
                    "bench.bare_app:application",
                ],  # fmt: skip
                env={**os.environ, "BENCH_BODY_FILE": str(tmp / "page.html")},
                cwd=ROOT,
            )
            servers.append(bare)
            front_port = free_port()
            front_dir = tmp / "front"
            front_dir.mkdir()
            front_config = nginx_config(
                front_dir, front_port, int(broadsheet.url.rsplit(":", 1)[1])
            )
            front = Process(["nginx", "-c", str(front_config), "-g", "daemon off;"])
            servers.append(front)
            targets = {
                "nginx static file": (
                    f"http://127.0.0.1:{nginx_port}/page.html",
                    nginx.pid,
                ),
                "bare WSGI (granian)": (f"http://127.0.0.1:{bare_port}/", bare.pid),
                "Broadsheet cached": (page_url, broadsheet.process.pid),
                "nginx front (docs)": (
                    f"http://127.0.0.1:{front_port}{path}",
                    front.pid,
                ),
            }
            for url, _ in targets.values():
                wait_for(url)
                wait_for(url)  # the second fills the front's cache

            print("Setup")
            print(
                f"  machine: {os.cpu_count()} cores; wrk -t{WRK_THREADS}, "
                f"{options.duration} s per run, {options.rounds} rounds"
            )
            print(
                f"  page: {path} ({len(body)} bytes, 100 comments), "
                f"{WORKERS} workers for each server"
            )
            for connections in (16, 64):
                print(f"\nCached article, {connections} connections")
                for round_number in range(1, options.rounds + 1):
                    results = {}
                    for name, (url, pid) in targets.items():
                        with PeakMemory(pid) as memory:
                            results[name] = (
                                wrk(url, connections, options.duration),
                                memory.pss,
                            )
                    print(f" round {round_number}")
                    for name, (result, peak) in results.items():
                        print(line(name, result, peak))
                    ours = results["Broadsheet cached"][0]["rps"]
                    nginx_rps = results["nginx static file"][0]["rps"]
                    bare_rps = results["bare WSGI (granian)"][0]["rps"]
                    fronted = results["nginx front (docs)"][0]["rps"]
                    print(
                        f"  Broadsheet = {100 * ours / nginx_rps:.0f}% of nginx, "
                        f"{100 * ours / bare_rps:.0f}% of the bare ceiling; "
                        f"behind the nginx front = {100 * fronted / nginx_rps:.0f}% "
                        "of nginx static"
                    )
        finally:
            for server in reversed(servers):
                server.stop()

        extra_rounds(tmp, options)
    return 0


def extra_rounds(tmp: Path, options) -> None:
    """Uncached, Redis, comment POSTs, fsync, and time to visibility."""
    cache_url = os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/0")
    uncached = start_server(
        tmp / "data-uncached", "--demo", env={"BROADSHEET_PAGE_CACHE": "false"}
    )
    try:
        path = find_article(uncached.url)
        print("\nUncached article (BROADSHEET_PAGE_CACHE=false), 100 comments")
        for connections in (16, 64):
            with PeakMemory(uncached.process.pid) as memory:
                result = wrk(uncached.url + path, connections, options.duration)
            print(line(f"c={connections}", result, memory.pss))
        print(f"  status and queries per render: {query_count(uncached, path)}")
    finally:
        uncached.stop()

    redis_data = tmp / "data-redis"
    redis = start_server(redis_data, "--demo", env={"CACHE_URL": cache_url})
    try:
        path = find_article(redis.url)
        print(f"\nCached article with CACHE_URL={cache_url} (Redis near-cache)")
        for connections in (16, 64):
            with PeakMemory(redis.process.pid) as memory:
                result = wrk(redis.url + path, connections, options.duration)
            print(line(f"c={connections}", result, memory.pss))
    finally:
        redis.stop()

    posting = start_server(tmp / "data-posts", "--demo")
    # This benchmark measures posting and purging, not moderation: no holds.
    publish_comments_at_once(posting)
    try:
        port = int(posting.url.rsplit(":", 1)[1])
        path = find_article(posting.url)
        fields = form_fields(posting.url, path)
        print("\nComment POSTs, 8 concurrent posters, each from its own /24")
        print(
            f"  fsync latency of the data directory's disk: "
            f"{fsync_latency_ms(posting.data_dir):.2f} ms (median of 100)"
        )
        with PeakMemory(posting.process.pid) as memory:
            rate, errors = comment_posts_per_second(port, fields, options.duration)
        peak = memory.pss / 1024
        print(f"  {rate:.0f} comments/s, errors {errors}, peak PSS {peak:.1f} MiB")
        # Another article than the one just loaded with posts: a page of its own.
        home = urllib.request.urlopen(posting.url + "/", timeout=10).read().decode()
        quiet = next(
            p
            for p in re.findall(r'href="(/\d{4}/\d\d/\d\d/[^"]+/)"', home)
            if p != path
        )
        times = visible_after_post_ms(posting.url, port, quiet)
        print(
            "\nTime from a comment POST until an anonymous GET shows it (cached page)"
        )
        print(
            "  "
            + ", ".join(f"{t:.1f} ms" for t in times)
            + f"; worst {max(times):.1f} ms"
        )
    finally:
        posting.stop()


if __name__ == "__main__":
    sys.exit(main())
