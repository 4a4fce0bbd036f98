"""An import killed at any moment leaves the site as it was before, or as the
whole import leaves it: never a mix. Through the real command line, with
SIGKILL, on SQLite in its data directory."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from broadsheet.importers.tests.data_dirs import (
    DATABASE,
    broadsheet,
    checksums,
    environment,
)
from broadsheet.importers.tests.wxr_files import generated_export


def import_until(data_dir: Path, export: Path, marker: str, delay: float) -> str:
    """Start the import, kill it `delay` seconds after `marker` appears in its
    progress output; returns what it printed."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "broadsheet.cli",
            "import",
            "wordpress",
            str(export),
            "--progress",
        ],
        env=environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen = b""
    deadline = time.monotonic() + 120
    while marker.encode() not in seen and time.monotonic() < deadline:
        chunk = os.read(process.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()
    return seen.decode(errors="replace")


def before_and_after(tmp_path: Path, posts: int) -> tuple[Path, Path, dict, dict]:
    """An export, a migrated data directory, its checksums, and the checksums
    (without write times) of a copy that the whole import went through."""
    export = tmp_path / "export.xml"
    generated_export(export, posts)
    pristine = tmp_path / "pristine"
    broadsheet(pristine, "migrate", "-v0").check_returncode()
    before = checksums(pristine / DATABASE, without_moments=False)
    finished = tmp_path / "finished"
    shutil.copytree(pristine, finished)
    broadsheet(finished, "import", "wordpress", str(export)).check_returncode()
    after = checksums(finished / DATABASE, without_moments=True)
    assert after["publishing_article"][0] == posts
    return export, pristine, before, after


def before_or_after(data_dir: Path, before: dict, after: dict, when: str) -> str:
    """Which whole state a killed import left: "before" or "after"; fails on a
    mix of the two."""
    if checksums(data_dir / DATABASE, without_moments=False) == before:
        return "before"
    assert checksums(data_dir / DATABASE, without_moments=True) == after, (
        f"killed {when}: neither before nor after"
    )
    return "after"


def test_a_killed_import_leaves_the_whole_before_or_the_whole_after(tmp_path):
    export, pristine, before, after = before_and_after(tmp_path, 80)

    outcomes = []
    moments = [("read ", 0.3), ("loading articles", 0.0), ("loading comments", 0.0)]
    delays = (0.05, 0.15, 0.3, 0.4, 0.5, 0.6, 1.0)
    moments += [("loading comments", delay) for delay in delays]
    for number, (marker, delay) in enumerate(moments):
        data_dir = tmp_path / f"killed-{number}"
        shutil.copytree(pristine, data_dir)
        printed = import_until(data_dir, export, marker, delay)
        assert marker in printed, printed
        outcomes.append(
            before_or_after(data_dir, before, after, f"{delay} s after {marker!r}")
        )
    print("outcomes:", list(zip(moments, outcomes, strict=True)))
    # Kills during staging and during the load found the site untouched.
    assert outcomes[:3] == ["before", "before", "before"]


# Run as the import's process: once the load has run, its COMMIT starts a timer
# that SIGKILLs the process `delay` seconds later, while SQLite commits (the
# sqlite3 module lets other threads run during the commit) or just after.
KILL_IN_COMMIT = """
import os, signal, sys, threading
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
django.setup()
from broadsheet.core.sqlite import base
from broadsheet.importers import loading
delay = float(sys.argv.pop(1))
armed = threading.Event()
run, commit = loading.Loader.run, base.DatabaseWrapper._commit
def armed_run(self):
    run(self)
    armed.set()
def killing_commit(self):
    if armed.is_set():
        kill = lambda: os.kill(os.getpid(), signal.SIGKILL)
        threading.Timer(delay, kill).start()
    return commit(self)
loading.Loader.run = armed_run
base.DatabaseWrapper._commit = killing_commit
from broadsheet.cli import main
sys.exit(main(sys.argv[1:]))
"""


# Seconds after COMMIT begins. On this machine a commit of this import takes
# 1–3 ms: the first kills land before it is durable, the last after.
DELAYS = (0, 0.0003, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.01)


def test_a_kill_during_the_commit_leaves_before_or_after(tmp_path):
    export, pristine, before, after = before_and_after(tmp_path, 40)
    outcomes = []
    for number, delay in enumerate(DELAYS):
        data_dir = tmp_path / f"killed-{number}"
        shutil.copytree(pristine, data_dir)
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                KILL_IN_COMMIT,
                str(delay),
                "import",
                "wordpress",
                str(export),
            ],
            env=environment(data_dir),
            timeout=300,
            capture_output=True,
        )
        assert result.returncode == -signal.SIGKILL, result.stderr
        outcomes.append(
            before_or_after(data_dir, before, after, f"{delay} s into the commit")
        )
    print("killed in the commit:", outcomes)
