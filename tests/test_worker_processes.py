"""`broadsheet worker` as an operator runs it: it outlives a PostgreSQL restart,
and the job of a worker killed mid-job runs again in another.

The observable job is a real one: a password-reset mail, delivered to an
aiosmtpd server in this process.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from broadsheet.testing.smtp import Inbox, smtp_server
from tests.conftest import base_env, copy_migrated, free_port, wait_until

pytestmark = pytest.mark.server
OUTAGE_LINE = "Database unavailable"


class StallingInbox(Inbox):
    """An inbox that holds one message (the `stall_at`-th, from 0) until told
    to go on, then accepts or refuses it: its sender stays in the middle of
    the job meanwhile."""

    def __init__(self, stall_at: int, *, then_accept: bool) -> None:
        super().__init__()
        self.stall_at = stall_at
        self.then_accept = then_accept
        self.received = 0
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.received += 1
        if self.received - 1 != self.stall_at:
            return await super().handle_DATA(server, session, envelope)
        self.stalled.set()
        for _ in range(600):
            if self.release.is_set():
                break
            await asyncio.sleep(0.05)
        if self.then_accept:
            return await super().handle_DATA(server, session, envelope)
        return "451 Try again later"


@contextmanager
def serving(inbox: Inbox) -> Iterator[int]:
    port = free_port()
    with smtp_server(port, inbox):
        yield port


@dataclass
class Site:
    """A data directory, its database and a mail server: no web server."""

    env: dict[str, str]
    root: Path
    workers: list[subprocess.Popen]

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def ask_for_password_reset(self) -> None:
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model;"
            "from broadsheet.staff.tasks import send_password_reset;"
            "user = get_user_model().objects.filter(username='ed').first() or"
            " get_user_model().objects.create_user('ed', 'ed@example.org', 'x');"
            "send_password_reset.enqueue(user.pk)",
        )

    def start_worker(self) -> subprocess.Popen:
        log = self.root / f"worker-{len(self.workers)}.log"
        with log.open("wb") as output:
            worker = subprocess.Popen(
                [sys.executable, "-m", "broadsheet.cli", "worker"]
                + ["--heartbeat", "0.2", "--interval", "0.2", "--no-startup-delay"],
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.workers.append(worker)
        return worker

    def log(self, index: int = 0) -> str:
        return (self.root / f"worker-{index}.log").read_text(errors="replace")


@pytest.fixture
def site_on(tmp_path) -> Iterator[Callable[..., Site]]:
    sites: list[Site] = []

    def make(smtp_port: int, **env: str) -> Site:
        site = Site(
            env={
                **base_env(tmp_path / "data", free_port()),
                "BROADSHEET_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}",
                **env,
            },
            root=tmp_path,
            workers=[],
        )
        sites.append(site)
        if "DATABASE_URL" not in env:  # postgres_cluster's is migrated already
            copy_migrated(tmp_path / "data")
        return site

    yield make
    for site in sites:
        for worker in site.workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=10)
        for index in range(len(site.workers)):
            print(f"----- worker {index} -----\n{site.log(index)[-4000:]}")


def test_the_worker_outlives_a_postgres_restart_keeping_what_it_did_meanwhile(
    postgres_cluster, site_on
):
    inbox = StallingInbox(stall_at=1, then_accept=True)
    with serving(inbox) as smtp_port:
        site = site_on(
            smtp_port,
            DATABASE_URL=postgres_cluster.url,
            BROADSHEET_SECRET_KEY="a-key-every-process-of-this-test-shares",
        )
        site.ask_for_password_reset()
        worker = site.start_worker()
        wait_until(lambda: len(inbox.messages) == 1, 30, "the first mail")

        # The second mail is being sent when the database goes away; the
        # mail server accepts it while the database is down.
        site.ask_for_password_reset()
        wait_until(inbox.stalled.is_set, 30, "the worker sending the second")
        postgres_cluster.stop()
        inbox.release.set()
        wait_until(lambda: OUTAGE_LINE in site.log(), 30, "the worker saw it")
        time.sleep(1.6)  # two failed reconnections (after 0.5 s, then 1 s more)
        postgres_cluster.start()

        site.ask_for_password_reset()
        wait_until(lambda: len(inbox.messages) == 3, 30, "the mail queued after")
        assert worker.poll() is None
        assert len(inbox.messages) == 3  # the second was not sent twice
        statuses = site.manage(
            "shell",
            "-c",
            "from django_tasks_db.models import DBTaskResult;"
            "print(sorted(DBTaskResult.objects.filter(task_path__endswith="
            "'send_password_reset').values_list('status', flat=True)))",
        )
        assert statuses.strip().splitlines()[-1] == str(["SUCCESSFUL"] * 3)
        assert site.log().count(OUTAGE_LINE) == 1
        assert "Traceback" not in site.log()


def test_a_live_workers_job_stays_its_own_and_runs_again_once_it_is_killed(
    site_on,
):
    inbox = StallingInbox(stall_at=0, then_accept=False)
    with serving(inbox) as smtp_port:
        site = site_on(smtp_port)
        workers = [site.start_worker(), site.start_worker()]
        site.ask_for_password_reset()
        wait_until(inbox.stalled.is_set, 30, "a worker sending")
        running = "send_password_reset state=RUNNING"
        holder = next(i for i in (0, 1) if running in site.log(i))
        other = 1 - holder
        # Over two leases (of 1.2 s): the other worker sweeps, and leaves it.
        time.sleep(2.5)
        assert "queued again" not in site.log(0) + site.log(1)

        os.kill(workers[holder].pid, signal.SIGKILL)
        workers[holder].wait(timeout=10)
        inbox.release.set()
        wait_until(lambda: len(inbox.messages) == 1, 30, "the mail sent again")
        assert "queued again: its worker stopped mid-job" in site.log(other)
        assert "Traceback" not in site.log(0) + site.log(1)
        [(recipients, message)] = inbox.messages
        assert recipients == ["ed@example.org"]
        assert site.env["BROADSHEET_SITE_URL"] in message  # the link to follow
