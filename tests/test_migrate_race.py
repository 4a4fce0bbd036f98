"""Hosts started at once on one empty PostgreSQL database: each migrates, one
after the other, and none fails on what another has just made."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import base_env, free_port
from tests.test_pagecache_processes import scale_out_env

pytestmark = pytest.mark.server


@pytest.mark.parametrize("trial", [1, 2])
def test_two_hosts_migrating_one_empty_database_at_once_both_succeed(tmp_path, trial):
    with scale_out_env() as env:
        hosts = [
            subprocess.Popen(
                [sys.executable, "-m", "broadsheet.cli", "migrate", "-v0"],
                env={**base_env(tmp_path / f"host-{n}", free_port()), **env},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in (1, 2)
        ]
        results = [(host.wait(timeout=120), *host.communicate()) for host in hosts]
        for status, _, errors in results:
            assert status == 0, errors
        check = subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", "migrate", "--check"],
            env={**base_env(tmp_path / "host-1", free_port()), **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert check.returncode == 0, check.stdout + check.stderr  # none left
