"""Stopping `broadsheet serve` at any moment leaves no process of its behind:
not its background worker, not granian's workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import base_env, free_port, start_server, wait_until

pytestmark = pytest.mark.server


def describe(pids: set[int]) -> list[str]:
    """What each process is: its command line and state, for a failure."""
    described = []
    for pid in pids:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            state = Path(f"/proc/{pid}/status").read_text().split("\n")[2]
        except OSError:
            continue
        described.append(f"{pid} {command.decode(errors='replace')} ({state})")
    return described


def processes_of(data_dir: Path) -> set[int]:
    """The live processes whose environment names this data directory: all
    that a `serve` started, whoever their parent is now."""
    marker = f"BROADSHEET_DATA_DIR={data_dir}".encode()
    found = set()
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes().split(b"\0"):
                found.add(int(environ.parent.name))
        except OSError:
            continue  # gone meanwhile
    return found


def test_stopping_serve_in_start_up_or_killing_it_leaves_no_process_behind(tmp_path):
    data_dir = tmp_path / "data"
    port = free_port()
    with (tmp_path / "serve.log").open("wb") as log:
        starting = subprocess.Popen(
            [sys.executable, "-m", "broadsheet.cli", "serve", "--port", str(port)],
            env=base_env(data_dir, port),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        # Stopped as soon as it has a child, before it answers.
        wait_until(lambda: processes_of(data_dir) - {starting.pid}, 90, "a child")
        os.kill(starting.pid, signal.SIGTERM)
        starting.wait(timeout=30)
        wait_until(lambda: not processes_of(data_dir), 20, "all gone after TERM")

        server = start_server(data_dir, port=port)
        assert len(processes_of(data_dir)) >= 4  # granian's 2, the worker, serve
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)
        try:
            wait_until(lambda: not processes_of(data_dir), 20, "all gone after KILL")
        except AssertionError:
            print("left behind:", describe(processes_of(data_dir)))
            raise
    finally:
        for pid in processes_of(data_dir):
            os.kill(pid, signal.SIGKILL)
