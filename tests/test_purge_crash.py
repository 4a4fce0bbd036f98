"""kill -9 between a write's commit and its purge: once the restarted server
answers, neither the page store (SQLite or Redis) nor nginx in front serves the
page from before the write, and Varnish was sent the write's keys."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from bench.processes import descendants
from broadsheet.pagecache.tests.recorder import PurgeRecorder
from tests.conftest import Server, free_port, start_server
from tests.test_nginx_front import PURGE_MODULE, get, nginx_config

pytestmark = pytest.mark.server

TEXT = "Saved just before the crash."
# The shell process dies with SIGKILL right after COMMIT, before the purge: its
# on_commit callback is registered first, so it runs before the service's.
KILLED_WRITE = f"""
import os, signal
from django.db import transaction
from broadsheet.discussion.services import post_comment
from broadsheet.publishing.models import Article
article = Article.objects.get(slug__contains="reservoirs")
with transaction.atomic():
    transaction.on_commit(lambda: os.kill(os.getpid(), signal.SIGKILL))
    post_comment(
        article,
        {{"name": "Killed Writer", "email": "killed@example.org", "body": {TEXT!r}}},
        ip="192.0.2.7",
        screened=False,
    )
"""


def read(url: str) -> tuple[str, str]:
    """(X-Cache, page) of an anonymous GET straight from Broadsheet."""
    with urllib.request.urlopen(url, timeout=20) as answer:
        return answer.headers.get("X-Cache", ""), answer.read().decode()


def kill_9(server: Server) -> None:
    """SIGKILL the server and every process under it (workers, the worker)."""
    pids = descendants(server.process.pid)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    server.process.wait(timeout=10)
    for _ in range(100):  # bounded: until every one has exited (freeing the port)
        if not any(running(pid) for pid in pids):
            return
        time.sleep(0.05)


def running(pid: int) -> bool:
    """Not gone, and not a zombie (which holds no socket)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def start_nginx(tmp_path: Path, listen: int, upstream: int) -> subprocess.Popen:
    config = nginx_config(tmp_path, listen, upstream)
    nginx = subprocess.Popen(
        ["nginx", "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):  # bounded wait for nginx
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{listen}/healthz", timeout=1)
            return nginx
        except OSError:
            time.sleep(0.1)
    return nginx


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_a_write_killed_between_commit_and_purge_is_purged_before_the_restart_answers(
    tmp_path, request, store
):
    if not shutil.which("nginx") or not PURGE_MODULE.exists():
        pytest.skip("nginx with libnginx-mod-http-cache-purge is not installed")
    nginx_port, port = free_port(), free_port()
    with PurgeRecorder() as varnish:
        env = {
            "BROADSHEET_PURGE_FRONTS": f"nginx:http://127.0.0.1:{nginx_port} "
            f"varnish:{varnish.address}"
        }
        if store == "redis":
            env["CACHE_URL"] = request.getfixturevalue("redis_server").url
        server = start_server(tmp_path / "data", "--demo", port=port, env=env)
        nginx = start_nginx(tmp_path, nginx_port, port)
        front = f"http://127.0.0.1:{nginx_port}"
        try:
            home = read(server.url + "/")[1]
            path = re.search(r'href="(/\d{4}/\d\d/\d\d/[^"]*reservoirs[^"]*)"', home)[1]
            thread = (
                "thread:"
                + re.search(
                    r'name="article" value="(\d+)"', read(server.url + path)[1]
                )[1]
            )
            assert read(server.url + path)[0] == "HIT"
            get(front + path)
            assert get(front + path)[0] == "HIT"

            purges_before = len(varnish.seen)
            killed = server.manage("shell", "-c", KILLED_WRITE)
            assert killed.returncode == -signal.SIGKILL, killed.stderr
            # Committed, never purged: both caches still hold the old page.
            assert TEXT not in read(server.url + path)[1]
            assert TEXT not in get(front + path)[1]
            assert thread not in varnish.xkeys(since=purges_before)

            kill_9(server)
            server = start_server(tmp_path / "data", port=port, env=env)
            state, page = read(server.url + path)
            assert TEXT in page and state == "MISS"
            assert TEXT in get(front + path)[1]
            assert thread in varnish.xkeys(since=purges_before)
        except BaseException:
            print(server.log()[-5000:])
            raise
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)
            server.stop()
