"""The `broadsheet` command: `serve`, and every Django management command.

Configuration is checked before Django is set up, so a bad setting stops the
command with one plain sentence and exit status 2 instead of a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from broadsheet import conf

EXIT_CONFIG = 2


def _fail(message: str) -> int:
    print(f"broadsheet: {message}", file=sys.stderr)
    return EXIT_CONFIG


def _serve_parser(config: conf.Config) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="broadsheet serve",
        description="Run the site with a production HTTP server (granian), one "
        "worker process per core, creating and migrating the data directory "
        "on first start.",
    )
    parser.add_argument(
        "--host",
        default=config.host,
        help=f"address to bind (BROADSHEET_HOST; now {config.host})",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=config.port,
        help=f"port to bind (BROADSHEET_PORT; now {config.port})",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=config.workers,
        help=f"worker processes (BROADSHEET_WORKERS; now {config.workers})",
    )
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start the background worker (run `broadsheet worker` "
        "elsewhere instead, e.g. on one machine of many)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill an empty database with invented demo content (adds nothing "
        "when the demo is already there)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        config = conf.load()
        if argv[:1] == ["restore"]:
            # Judged as the operator left it, before conf.check makes the
            # data directory, its static/ and a secret key.
            from broadsheet.backups import target

            target.look(config.data_dir)
        conf.check(config)
        if argv[:1] != ["restore"]:  # which takes it alone, or refuses
            from broadsheet.backups import lock

            lock.share(config.data_dir)
    except conf.ConfigError as error:
        return _fail(str(error))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
    if argv[:1] == ["serve"]:
        options = _serve_parser(config).parse_args(argv[1:])
        if options.workers < 1:
            return _fail("--workers must be at least 1.")
        from broadsheet.core.serve import serve

        return serve(
            host=options.host,
            port=options.port,
            workers=options.workers,
            demo=options.demo,
            background=not options.no_worker,
        )
    from django.core.management import execute_from_command_line

    if argv[:1] == ["worker"]:
        # The background worker: mail and other tasks queued in the database.
        argv = ["worker", "--queue-name", "*", *argv[1:]]
    execute_from_command_line(["broadsheet", *argv])
    _before_exit()
    return 0


def _before_exit() -> None:
    """Close the database connections, then spare the interpreter's last full
    collection over every object Django and the apps made: it took 0.2 s at
    the end of each command, for memory the process gives back anyway."""
    import gc

    from django.db import connections

    connections.close_all()
    gc.freeze()


def run() -> int:
    """The console script: `main`, with Ctrl+C an exit without a traceback."""
    try:
        return main()
    except KeyboardInterrupt:
        print("broadsheet: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(run())
