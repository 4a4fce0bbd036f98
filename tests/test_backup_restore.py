"""`broadsheet backup` under live writes and `broadsheet restore`, on a real
`broadsheet serve`: the restored site has the same rows, pages and images."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port, publish_comments_at_once, start_server
from tests.own_services import fill_disk, small_filesystem
from tests.test_nginx_front import PURGE_MODULE, get, nginx_config
from tests.test_pagecache_processes import fetch

pytestmark = pytest.mark.server

MAKE_IMAGE = (
    "import io;"
    "from PIL import Image as P;"
    "from broadsheet.images.processing import process;"
    "from broadsheet.images.services import upload_image;"
    "b = io.BytesIO(); P.new('RGB', (1000, 700), (180, 40, 30)).save(b, 'JPEG');"
    "print(upload_image(process(b.getvalue()), alt_text='A red square', by=None)"
    ".url(480))"
)


UPLOAD_IMAGES = """
import io
from PIL import Image as P
from broadsheet.images.processing import process
from broadsheet.images.services import upload_image
for n in range(12):
    b = io.BytesIO()
    P.new('RGB', (1600, 900), (n * 20, 90, 200)).save(b, 'JPEG')
    upload_image(process(b.getvalue()), alt_text=f'Blue {n}', by=None)
    print(n, flush=True)
"""


def row_counts(database: Path) -> dict[str, int]:
    """Rows in every table of a SQLite database (read beside a running site)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=20)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }
    finally:
        connection.close()


def fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=20) as answer:
        return answer.read()


def article_paths(server) -> list[str]:
    home = fetch(server.url + "/")[2]
    return list(dict.fromkeys(re.findall(r'href="(/\d{4}/\d\d/\d\d/[^"]+/)"', home)))


def page_as(url: str, host: str) -> str:
    """A page asked for under the public host (absolute links name it)."""
    request = urllib.request.Request(url, headers={"Host": host})
    with urllib.request.urlopen(request, timeout=20) as answer:
        return answer.read().decode()


def without_form_token(page: str) -> str:
    """The page less the comment form's token, signed with the time it was
    rendered (its validity is checked apart)."""
    return re.sub(r'name="token" value="[^"]+"', 'name="token" value=""', page)


