"""`broadsheet serve`: prepare the data directory, then run granian's workers."""

from __future__ import annotations

import logging
import os
import resource
import shutil
import signal
import sys
import time
from pathlib import Path

import django
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connections

from broadsheet.core.outages import is_disk_full, is_outage
from broadsheet.core.supervision import SupervisedWorker, granian_loader

logger = logging.getLogger("broadsheet.serve")
BACKPRESSURE = 8192  # connections per worker process
ACCESS_LOG_FORMAT = (
    '[%(time)s] %(addr)s "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).1fms'
)


def prepare(*, demo: bool) -> None:
    """Check, migrate, collect static files and (optionally) load the demo.

    On a full disk the site still starts to serve reads: a step that could
    not write is skipped with a warning, unless migrations are waiting (the
    site cannot run on an older schema)."""
    django.setup()
    call_command("check")
    _unless_disk_full(
        "applying migrations",
        lambda: call_command("migrate", interactive=False, verbosity=0),
        allowed=_no_migration_waits,
    )
    from broadsheet.pagecache.replay import replay_purges

    # What a crash left between a write's commit and its purge.
    _unless_disk_full("replaying the purge log", replay_purges)
    # Django rewrites its manifest of static files in place, deleting it first:
    # on a full disk that would lose it and break every page. Not then.
    if _room_for_static_files():
        call_command("collectstatic", interactive=False, verbosity=0)
    else:
        logger.warning("The disk is nearly full: static files not collected again")
    # Comment cards made by an older template are rendered again, once.
    _unless_disk_full(
        "refreshing comment cards", lambda: call_command("refresh_cards", verbosity=0)
    )
    if demo:
        from broadsheet.testing.demo import load_demo

        created = load_demo()
        logger.info("Demo content %s", "loaded" if created else "already present")


def _unless_disk_full(what: str, step, *, allowed=lambda: True) -> None:
    try:
        step()
    except Exception as error:
        if not is_disk_full(error) or not allowed():
            raise
        logger.warning("The disk is full: skipped %s; reads are served", what)


def _room_for_static_files() -> bool:
    from django.conf import settings

    from broadsheet.core.health import LOW_DISK_BYTES

    collected = (settings.STATIC_ROOT / "staticfiles.json").exists()
    return (
        not collected or shutil.disk_usage(settings.STATIC_ROOT).free > LOW_DISK_BYTES
    )


def _no_migration_waits() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def _allow_many_connections() -> None:
    """Raise the open-file limit to its hard ceiling (at most 65,536): every
    connection, slow ones included, is a file descriptor, and the usual soft
    limit of 1,024 would let a few hundred idle connections stop new ones."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def use_shared_metrics(data_dir: Path) -> None:
    """Point prometheus-client's multiprocess mode at `data_dir/metrics`,
    emptied, for this process and every process it starts. It must run before
    anything imports prometheus-client, which chooses its mode on import. The
    counters of a previous run are not this run's; Prometheus takes a restart's
    reset in its stride."""
    folder = data_dir / "metrics"
    folder.mkdir(mode=0o700, exist_ok=True)
    for stale in [*folder.glob("*.db"), *folder.glob("*.part")]:
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


def serve(
    *, host: str, port: int, workers: int, demo: bool, background: bool = True
) -> int:
    from broadsheet import conf, datadir

    # Ctrl+C stops start-up too, even when the shell that started us in the
    # background set SIGINT to be ignored (Python then keeps ignoring it).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    config = conf.load()
    datadir.make_private(config)
    use_shared_metrics(config.data_dir)
    try:
        prepare(demo=demo)
    except SystemCheckError as error:
        print(f"broadsheet: configuration problem:\n{error}", file=sys.stderr)
        return 2
    except Exception as error:
        if not is_outage(error):
            raise
        # systemd (Restart=always) or the operator starts it again.
        what = (
            "the disk is full and migrations are waiting"
            if is_disk_full(error)
            else "the database cannot be reached"
        )
        print(
            f"broadsheet: {what} ({_first_line(error)}); start again once it answers.",
            file=sys.stderr,
        )
        return 3
    from django.conf import settings

    # Workers are forked; an open SQLite or PostgreSQL connection must not be
    # shared with them.
    connections.close_all()
    _allow_many_connections()
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings

    logger.info(
        "Serving %s on http://%s:%s with %d worker processes (data in %s)",
        settings.SITE_URL,
        host,
        port,
        workers,
        settings.DATA_DIR,
    )
    if settings.CONFIG.metrics_address:
        from broadsheet.core.metrics import serve_metrics

        serve_metrics(settings.CONFIG.metrics_address)
    worker = SupervisedWorker()
    if background:
        worker.start()
    options = {
        # The request edge reads bodies on the event loop and runs Django in a
        # few threads (broadsheet/core/edge.py); no lifespan events are needed.
        "target": "broadsheet.asgi:application",
        "address": host,
        "port": port,
        "interface": Interfaces.ASGINL,
        "workers": workers,
        # HTTP/1.1 only (HTTP/2 needs TLS, which a front terminates): granian's
        # automatic mode waits for a connection's first bytes to tell the two
        # apart, with no time limit, so a connection that never sends anything
        # was never closed.
        "http": HTTPModes.http1,
        # Connections each worker holds at once (granian's default is 512 with
        # two workers): idle and slow ones cost a socket each, and past this
        # number the server stops accepting, for everyone.
        "backlog": 4096,
        "backpressure": BACKPRESSURE,
        "http1_settings": HTTP1Settings(
            header_read_timeout=settings.EDGE["HEADER_TIMEOUT"] * 1000
        ),
        "log_access": settings.CONFIG.access_log,
        "log_access_format": ACCESS_LOG_FORMAT,
        "respawn_failed_workers": True,
        "websockets": False,
    }
    try:
        _serve_until_stopped(Granian, options)
    finally:
        worker.stop()
    return 0


def _serve_until_stopped(granian, options: dict) -> None:
    """Run granian until it is told to stop. Granian gives up when a worker
    process dies twice within 5.5 s ("crash loop"); we start it again after a
    growing pause instead, so two kills of a worker do not end the site."""
    pause = 1.0
    while True:
        server = granian(**options)
        started = time.monotonic()
        try:
            server.serve(target_loader=granian_loader())
            return
        except SystemExit:
            if server.interrupt_signal:
                return  # told to stop, by a signal
        pause = 1.0 if time.monotonic() - started > 60 else min(pause * 2, 30)
        logger.error(
            "The worker processes kept dying; starting them again in %.0f s", pause
        )
        deadline = time.monotonic() + pause
        while time.monotonic() < deadline:
            # Granian's signal handlers stay in place: a stop meanwhile is kept.
            if server.interrupt_signal:
                return
            time.sleep(0.1)
