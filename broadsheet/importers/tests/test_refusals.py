"""Files the importer must refuse, through the real command line: XML attacks
(checked for reading no other file and connecting nowhere), and files that are
missing or are not WordPress exports."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from broadsheet.importers.tests.wxr_files import Post, wxr

BODY = wxr([Post(1, "Harmless &xxe; title", "harmless")]).split("\n", 1)[1]


class Listener:
    """A loopback TCP server that counts connections (it should get none)."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        self.socket.close()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("import-data")


def environment(data_dir: Path) -> dict:
    """The data directory's own SQLite, whatever database the tests use."""
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    env.pop("CACHE_URL", None)
    return env


def broadsheet(data_dir: Path, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment(data_dir),
    )
    return result, time.perf_counter() - started


def attacks(canary: Path, port: int) -> dict[str, str]:
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    return {
        "billion laughs": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">{laughs}]>\n'
            + BODY.replace("&xxe;", "&lol9;")
        ),
        "external entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM '
            f'"file://{canary}">]>\n' + BODY
        ),
        "external entity over the network": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM '
            f'"http://127.0.0.1:{port}/entity">]>\n' + BODY
        ),
        "external DTD": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM '
            f'"http://127.0.0.1:{port}/evil.dtd">\n' + BODY.replace("&xxe;", "")
        ),
        "parameter entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM '
            f'"http://127.0.0.1:{port}/remote.dtd"> %remote;]>\n'
            + BODY.replace("&xxe;", "")
        ),
    }


def test_xml_attacks_are_refused_reading_nothing_and_connecting_nowhere(
    tmp_path, data_dir
):
    secret = f"CANARY-{secrets.token_hex(8)}"
    canary = tmp_path / "canary.txt"
    canary.write_text(secret)
    listener = Listener()
    try:
        for name, text in attacks(canary, listener.port).items():
            path = tmp_path / f"{name.replace(' ', '-')}.xml"
            path.write_text(text)
            result, seconds = broadsheet(data_dir, "import", "wordpress", str(path))
            assert result.returncode == 1, (name, result.stdout, result.stderr)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1, (name, result.stderr)
            assert "declares a document type (DTD) or entities" in lines[0], name
            assert secret not in result.stdout + result.stderr, name
            print(f"{name}: refused in {seconds:.2f} s (whole command)")
        time.sleep(0.3)
    finally:
        listener.stop()
    assert listener.connections == 0
    for stored in data_dir.rglob("*"):
        if stored.is_file():
            assert secret.encode() not in stored.read_bytes(), stored
    assert not list(data_dir.glob("import-*.staging"))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "nowhere.xml", "There is no file at"),
        (lambda tmp: tmp, "is a directory"),
        (
            lambda tmp: _file(tmp, "cut.xml", "<rss><channel><title>Cut</channel>"),
            "it is not well-formed XML",
        ),
        (
            lambda tmp: _file(
                tmp,
                "feed.xml",
                '<rss version="2.0"><channel><title>A feed</title></channel></rss>',
            ),
            "it has no wp:wxr_version",
        ),
        (
            lambda tmp: _file(tmp, "other.xml", "<feed><entry/></feed>"),
            "it is not an RSS file",
        ),
    ],
)
def test_files_that_are_not_exports_get_one_plain_line(
    tmp_path, data_dir, make, message
):
    result, _ = broadsheet(data_dir, "import", "wordpress", str(make(tmp_path)))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def _file(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text)
    return path


def test_a_disqus_export_with_an_external_entity_is_refused(tmp_path, data_dir):
    secret = f"CANARY-{secrets.token_hex(8)}"
    canary = tmp_path / "canary.txt"
    canary.write_text(secret)
    path = tmp_path / "disqus.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE disqus [<!ENTITY xxe SYSTEM '
        f'"file://{canary}">]>\n<disqus xmlns="http://disqus.com"><thread>'
        "<title>&xxe;</title></thread></disqus>"
    )
    result, _ = broadsheet(data_dir, "import", "disqus", str(path))
    assert result.returncode == 1
    assert "declares a document type (DTD) or entities" in result.stderr
    assert secret not in result.stdout + result.stderr