class CommentWriter(threading.Thread):
    """Posts comments on one article until told to stop (bounded in count and
    time), noting when each was answered."""

    def __init__(self, server, path: str) -> None:
        super().__init__(daemon=True)
        form = fetch(server.url + path)[2]
        self.url = server.url + "/comments/post/"
        self.fields = {
            "article": re.search(r'name="article" value="(\d+)"', form)[1],
            "token": re.search(r'name="token" value="([^"]+)"', form)[1],
            "name": "Night Writer",
            "email": "night.writer@example.org",
        }
        self.stop = threading.Event()
        self.answered: list[tuple[float, str]] = []
        self.failures: list[int] = []

    def run(self) -> None:
        deadline = time.monotonic() + 60
        for number in range(400):
            if self.stop.is_set() or time.monotonic() > deadline:
                return
            body = f"Comment number {number} written during the backup."
            status = fetch(self.url, {**self.fields, "body": body})[0]
            if status == 303:
                self.answered.append((time.monotonic(), body))
            else:
                self.failures.append(status)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo site with an uploaded image; stopped after the module."""
    server = start_server(tmp_path_factory.mktemp("site") / "data", "--demo")
    try:
        publish_comments_at_once(server)
        made = server.manage("shell", "-c", MAKE_IMAGE)
        assert made.returncode == 0, made.stderr
        server.image_path = made.stdout.strip().splitlines()[-1]
        yield server
    finally:
        server.stop()


def backup(server, folder: Path, *args: str) -> Path:
    result = server.manage("backup", str(folder), *args)
    assert result.returncode == 0, result.stderr
    return Path(re.search(r"^Wrote (\S+) ", result.stdout, re.MULTILINE)[1])


def restore(server, archive: Path, data_dir: Path, *args: str, **env: str):
    return server.manage(
        "restore", str(archive), *args, BROADSHEET_DATA_DIR=str(data_dir), **env
    )


def test_a_backup_taken_under_writes_restores_the_same_site(server, tmp_path):
    paths = article_paths(server)
    reference = next(path for path in paths if "reservoirs" in path)
    quiet = next(path for path in paths if path != reference)
    database = server.data_dir / "broadsheet.sqlite3"
    before = row_counts(database)
    writer = CommentWriter(server, reference)
    writer.start()
    # Images uploaded by another process meanwhile.
    uploader = subprocess.Popen(
        [sys.executable, "-m", "broadsheet.cli", "shell", "-c", UPLOAD_IMAGES],
        env=server.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while len(writer.answered) < 5 and writer.is_alive():
            time.sleep(0.05)
        uploader.stdout.readline()  # the first image is in
        started = time.monotonic()
        archive = backup(server, tmp_path / "backups")
        finished = time.monotonic()
        while len(writer.answered) < 5 + 5 and writer.is_alive():
            time.sleep(0.05)  # a few more after the backup, then stop
    finally:
        writer.stop.set()
        writer.join(timeout=30)
        uploaded, errors = uploader.communicate(timeout=60)
    assert uploader.returncode == 0, errors
    assert not writer.failures
    assert any(started < at < finished for at, _ in writer.answered), (
        "no comment was written while the backup ran"
    )
    assert archive.stat().st_mode & 0o777 == 0o600
    after = row_counts(database)

    restored_dir = tmp_path / "restored"
    result = restore(server, archive, restored_dir)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in restored_dir.iterdir()) == [
        "broadsheet.lock",
        "broadsheet.sqlite3",
        "media",
        "secret_key",
        "static",
    ]  # no page store: it is never restored
    assert (restored_dir / "secret_key").read_bytes() == (
        server.data_dir / "secret_key"
    ).read_bytes()

    # Every table has the rows it had when the copy was taken: the tables the
    # comments did not touch exactly, the others between before and after.
    restored = row_counts(restored_dir / "broadsheet.sqlite3")
    assert set(restored) == set(before)
    moving = {table for table in before if before[table] != after[table]}
    assert "discussion_comment" in moving
    for table in before:
        if table == "pagecache_purgeintent":
            continue  # purges come and go: written with a write, cleared later
        if table in moving:
            assert before[table] <= restored[table] <= after[table], table
        else:
            assert restored[table] == before[table], table
    with sqlite3.connect(restored_dir / "broadsheet.sqlite3") as connection:
        bodies = {
            body
            for (body,) in connection.execute(
                "SELECT body FROM discussion_comment WHERE body LIKE 'Comment number%'"
            )
        }
    assert {body for at, body in writer.answered if at < started} <= bodies
    assert not {body for at, body in writer.answered if at > finished} & bodies

    # The same public address and host, which pages show in their links.
    # Every image the copy knows has all its files, and every restored media
    # file is the site's own, byte for byte (none caught half written).
    with sqlite3.connect(restored_dir / "broadsheet.sqlite3") as connection:
        images = connection.execute(
            "SELECT digest, extension, widths FROM images_image"
        ).fetchall()
    assert images
    for digest, extension, widths in images:
        for width in json.loads(widths):
            name = f"images/{digest[:2]}/{digest}-{width}.{extension}"
            assert (restored_dir / "media" / name).exists(), name
    for path in (restored_dir / "media").rglob("*.jpg"):
        relative = path.relative_to(restored_dir)
        assert path.read_bytes() == (server.data_dir / relative).read_bytes()

    second = start_server(
        restored_dir, env={"BROADSHEET_SITE_URL": server.env["BROADSHEET_SITE_URL"]}
    )
    try:
        # The same article bytes for a page the writes did not change (less
        # the form token, signed with the time of each render)...
        host = server.url.removeprefix("http://")
        original = page_as(server.url + quiet, host)
        again = page_as(second.url + quiet, host)
        assert without_form_token(again) == without_form_token(original)
        # ...a token signed by the old site is good on the restored one (the
        # same secret key)...
        token = re.search(r'name="token" value="([^"]+)"', original)[1]
        form = fetch(second.url + quiet)[2]
        status, _, _ = fetch(
            second.url + "/comments/post/",
            {
                "article": re.search(r'name="article" value="(\d+)"', form)[1],
                "token": token,
                "name": "After Restore",
                "email": "after@example.org",
                "body": "Posted with a form from before the backup.",
            },
        )
        assert status == 303
        # ...the restored discussion counts what the restored database holds...
        shown = fetch(second.url + reference)[2]
        comments = restored["discussion_comment"]
        assert f"{comments} responses to" in shown.replace("\u00a0", " ")
        # ...and the same image bytes.
        picture = fetch_bytes(server.url + server.image_path)
        assert picture[:3] == b"\xff\xd8\xff"  # a JPEG
        assert fetch_bytes(second.url + server.image_path) == picture
    finally:
        second.stop()


@pytest.fixture(scope="module")
def archive(server, tmp_path_factory) -> Path:
    """One archive of the site, taken while it is quiet."""
    return backup(server, tmp_path_factory.mktemp("archive"))


def flip_a_byte(archive: Path, member: str, into: Path) -> Path:
    """A copy of `archive` with one byte of `member`'s content flipped."""
    with tarfile.open(archive) as tar:
        offset = tar.getmember(member).offset_data
    data = bytearray(archive.read_bytes())
    data[offset + 100] ^= 0x01
    into.write_bytes(bytes(data))
    return into


