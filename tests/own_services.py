"""Services a test owns and may break: its own PostgreSQL cluster, its own Redis
and a small filesystem, never the machine's shared ones.

Each is started on a free loopback port (or mounted in a temporary folder) and
removed in the fixture's finaliser even when the test fails. Outside CI a
missing tool skips with its reason; under CI=true the plugin turns that skip
into a failure.
"""

from __future__ import annotations

import contextlib
import copy
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run a PostgreSQL server program as the postgres user (it refuses root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, *args], capture_output=True, text=True, timeout=60, **kwargs
    )


class PostgresCluster:
    """A throw-away PostgreSQL cluster: initdb'd, started, stopped, dropped."""

    def __init__(self, root: Path) -> None:
        if not POSTGRES_BIN:
            pytest.skip("PostgreSQL server programs are not installed")
        self.bin = POSTGRES_BIN[-1]
        self.root = root
        self.data = root / "pgdata"
        self.port = free_port()
        self.log = root / "postgres.log"
        self.database = "broadsheet"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def create(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        result = _as_postgres(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
        )
        assert result.returncode == 0, result.stderr
        self.start()
        self.sql("CREATE DATABASE broadsheet")

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.root} -c fsync=off"
        )
        result = _as_postgres(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "start",
        )
        assert result.returncode == 0, result.stderr + self.log.read_text()

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` (clients cut off), or `immediate` (a crash)."""
        _as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"
        )

    def restart(self) -> None:
        self.stop()
        self.start()

    def is_running(self) -> bool:
        status = _as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "status")
        return status.returncode == 0

    def sql(self, statement: str) -> None:
        """Run one statement in the maintenance database, as postgres."""
        result = _as_postgres(
            str(self.bin / "psql"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            statement,
        )
        assert result.returncode == 0, result.stderr

    def drop(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


class RedisServer:
    """A redis-server of our own on a free port, keeping nothing on disk."""

    def __init__(self, root: Path) -> None:
        if not shutil.which("redis-server"):
            pytest.skip("redis-server is not installed")
        self.root = root
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.root),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"],
                capture_output=True,
                text=True,
                check=False,
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.05)
        raise RuntimeError("our redis-server did not answer in 10 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@contextlib.contextmanager
def small_filesystem(size_mb: int) -> Iterator[Path]:
    """A tmpfs of `size_mb` megabytes mounted in a temporary folder (as root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    mount_point = Path(tempfile.mkdtemp(prefix="broadsheet-small-fs-"))
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0700", "tmpfs"]
        + [str(mount_point)],
        check=True,
        timeout=30,
    )
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, timeout=30)
        shutil.rmtree(mount_point, ignore_errors=True)


def fill_disk(folder: Path, *, leave_bytes: int = 0) -> Path:
    """Fill the filesystem holding `folder` until at most `leave_bytes` remain;
    returns the filler file, whose removal frees the space again."""
    filler = folder / "filler"
    chunk = b"\0" * (1 << 20)
    with filler.open("wb") as handle:
        while True:
            free = shutil.disk_usage(folder).free
            if free <= leave_bytes:
                break
            try:
                handle.write(chunk[: max(1, min(len(chunk), free - leave_bytes))])
                handle.flush()
            except OSError:
                break
    return filler


@pytest.fixture(scope="session")
def migrated_postgres_cluster() -> Iterator[PostgresCluster]:
    """One PostgreSQL cluster of the tests' own for the session, its database
    `broadsheet` migrated once (a template for each test's own database);
    dropped at the end, whatever happened."""
    # Not under pytest's temporary folders: they are private to root, and the
    # server runs as postgres.
    cluster = PostgresCluster(Path(tempfile.mkdtemp(prefix="broadsheet-pg-")))
    try:
        cluster.create()
        env = {
            **os.environ,
            "DATABASE_URL": cluster.url,
            "BROADSHEET_SECRET_KEY": "only-for-migrating-the-template-database",
            "BROADSHEET_DATA_DIR": str(cluster.root / "data"),
        }
        migrated = subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", "migrate", "-v0"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert migrated.returncode == 0, migrated.stderr
        yield cluster
    finally:
        cluster.drop()


@pytest.fixture
def postgres_cluster(migrated_postgres_cluster) -> Iterator[PostgresCluster]:
    """The session's own PostgreSQL cluster, with a migrated database of this
    test's alone: the test may stop and start the cluster; it is running again,
    and the database dropped, afterwards, whatever happened."""
    cluster = copy.copy(migrated_postgres_cluster)
    cluster.database = f"test_{uuid.uuid4().hex[:12]}"
    cluster.sql(f'CREATE DATABASE "{cluster.database}" TEMPLATE broadsheet')
    try:
        yield cluster
    finally:
        if not cluster.is_running():
            cluster.start()
        cluster.sql(f'DROP DATABASE IF EXISTS "{cluster.database}" WITH (FORCE)')


@pytest.fixture
def redis_server(tmp_path_factory) -> Iterator[RedisServer]:
    """A redis-server of the test's own; killed afterwards."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    try:
        server.start()
        yield server
    finally:
        server.stop()
