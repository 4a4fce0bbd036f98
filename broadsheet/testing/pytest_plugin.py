"""Loaded first by pytest (`-p broadsheet.testing.pytest_plugin` in pyproject).

It gives the test session its own data directory before Django reads its
settings, and, under CI=true, turns every skipped test into a failure: CI has
PostgreSQL, Redis, Chromium and the shared test data, so nothing may quietly skip.
"""

from __future__ import annotations

import os
import tempfile

import pytest

# Settings are imported by pytest-django before any conftest runs, so this is the
# one place early enough to choose the data directory. It is the environment of
# the test process itself, not configuration read by the application.
os.environ.setdefault(
    "BROADSHEET_DATA_DIR", tempfile.mkdtemp(prefix="broadsheet-test-data-")
)
os.makedirs(os.path.join(os.environ["BROADSHEET_DATA_DIR"], "static"), exist_ok=True)

_skipped: list[str] = []


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and _in_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        _skipped.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    if _skipped:
        terminalreporter.section("skipped under CI=true (counted as failures)")
        for line in _skipped:
            terminalreporter.line(line, red=True)
