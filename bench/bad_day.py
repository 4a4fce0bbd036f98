"""What readers get on a bad day: a PostgreSQL restart, a full disk, kill -9.

    python bench/bad_day.py [--part all|postgres|disk|kills] [--kills 20]
                            [--seed N]

Every part runs `broadsheet serve --demo` (2 workers) with the SHIPPED
moderation policy and its rate limits (10 comments per /24 and 5 per e-mail per
10 minutes). Posters behave as real readers do: each from its own loopback /24
(127.x.y.1) with its own e-mail address, at most 4 comments each, so no post is
refused for its rate. Every comment carries a unique marker text.

1. PostgreSQL: serve on a PostgreSQL cluster of the bench's own (initdb'd on a
   free port, dropped at the end). Two readers fetch uncached pages (a search
   for a new word each time; the article with the `bs_commenter` cookie, which
   bypasses the page cache) and two posters post comments. Meanwhile the
   cluster is stopped for 12 s and started again, then restarted (`pg_ctl
   restart`). Answers are counted by status, and every 503 to a post is
   searched for the marker text typed; then the same server, not restarted,
   is asked again.
2. Disk full: serve (SQLite) with its data directory on a 40 MB tmpfs, the
   same clients; the disk is filled for 10 s, then freed.
3. Kills: serve (SQLite, the default page store) while writers post replies
   under the demo article as known commenters (each had a first comment
   approved by a moderator, through the services in a shell, so their next
   ones are published at once under the shipped policy) and a reader reads it;
   at a random moment the whole process tree gets SIGKILL, 20 times. After each
   restart, the first answer (the server is polled with bare TCP connects, so
   no request comes before it) is the article page for an anonymous reader,
   compared with the approved comments in the database (read-only). Then the
   same through the nginx front of docs/deploying.md (purged by Broadsheet,
   writers and reader through nginx): the first answer through nginx.

Every load is bounded in count and time and goes to 127.0.0.0/8 only; mounting
the tmpfs needs root. Nothing is asserted: this prints figures. Reader latency
under slow clients is bench/slow_clients.py's job.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bad_day_kills import stale_pages_after_kills  # noqa: E402
from bench.loopback import request  # noqa: E402
from bench.serve_bench import find_article  # noqa: E402
from tests.conftest import Server, start_server  # noqa: E402
from tests.own_services import (  # noqa: E402
    PostgresCluster,
    _as_postgres,
    fill_disk,
    small_filesystem,
)

POSTS_PER_POSTER = 4  # under both rate limits (5 per e-mail, 10 per /24)
OUTCOMES = ("2xx/3xx", "429", "503", "500", "other", "connection error")


def outcome(status: int | None) -> str:
    if status is None:
        return "connection error"
    if 200 <= status < 400:
        return "2xx/3xx"
    return str(status) if status in {429, 503, 500} else "other"


def poster_identity(number: int) -> tuple[str, str, str]:
    """(address, name, e-mail) of the poster of post `number`: one /24 each."""
    poster = number // POSTS_PER_POSTER
    return (
        f"127.{10 + poster // 256}.{poster % 256}.1",
        f"Reader {poster}",
        f"reader-{poster}@example.org",
    )


def form_fields(port: int, path: str) -> dict[str, str]:
    page = request(port, "GET", path)[2]
    return {
        "article": re.search(r'name="article" value="(\d+)"', page)[1],
        "token": re.search(r'name="token" value="([^"]+)"', page)[1],
    }


class Load:
    """Readers of uncached pages and posters of comments, in threads, until
    stopped; answers counted by phase and outcome."""

    def __init__(self, port: int, path: str, label: str) -> None:
        self.port, self.path, self.label = port, path, label
        self.fields = form_fields(port, path)
        self.phase = "before"
        self.counts: dict[str, Counter] = {}
        self.kept = Counter()  # "kept" / "lost", for posts answered 503
        self.markers: dict[int | None, set[str]] = {}  # by the post's status
        self.posts = 0
        self.examples: dict[str, str] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []

    def count(self, kind: str, status: int | None, page: str) -> None:
        with self.lock:
            key = outcome(status)
            self.counts.setdefault(self.phase, Counter())[f"{kind} {key}"] += 1
            if key in {"500", "other"} and key not in self.examples:
                self.examples[key] = f"{kind} {status}: {page[:300]}"

    def reader(self, index: int) -> None:
        for number in range(20_000):  # bounded in count as well as time
            if self.stop.is_set():
                return
            if number % 2:
                path = f"/search/?q=river{index}x{number}"
                status, _, page = request(self.port, "GET", path)
            else:
                cookie = {"Cookie": "bs_commenter=x"}
                status, _, page = request(self.port, "GET", self.path, headers=cookie)
            self.count("GET", status, page)
            if status is None:
                time.sleep(0.2)

    def poster(self) -> None:
        for _ in range(5_000):
            if self.stop.is_set():
                return
            with self.lock:
                number, self.posts = self.posts, self.posts + 1
            source, name, email = poster_identity(number)
            marker = f"marker-{self.label}-{number}-{random.getrandbits(32):08x}"
            body = {
                **self.fields,
                "name": name,
                "email": email,
                "body": f"The reservoirs were low again this week ({marker}).",
            }
            status, _, page = request(
                self.port, "POST", "/comments/post/", body=body, source=source
            )
            self.count("POST", status, page)
            with self.lock:
                self.markers.setdefault(status, set()).add(marker)
            if status == 503:
                with self.lock:
                    self.kept["kept" if marker in page else "lost"] += 1
            if status is None:
                time.sleep(0.2)

    def start(self, readers: int = 2, posters: int = 2) -> None:
        self.threads = [
            threading.Thread(target=self.reader, args=(i,)) for i in range(readers)
        ] + [threading.Thread(target=self.poster) for _ in range(posters)]
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def report(self) -> None:
        total = Counter()
        for phase, counts in self.counts.items():
            total += counts
            print(f"    {phase:<28} {format_counts(counts)}")
        print(f"    {'all':<28} {format_counts(total)}")
        fives = sum(n for key, n in total.items() if key.endswith(" 500"))
        print(f"  500 answers: {fives}   (goal 0)")
        print(
            f"  posts answered 503 with the typed text on the page: "
            f"{self.kept['kept']} of {self.kept['kept'] + self.kept['lost']}"
            "   (goal: all)"
        )
        for example in self.examples.values():
            print(f"  example: {example!r}")


def format_counts(counts: Counter) -> str:
    parts = []
    for kind in ("GET", "POST"):
        found = [f"{key} {counts[f'{kind} {key}']}" for key in OUTCOMES]
        found = [text for text in found if not text.endswith(" 0")]
        parts.append(f"{kind}: " + (", ".join(found) or "none"))
    return "; ".join(parts)


def run_phases(load: Load, phases) -> None:
    """Each phase: (label, action run at its start, seconds it lasts)."""
    for label, action, seconds in phases:
        load.phase = label
        if action is not None:
            action()
        time.sleep(seconds)


SAVED_MARKERS = """
import re
from broadsheet.discussion.models import Comment
bodies = Comment.objects.filter(body__contains="marker-").values_list("body", flat=True)
print(" ".join(m for body in bodies for m in re.findall(r"marker-[\\w-]+", body)))
"""


def saved_versus_answered(server: Server, load: Load) -> None:
    """Every comment answered 303 is in the database, none answered 503 is."""
    result = server.manage("shell", "-c", SAVED_MARKERS)
    saved = set(result.stdout.split()) if result.returncode == 0 else set()
    if result.returncode != 0:
        print(f"  (could not read the comments: {result.stderr[-300:]!r})")
    posted = load.markers.get(303, set())
    refused = load.markers.get(503, set())
    unknown = load.markers.get(None, set())
    print(
        f"  in the database: {len(posted & saved)} of {len(posted)} posts answered "
        f"303 (goal: all), {len(refused & saved)} of {len(refused)} answered 503 "
        f"(goal 0), {len(unknown & saved)} of {len(unknown)} without an answer"
    )


def afterwards(server: Server, load: Load) -> None:
    """The same server, not restarted: ten uncached pages and two comments."""
    statuses = Counter()
    for number in range(10):
        statuses[request(load.port, "GET", f"/search/?q=after{number}")[0]] += 1
    for number in range(2):
        source, name, email = poster_identity(10_000 + number)
        body = {**load.fields, "name": name, "email": email}
        body["body"] = f"Back to normal, I think (after-{number})."
        answer = request(load.port, "POST", "/comments/post/", body=body, source=source)
        statuses[answer[0]] += 1
    alive = server.process.poll() is None
    print(
        "  afterwards, same server (not restarted): 10 uncached GETs + 2 POSTs "
        f"answered {dict(statuses)}; serve still running: {alive}"
    )


def part_postgres(tmp: Path) -> None:
    print("\n1. During a PostgreSQL restart")
    cluster = PostgresCluster(Path(tempfile.mkdtemp(prefix="broadsheet-pg-")))
    try:
        cluster.create()
        (tmp / "pg").mkdir()
        server = start_server(
            tmp / "pg" / "data",
            "--demo",
            env={
                "DATABASE_URL": cluster.url,
                "BROADSHEET_SECRET_KEY": "bench-only-key-for-a-cluster-of-our-own",
            },
        )
        try:
            port = int(server.url.rsplit(":", 1)[1])
            load = Load(port, find_article(server.url), "pg")

            def pg_ctl_restart() -> None:
                _as_postgres(
                    str(cluster.bin / "pg_ctl"),
                    *("-D", str(cluster.data), "-l", str(cluster.log)),
                    *("-m", "fast", "-w", "restart"),
                )

            load.start()
            run_phases(
                load,
                [
                    ("before", None, 5),
                    ("stopped (12 s)", cluster.stop, 12),
                    ("started again", cluster.start, 8),
                    ("pg_ctl restart, and after", pg_ctl_restart, 8),
                ],
            )
            load.finish()
            print(
                "  serve --demo on PostgreSQL; 2 readers (uncached), 2 posters; "
                "stop 12 s, start, 8 s, pg_ctl restart -m fast, 8 s"
            )
            load.report()
            saved_versus_answered(server, load)
            afterwards(server, load)
        finally:
            server.stop()
    finally:
        cluster.drop()


def part_disk(tmp: Path) -> None:
    print("\n2. During disk full")
    with small_filesystem(40) as mount:
        (mount / "data").mkdir()
        data_dir = tmp / "disk" / "data"
        data_dir.parent.mkdir(parents=True)
        data_dir.symlink_to(mount / "data")
        server = start_server(data_dir, "--demo")
        try:
            port = int(server.url.rsplit(":", 1)[1])
            load = Load(port, find_article(server.url), "disk")
            filler: list[Path] = []
            load.start()
            run_phases(
                load,
                [
                    ("before", None, 5),
                    ("disk full (10 s)", lambda: filler.append(fill_disk(mount)), 10),
                    ("freed", lambda: filler.pop().unlink(), 8),
                ],
            )
            load.finish()
            print(
                "  serve --demo, data directory on a 40 MB tmpfs; 2 readers "
                "(uncached), 2 posters; disk filled for 10 s, then freed"
            )
            load.report()
            saved_versus_answered(server, load)
            afterwards(server, load)
        finally:
            server.stop()


def describe_run() -> None:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "broadsheet"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    load = os.getloadavg()[0]
    print(
        f"commit {commit}{' (broadsheet/ modified)' if dirty else ''}; "
        f"{os.cpu_count()} cores; load average {load:.2f} at the start; "
        "shipped moderation policy, rate limits on; 2 workers"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", choices=("all", "postgres", "disk", "kills"), default="all"
    )
    parser.add_argument("--kills", type=int, default=20, help="kills per front")
    parser.add_argument("--seed", type=int, default=None, help="for the kill times")
    options = parser.parse_args()
    seed = options.seed if options.seed is not None else random.randrange(10**6)
    describe_run()
    with tempfile.TemporaryDirectory(prefix="broadsheet-bad-day-") as tmp:
        tmp = Path(tmp)
        tmp.chmod(0o755)
        if options.part in {"all", "postgres"}:
            part_postgres(tmp)
        if options.part in {"all", "disk"}:
            if os.geteuid() != 0:
                print("\n2. During disk full: skipped, mounting a tmpfs needs root")
            else:
                part_disk(tmp)
        if options.part in {"all", "kills"}:
            nginx = shutil.which("nginx") is not None
            stale_pages_after_kills(tmp, options.kills, seed, nginx=nginx)
    return 0


if __name__ == "__main__":
    sys.exit(main())
