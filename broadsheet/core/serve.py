"""`broadsheet serve`: prepare the data directory, then run granian's workers."""

from __future__ import annotations

import logging
import sys

import django
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connections

from broadsheet.core.supervision import SupervisedWorker, granian_loader

logger = logging.getLogger("broadsheet.serve")
ACCESS_LOG_FORMAT = (
    '[%(time)s] %(addr)s "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).1fms'
)


def prepare(*, demo: bool) -> None:
    """Check, migrate, collect static files and (optionally) load the demo."""
    django.setup()
    call_command("check")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    # Comment cards made by an older template are rendered again, once.
    call_command("refresh_cards", verbosity=0)
    if demo:
        from broadsheet.testing.demo import load_demo

        created = load_demo()
        logger.info("Demo content %s", "loaded" if created else "already present")


def serve(
    *, host: str, port: int, workers: int, demo: bool, background: bool = True
) -> int:
    try:
        prepare(demo=demo)
    except SystemCheckError as error:
        print(f"broadsheet: configuration problem:\n{error}", file=sys.stderr)
        return 2
    from django.conf import settings

    # Workers are forked; an open SQLite or PostgreSQL connection must not be
    # shared with them.
    connections.close_all()
    from granian import Granian
    from granian.constants import Interfaces

    logger.info(
        "Serving %s on http://%s:%s with %d worker processes (data in %s)",
        settings.SITE_URL,
        host,
        port,
        workers,
        settings.DATA_DIR,
    )
    worker = SupervisedWorker()
    if background:
        worker.start()
    server = Granian(
        target="broadsheet.wsgi:application",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=1,
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
