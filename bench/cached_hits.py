"""Cached-article req/s of Broadsheet checkouts against nginx, interleaved in one run.

    python bench/cached_hits.py NAME=CHECKOUT [NAME=CHECKOUT ...] [--rounds 3]

For instance, to compare with an earlier commit:
    git worktree add /tmp/before ad13555
    python bench/cached_hits.py now=. before=/tmp/before

Starts `broadsheet serve --demo` (default settings, 2 workers) from each
checkout (its code on PYTHONPATH, so an editable install of another does not
count) and nginx serving the first one's article bytes as a static file, then
runs wrk (2 threads, 64 connections, 4 s) against nginx and each server in turn,
--rounds times, and prints req/s with each as a percentage of nginx in the same
round. Loopback only, bounded in time. Nothing is asserted: this prints figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve_bench import NGINX_STATIC, Process, find_article, wrk  # noqa: E402
from tests.conftest import free_port, start_server  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+", help="NAME=PATH")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    checkouts = dict(item.split("=", 1) for item in options.checkouts)
    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
        tmp = Path(tmp)
        tmp.chmod(0o755)  # nginx's workers run as an unprivileged user
        servers, nginx = {}, None
        try:
            for name, checkout in checkouts.items():
                root = str(Path(checkout).resolve())
                (tmp / name).mkdir()
                here = os.getcwd()
                os.chdir(root)  # `python -m broadsheet.cli` finds this one first
                try:
                    servers[name] = start_server(
                        tmp / name / "data",
                        "--demo",
                        env={"PYTHONPATH": root},
                        migrated=False,  # each checkout migrates its own
                    )
                finally:
                    os.chdir(here)
            first = next(iter(servers.values()))
            path = find_article(first.url)
            page = urllib.request.urlopen(first.url + path, timeout=10).read()
            (tmp / "page.html").write_bytes(page)
            port = free_port()
            (tmp / "nginx.conf").write_text(
                NGINX_STATIC.format(workers=2, dir=tmp, port=port)
            )
            nginx = Process(
                ["nginx", "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]
            )
            time.sleep(1)
            for server in servers.values():
                wrk(server.url + path, 64, 2)  # warm
            for _ in range(options.rounds):
                static = wrk(f"http://127.0.0.1:{port}/page.html", 64, 4)["rps"]
                line = [f"nginx {static:.0f} req/s"]
                for name, server in servers.items():
                    rps = wrk(server.url + path, 64, 4)["rps"]
                    line.append(f"{name} {rps:.0f} ({100 * rps / static:.0f}%)")
                print("  ".join(line), flush=True)
        finally:
            if nginx is not None:
                nginx.stop()
            for server in servers.values():
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
