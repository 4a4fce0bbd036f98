"""Stopping `broadsheet serve` at any moment leaves no process of its behind:
not its background worker, not granian's workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
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


def _children_serving(parent: int) -> list[int]:
    """granian's worker processes under `parent`, the newest last."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == parent and b"serve" in command:
            found.append(int(stat.parent.name))
    return sorted(found)


def test_a_worker_process_killed_twice_in_a_row_does_not_end_the_site(tmp_path):
    """Granian gives up after two deaths of a worker within 5.5 s; serve starts
    it again, and a stop still stops it."""
    server = start_server(tmp_path / "data", "--no-worker", "--workers", "1")
    try:
        first = _children_serving(server.process.pid)[-1]
        os.kill(first, signal.SIGKILL)
        wait_until(
            lambda: _children_serving(server.process.pid)[-1:] not in ([], [first]),
            20,
            "a new worker process",
        )
        os.kill(_children_serving(server.process.pid)[-1], signal.SIGKILL)

        def answers() -> bool:
            try:
                with urllib.request.urlopen(server.url + "/livez", timeout=2) as got:
                    return got.status == 200
            except OSError:
                return False

        wait_until(lambda: "kept dying" in server.log(), 20, "granian gave up")
        wait_until(answers, 40, "the site answers again")
        assert server.process.poll() is None
        server.process.terminate()
        assert server.process.wait(timeout=30) == 0
    finally:
        server.stop()