def test_a_damaged_archive_is_refused_naming_the_file_and_nothing_is_restored(
    server, archive, tmp_path
):
    with tarfile.open(archive) as tar:
        media = next(name for name in tar.getnames() if name.startswith("media/"))
    target = tmp_path / "restored"
    for member in (media, "database/broadsheet.sqlite3.gz"):
        damaged = flip_a_byte(archive, member, tmp_path / "damaged.tar")
        result = restore(server, damaged, target)
        assert result.returncode == 1
        assert f"The archive is damaged: {member} does not match its SHA-256" in (
            result.stderr
        )
        assert "Traceback" not in result.stderr
        # As it was found: missing, without even what the command made on
        # its way in (the folder, static/, a new secret key).
        assert not target.exists()
    # So the same command with a sound archive goes through.
    result = restore(server, archive, target)
    assert result.returncode == 0, result.stderr


def test_restore_refuses_a_data_directory_that_is_not_empty_unless_forced(
    server, archive, tmp_path
):
    # A mount point's empty lost+found does not count.
    mount_point = tmp_path / "mount-point"
    (mount_point / "lost+found").mkdir(parents=True)
    result = restore(server, archive, mount_point)
    assert result.returncode == 0, result.stderr

    target = tmp_path / "in-use"
    target.mkdir()
    (target / "broadsheet.sqlite3").write_bytes(b"an older site")
    (target / "cache.sqlite3").write_bytes(b"its pages")
    result = restore(server, archive, target)
    assert result.returncode == 1
    assert f"The data directory {target} is not empty" in result.stderr
    assert (target / "broadsheet.sqlite3").read_bytes() == b"an older site"

    result = restore(server, archive, target, "--force")
    assert result.returncode == 0, result.stderr
    assert not (target / "cache.sqlite3").exists()  # the old pages are gone
    with sqlite3.connect(target / "broadsheet.sqlite3") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_keep_leaves_the_newest_archives_and_no_other_file_is_touched(server, tmp_path):
    folder = tmp_path / "daily"
    folder.mkdir()
    older = [
        folder / f"broadsheet-backup-2024010{day}T030000Z.tar" for day in (1, 2, 3)
    ]
    others = [folder / "notes.txt", folder / "broadsheet-backup-manual.tar"]
    for path in older + others:
        path.write_bytes(b"x")
    newest = backup(server, folder, "--keep", "2")
    assert sorted(folder.iterdir()) == sorted([older[-1], newest, *others])


