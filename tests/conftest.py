"""Cross-app tests: a real `broadsheet serve` on a free port, driven by Chromium."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.own_services import (  # noqa: F401  (fixtures for every test here)
    free_port,
    migrated_postgres_cluster,
    postgres_cluster,
    redis_server,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DATABASE_FILE = "broadsheet.sqlite3"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@dataclass
class Server:
    """A running `broadsheet serve`, its address, data directory and output."""

    url: str
    data_dir: Path
    log_path: Path
    env: dict[str, str]
    process: subprocess.Popen | None = None
    args: list[str] = field(default_factory=list)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def manage(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        """Run another `broadsheet` subcommand against the same data directory."""
        return subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def base_env(data_dir: Path, port: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "BROADSHEET_SECRET_KEY"}
    }
    env.update(
        BROADSHEET_DATA_DIR=str(data_dir),
        BROADSHEET_SITE_URL=f"http://127.0.0.1:{port}",
        BROADSHEET_WORKERS="2",
    )
    return env


@functools.cache
def migrated_data_dir() -> Path:
    """A data directory migrated and with its static files collected, made
    once per run of the tests (in a folder removed when it ends): `serve`
    spends 2 s of a first start on them, the same for every test."""
    template = Path(tempfile.mkdtemp(prefix="broadsheet-migrated-")) / "data"
    atexit.register(shutil.rmtree, template.parent, ignore_errors=True)
    env = base_env(template, free_port())
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", *command],
            env=env,
            capture_output=True,
            timeout=120,
            check=True,
        )
    with contextlib.closing(sqlite3.connect(template / DATABASE_FILE)) as database:
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the one file
    return template


def copy_migrated(data_dir: Path, *, database: bool = True) -> None:
    """Give a data directory not yet used the migrated template's static files
    and (unless the site is on PostgreSQL) its database."""
    template = migrated_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(template / "static", data_dir / "static")
    if database:
        shutil.copy2(template / DATABASE_FILE, data_dir / DATABASE_FILE)


def start_server(
    data_dir: Path,
    *extra: str,
    port: int | None = None,
    env: dict | None = None,
    migrated: bool = True,
) -> Server:
    """Start `broadsheet serve` and wait (bounded) until /healthz answers.

    A data directory not yet used starts from the migrated template unless
    `migrated` is false (a test of a first start, or a checkout whose
    migrations may differ from this one's)."""
    port = port or free_port()
    env = {**base_env(data_dir, port), **(env or {})}
    if migrated and not (data_dir.is_dir() and any(data_dir.iterdir())):
        copy_migrated(data_dir, database="DATABASE_URL" not in env)
    log_path = data_dir.parent / f"serve-{port}.log"
    server = Server(
        url=f"http://127.0.0.1:{port}", data_dir=data_dir, log_path=log_path, env=env
    )
    args = [
        sys.executable,
        "-m",
        "broadsheet.cli",
        "serve",
        "--port",
        str(port),
        *extra,
    ]
    server.args = args
    with log_path.open("wb") as log:
        server.process = subprocess.Popen(
            args, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"broadsheet serve exited early:\n{server.log()}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"broadsheet serve did not answer in time:\n{server.log()}")


# The moderation policy these tests were written for: no holds, no rate limits.
PUBLISH_COMMENTS_AT_ONCE = (
    "from broadsheet.moderation.models import ModerationPolicy;"
    "ModerationPolicy.objects.update_or_create(pk=1, defaults={'mode': 'publish',"
    " 'rate_per_network': 0, 'rate_per_email': 0});"
)


def publish_comments_at_once(server: Server) -> None:
    result = server.manage("shell", "-c", PUBLISH_COMMENTS_AT_ONCE)
    assert result.returncode == 0, result.stderr


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory) -> Iterator[Server]:
    """One demo site for the browser tests of a session."""
    server = start_server(tmp_path_factory.mktemp("demo") / "data", "--demo")
    publish_comments_at_once(server)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _print_server_output_on_failure(request):
    yield
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    for name in ("demo_server", "server"):
        if name in request.fixturenames:
            server = request.getfixturevalue(name)
            command = " ".join(server.args)
            print(f"\n----- output of {command} -----\n{server.log()[-6000:]}")


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM}")


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def wait_until(predicate, seconds: float, what: str) -> None:
    """Poll `predicate` every 0.1 s; fail with `what` if it stays false."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s: {what}")
