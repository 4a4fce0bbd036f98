"""A WordPress import into a site that is serving: readers' pages keep coming
and their comments wait for the import's short transaction, never an error."""

from __future__ import annotations

import http.client
import re
import threading
import time
import urllib.parse
import urllib.request

import pytest

from broadsheet.importers.tests.wxr_files import generated_export
from tests.conftest import publish_comments_at_once, start_server


@pytest.fixture
def server(tmp_path):
    server = start_server(tmp_path / "data", "--demo")
    publish_comments_at_once(server)
    yield server
    server.stop()


def first_article(base: str) -> str:
    home = urllib.request.urlopen(base + "/", timeout=10).read().decode()
    return re.search(r'href="(/\d{4}/\d\d/\d\d/[a-z0-9-]+/)"', home)[1]


@pytest.mark.server
def test_readers_and_commenters_are_served_throughout_an_import(server, tmp_path):
    export = tmp_path / "export.xml"
    generated_export(export, 150)
    path = first_article(server.url)
    page = urllib.request.urlopen(server.url + path, timeout=10).read().decode()
    fields = {
        "article": re.search(r'name="article" value="(\d+)"', page)[1],
        "token": re.search(r'name="token" value="([^"]+)"', page)[1],
    }
    port = int(server.url.rsplit(":", 1)[1])
    statuses: list[tuple[str, int, float]] = []
    done = threading.Event()

    def commenter() -> None:
        for number in range(2000):  # bounded in count and in time
            if done.is_set():
                return
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            body = urllib.parse.urlencode(
                {
                    "name": "Ines Reader",
                    "email": "ines@example.org",
                    **fields,
                    "body": f"Posted while the import ran, number {number}.",
                }
            )
            connection.request(
                "POST",
                "/comments/post/",
                body=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            statuses.append(("post", connection.getresponse().status, time.monotonic()))
            connection.close()
            time.sleep(0.02)

    def reader() -> None:
        for _ in range(5000):
            if done.is_set():
                return
            with urllib.request.urlopen(server.url + path, timeout=30) as answer:
                statuses.append(("get", answer.status, time.monotonic()))

    workers = [threading.Thread(target=commenter), threading.Thread(target=reader)]
    for worker in workers:
        worker.start()
    started = time.monotonic()
    result = server.manage("import", "wordpress", str(export))
    finished = time.monotonic()
    done.set()
    for worker in workers:
        worker.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert "articles     150 imported" in result.stdout
    during = [
        (kind, status) for kind, status, at in statuses if started <= at <= finished
    ]
    assert any(kind == "post" for kind, _ in during)
    assert any(kind == "get" for kind, _ in during)
    # The load is the import's last step: posts answered in its window (or
    # just after it, having waited for its lock) were written around it.
    load = float(re.search(r"of which ([\d.]+) s", result.stdout)[1])
    around_load = [
        at for kind, _, at in statuses if kind == "post" and at >= finished - load - 1
    ]
    print(f"load {load:.2f} s; {len(around_load)} posts answered around it")
    assert around_load
    assert {status for kind, status, _ in statuses if kind == "post"} == {303}
    assert {status for kind, status, _ in statuses if kind == "get"} == {200}