def test_a_temporary_left_by_an_interrupted_image_write_is_not_backed_up(
    server, tmp_path
):
    # What kill -9 leaves beside a width being written (images/files.py).
    folder = server.data_dir / "media" / "images" / "ab"
    folder.mkdir(parents=True, exist_ok=True)
    left = folder / f".writing-{'ab' * 32}-960.jpg.k7x2"
    left.write_bytes(b"\xff\xd8 half a picture")
    try:
        with tarfile.open(backup(server, tmp_path)) as tar:
            names = tar.getnames()
    finally:
        left.unlink()
    assert any(name.startswith("media/images/") for name in names)
    assert not [name for name in names if ".writing-" in name]


def test_a_full_disk_leaves_no_archive_and_no_half_restore_and_says_so(server, archive):
    with small_filesystem(1) as folder:
        result = server.manage("backup", str(folder))
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"broadsheet backup: The disk holding {folder} is full: no archive "
            "was written."
        )
        assert list(folder.iterdir()) == []

        # Nor does the restored database (0.9 MB) in what is left.
        target = folder / "data"
        target.mkdir()
        fill_disk(folder, leave_bytes=500_000)
        result = restore(server, archive, target)
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"broadsheet restore: The disk holding {target} is full: nothing "
            "was restored."
        )
        assert list(target.iterdir()) == []  # as it was found


def test_a_restore_into_the_data_directory_of_a_running_site_is_refused(
    server, archive
):
    database = server.data_dir / "broadsheet.sqlite3"
    before = database.stat().st_ino
    result = restore(server, archive, server.data_dir, "--force")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"broadsheet restore: A site is running on the data directory "
        f"{server.data_dir} (broadsheet serve, process {server.process.pid}"
    )
    assert "stop it first" in result.stderr
    assert database.stat().st_ino == before  # the site's database, untouched
    assert fetch(server.url + "/healthz")[0] == 200


def test_no_command_starts_on_a_data_directory_while_a_restore_holds_it(tmp_path):
    import fcntl

    from broadsheet.backups.lock import LOCK_FILE

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with (data_dir / LOCK_FILE).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as `broadsheet restore` does
        result = subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", "migrate"],
            env={**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert "broadsheet: A restore is running on the data directory" in result.stderr
    assert not (data_dir / "broadsheet.sqlite3").exists()


def test_a_restore_empties_redis_and_purges_each_front_or_says_it_did_not(
    server, archive, redis_server, tmp_path
):
    import redis

    if not shutil.which("nginx") or not PURGE_MODULE.exists():
        pytest.skip("nginx with libnginx-mod-http-cache-purge is not installed")
    nginx_port = free_port()
    config = nginx_config(tmp_path, nginx_port, int(server.url.rsplit(":", 1)[1]))
    nginx = subprocess.Popen(
        ["nginx", "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    front = f"http://127.0.0.1:{nginx_port}"
    try:
        for _ in range(100):  # bounded wait for nginx
            try:
                urllib.request.urlopen(front + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        # The home page in nginx's cache (a few tries: the site may be busy
        # with the other tests' work, and a 503 is never cached).
        for _ in range(20):
            if get(front + "/")[0] == "HIT":
                break
            time.sleep(0.2)
        assert get(front + "/")[0] == "HIT"
        # A page of the old server in the page store in Redis.
        client = redis.Redis.from_url(redis_server.url)
        client.hset("broadsheet:pc:e:old-page", mapping={"body": b"old"})
        client.sadd("broadsheet:pc:u:site", "/")

        result = restore(
            server,
            archive,
            tmp_path / "restored",
            CACHE_URL=redis_server.url,
            BROADSHEET_PURGE_FRONTS=f"nginx:{front}",
        )
        assert result.returncode == 0, result.stderr
        assert client.keys("broadsheet:pc:e:*") == []
        assert client.keys("broadsheet:pc:u:*") == []
        assert int(client.get("broadsheet:pc:epoch")) >= 1
        if f"Purged every page from the front nginx:{front}." in result.stdout:
            assert get(front + "/")[0] != "HIT"
        else:
            # Debian 12's purge module cannot drop every page by request.
            assert f"WARNING: The front nginx:{front} was NOT purged" in result.stderr
            assert "empty its cache by hand" in result.stderr
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
