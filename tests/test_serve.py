"""`broadsheet serve` as an operator runs it: workers, restarts, bad configuration."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import base_env, free_port, start_server

pytestmark = pytest.mark.server


def children_of(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("PPid:") and int(line.split()[1]) == pid:
                found.append(int(status.parent.name))
    return found


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serve_runs_two_workers_with_debug_off_and_survives_a_restart(tmp_path):
    data_dir = tmp_path / "data"
    port = free_port()
    server = start_server(data_dir, port=port, migrated=False)  # a first start
    try:
        children = children_of(server.process.pid)
        commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in children]
        assert sum(b"broadsheet.cli\x00worker" in c for c in commands) == 1
        assert len(children) >= 3  # two granian workers and the background worker
        key = (data_dir / "secret_key").read_text()
        assert (data_dir / "secret_key").stat().st_mode & 0o777 == 0o600
        status, headers, body = get(server.url + "/no-such-page/")
        assert status == 404
        assert b"Traceback" not in body and b"URLconf" not in body  # DEBUG is off
        status, headers, _ = get(server.url + "/")
        assert status == 200
        zipped = urllib.request.Request(
            server.url + "/", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(zipped, timeout=10) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "strict-transport-security" not in headers  # the site URL is http
        made = server.manage(
            "shell",
            "-c",
            "from broadsheet.testing.factories import ArticleFactory;"
            "print(ArticleFactory(headline='Kept across restarts').get_absolute_url())",
        )
        address = made.stdout.strip().splitlines()[-1]
    finally:
        server.stop()
    again = start_server(data_dir, port=port)
    try:
        assert (data_dir / "secret_key").read_text() == key
        status, _, body = get(again.url + address)
        assert status == 200 and b"Kept across restarts" in body
        status, headers, _ = get(again.url + "/healthz")
        assert status == 200
    finally:
        again.stop()


def serve_stopping_at_start(environment: dict) -> subprocess.CompletedProcess:
    """`broadsheet serve` expected to stop before it serves anything."""
    return subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "serve"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "sentence"),
    [
        ({"BROADSHEET_DATA_DIR": "{file}/data"}, "cannot be written"),
        (
            {"DATABASE_URL": "mysql://root@localhost/x"},
            "DATABASE_URL must be a postgres",
        ),
        ({"DATABASE_URL": "postgres://"}, "DATABASE_URL is malformed"),
        (
            {"DATABASE_URL": "postgres://postgres@127.0.0.1/test"},
            "BROADSHEET_SECRET_KEY must be set",
        ),
        ({"BROADSHEET_PORT": "http"}, "BROADSHEET_PORT is not valid"),
        (
            {"BROADSHEET_PURGE_FRONTS": "squid:x"},
            "BROADSHEET_PURGE_FRONTS is not valid",
        ),
    ],
)
def test_bad_configuration_stops_with_one_plain_sentence(tmp_path, env, sentence):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    environment = base_env(tmp_path / "data", free_port())
    environment.update(
        {name: value.replace("{file}", str(blocker)) for name, value in env.items()}
    )
    result = serve_stopping_at_start(environment)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("broadsheet: ") and sentence in lines[0]


def test_the_system_check_says_postgres_needs_a_shared_secret_key(tmp_path):
    """Outside the CLI (a WSGI server started by hand), a system check says so."""
    environment = base_env(tmp_path / "data", free_port())
    environment["DATABASE_URL"] = "postgres://postgres@127.0.0.1/test"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os;"
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'broadsheet.settings';"
            "django.setup(); from django.core.management import call_command;"
            "call_command('check')",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "broadsheet.E001" in result.stderr


def test_a_database_away_at_start_up_is_one_sentence_and_exit_3(tmp_path):
    """systemd (Restart=always) starts it again; the log says why, in a line."""
    environment = base_env(tmp_path / "data", free_port())
    environment["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{free_port()}/none"
    environment["BROADSHEET_SECRET_KEY"] = "a-shared-key-for-this-test-only"
    result = serve_stopping_at_start(environment)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert "broadsheet: the database cannot be reached" in result.stderr
