"""`broadsheet serve`: prepare the data directory, then run granian's workers."""

from __future__ import annotations

import logging
import os
import resource
import sys
from pathlib import Path

import django
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connections

from broadsheet.core.supervision import SupervisedWorker, granian_loader

logger = logging.getLogger("broadsheet.serve")
BACKPRESSURE = 8192  # connections per worker process
ACCESS_LOG_FORMAT = (
    '[%(time)s] %(addr)s "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).1fms'
)


def prepare(*, demo: bool) -> None:
    """Check, migrate, collect static files and (optionally) load the demo."""
    django.setup()
    call_command("check")
    call_command("migrate", interactive=False, verbosity=0)
    from broadsheet.pagecache.replay import replay_purges

    replay_purges()  # what a crash left between a write's commit and its purge
    call_command("collectstatic", interactive=False, verbosity=0)
    # Comment cards made by an older template are rendered again, once.
    call_command("refresh_cards", verbosity=0)
    if demo:
        from broadsheet.testing.demo import load_demo

        created = load_demo()
        logger.info("Demo content %s", "loaded" if created else "already present")


def _allow_many_connections() -> None:
    """Raise the open-file limit to its hard ceiling (at most 65,536): every
    connection, slow ones included, is a file descriptor, and the usual soft
    limit of 1,024 would let a few hundred idle connections stop new ones."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def use_shared_metrics(data_dir: Path) -> None:
    """Point prometheus-client's multiprocess mode at `data_dir/metrics`,
    emptied, for this process and every process it starts. It must run before
    anything imports prometheus-client, which chooses its mode on import. The
    counters of a previous run are not this run's; Prometheus takes a restart's
    reset in its stride."""
    folder = data_dir / "metrics"
    folder.mkdir(mode=0o700, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


def serve(
    *, host: str, port: int, workers: int, demo: bool, background: bool = True
) -> int:
    from broadsheet import conf

    use_shared_metrics(conf.load().data_dir)
    try:
        prepare(demo=demo)
    except SystemCheckError as error:
        print(f"broadsheet: configuration problem:\n{error}", file=sys.stderr)
        return 2
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
    server = Granian(
        # The request edge reads bodies on the event loop and runs Django in a
        # few threads (broadsheet/core/edge.py); no lifespan events are needed.
        target="broadsheet.asgi:application",
        address=host,
        port=port,
        interface=Interfaces.ASGINL,
        workers=workers,
        # HTTP/1.1 only (HTTP/2 needs TLS, which a front terminates): granian's
        # automatic mode waits for a connection's first bytes to tell the two
        # apart, with no time limit, so a connection that never sends anything
        # was never closed.
        http=HTTPModes.http1,
        # Connections each worker holds at once (granian's default is 512 with
        # two workers): idle and slow ones cost a socket each, and past this
        # number the server stops accepting, for everyone.
        backlog=4096,
        backpressure=BACKPRESSURE,
        http1_settings=HTTP1Settings(
            header_read_timeout=settings.EDGE["HEADER_TIMEOUT"] * 1000
        ),
        log_access=settings.CONFIG.access_log,
        log_access_format=ACCESS_LOG_FORMAT,
        respawn_failed_workers=True,
        websockets=False,
    )
    try:
        server.serve(target_loader=granian_loader())
    finally:
        worker.stop()
    return 0
