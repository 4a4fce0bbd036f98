"""Part 3 of bench/bad_day.py: kill -9 under write load, then the first answer.

Writers post replies under the demo article as known commenters, so the shipped
policy publishes them at once; a reader keeps the article in the caches. At a
random moment every process of `broadsheet serve` gets SIGKILL; the server is
started again and, as soon as it accepts connections (bare TCP connects, no
request), the article is fetched as an anonymous reader (directly, or through
the nginx front) and compared with the approved comments in the database.
"""

from __future__ import annotations

import random
import re
import socket
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

from bench.loopback import request
from bench.serve_bench import find_article
from tests.conftest import Server, free_port, start_server
from tests.test_nginx_front import PURGE_MODULE
from tests.test_purge_crash import kill_9, start_nginx

KNOWN_COMMENTERS = 300
POSTS_PER_KNOWN = 4  # their first comment counts too: 5 per e-mail per window
WRITERS = 2
WRITER_PAUSE = 0.1  # seconds between one writer's posts: about 14 posts/s in all
LOAD_SECONDS = (1.0, 4.0)  # the kill comes at a uniform moment in this range

MAKE_KNOWN = """
from broadsheet.discussion.models import Comment
from broadsheet.discussion.services import post_comment, set_comment_status
from broadsheet.publishing.models import Article
other = Article.objects.exclude(slug__contains="reservoirs").order_by("pk").first()
for k in range({count}):
    first = post_comment(
        other,
        {{"name": f"Regular {{k}}", "email": f"regular-{{k}}@example.org",
          "body": f"First time here (regular {{k}}): thank you for this piece."}},
        ip=f"10.1.{{k % 250}}.{{1 + k // 250}}",
    )
    assert first.status == Comment.Status.HELD, first.reasons
    set_comment_status(first, Comment.Status.APPROVED, by=None)
print("known", {count})
"""


def make_known_commenters(server: Server, count: int) -> None:
    """Each posts a first comment (held: first-time commenter) that a moderator
    approves, through the services, as the moderation screen would."""
    result = server.manage("shell", "-c", MAKE_KNOWN.format(count=count))
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])


def known_identity(number: int) -> tuple[str, str, str]:
    """(address, name, e-mail) of the writer of post `number`: a /24 each."""
    known = number // POSTS_PER_KNOWN
    return (
        f"127.{100 + known // 250}.{known % 250}.1",
        f"Regular {known}",
        f"regular-{known}@example.org",
    )


class WriteLoad:
    """Writers replying under the article and a reader reading it, until stopped."""

    def __init__(self, port: int, path: str, fields: dict, parents, posted) -> None:
        self.port, self.path, self.fields, self.parents = port, path, fields, parents
        self.posted = posted  # shared across cycles: the count of posts so far
        self.answered: set[str] = set()  # markers of posts answered 303
        self.statuses: dict[object, int] = {}
        self.first: int | None = None  # the status of the cycle's first answer
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []

    def writer(self) -> None:
        for _ in range(2_000):  # bounded in count as well as time
            with self.lock:
                number = self.posted[0]
                if self.stop.is_set() or number >= KNOWN_COMMENTERS * POSTS_PER_KNOWN:
                    return
                self.posted[0] += 1
            source, name, email = known_identity(number)
            marker = f"kill-marker-{number}-{random.getrandbits(32):08x}"
            body = {
                **self.fields,
                "parent": random.choice(self.parents),
                "name": name,
                "email": email,
                "body": f"Replying to this, for what it is worth ({marker}).",
            }
            status = request(
                self.port, "POST", "/comments/post/", body=body, source=source
            )[0]
            with self.lock:
                self.statuses[status] = self.statuses.get(status, 0) + 1
                if self.first is None:
                    self.first = status
                if status == 303:
                    self.answered.add(marker)
            if status is None or status >= 502:
                return  # the server is gone (nginx answers 502 for it)
            time.sleep(WRITER_PAUSE)

    def reader(self) -> None:
        for _ in range(20_000):
            if self.stop.is_set():
                return
            if request(self.port, "GET", self.path)[0] is None:
                return

    def start(self) -> None:
        self.threads = [threading.Thread(target=self.writer) for _ in range(WRITERS)]
        self.threads.append(threading.Thread(target=self.reader))
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def restart(server: Server, port: int) -> Server:
    """`broadsheet serve` again on the same data directory and port, waiting
    (bounded) until it accepts a connection, without sending a request."""
    with server.log_path.open("ab") as log:
        server.process = subprocess.Popen(
            server.args, env=server.env, stdout=log, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"serve exited at restart:\n{server.log()[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("serve did not accept connections within 90 s")


def approved_in_database(data_dir: Path, article_id: int) -> tuple[dict, int]:
    """The article's approved comments ({id: body}) and how many of the
    writers' comments are not approved, read from the SQLite file read-only."""
    database = sqlite3.connect(
        f"file:{data_dir / 'broadsheet.sqlite3'}?mode=ro", uri=True, timeout=30
    )
    try:
        rows = database.execute(
            "SELECT id, body FROM discussion_comment "
            "WHERE article_id = ? AND status = 'approved'",
            (article_id,),
        ).fetchall()
        held = database.execute(
            "SELECT count(*) FROM discussion_comment "
            "WHERE status != 'approved' AND body LIKE '%kill-marker-%'"
        ).fetchone()[0]
    finally:
        database.close()
    return dict(rows), held


def one_run(tmp: Path, kills: int, rng: random.Random, *, front: bool) -> None:
    port, front_port = free_port(), free_port()
    env = {}
    if front:
        env = {
            "BROADSHEET_PURGE_FRONTS": f"nginx:http://127.0.0.1:{front_port}",
            "BROADSHEET_TRUSTED_PROXIES": "127.0.0.1",
        }
    tmp.mkdir(parents=True)
    server = start_server(tmp / "data", "--demo", port=port, env=env)
    nginx = start_nginx(tmp, front_port, port) if front else None
    try:
        path = find_article(server.url)
        make_known_commenters(server, KNOWN_COMMENTERS)
        page = request(port, "GET", path)[2]
        article_id = int(re.search(r'name="article" value="(\d+)"', page)[1])
        fields = {
            "article": str(article_id),
            "token": re.search(r'name="token" value="([^"]+)"', page)[1],
        }
        parents = re.findall(r'data-reply-to="(\d+)"', page)
        client_port = front_port if front else port
        posted, stale, in_flight, held, refused_first = [0], 0, 0, 0, 0
        answered: set[str] = set()
        unanswered: set[str] = set()
        for kill in range(1, kills + 1):
            load = WriteLoad(client_port, path, fields, parents, posted)
            load.start()
            after = rng.uniform(*LOAD_SECONDS)
            time.sleep(after)
            kill_9(server)
            load.finish()
            refused_first += load.first not in {None, 303}
            server = restart(server, port)
            status, headers, page = request(client_port, "GET", path)
            shown = {int(pk) for pk in re.findall(r'href="#comment-(\d+)"', page)}
            approved, held = approved_in_database(tmp / "data", article_id)
            missing = set(approved) - shown
            answered |= load.answered
            # Committed, but the kill came before the answer: the crash case.
            new = committed_markers(approved) - answered - unanswered
            unanswered |= new
            in_flight += bool(new)
            stale += bool(missing) or status != 200
            headers = {name.lower(): value for name, value in headers.items()}
            cache = headers.get("x-cache-status") or headers.get("x-cache", "")
            print(
                f"    kill {kill:>2} after {after:.1f} s: first answer {status} "
                f"{cache:<7} comments on page {len(shown):>4}, approved in the "
                f"database {len(approved):>4}, missing {len(missing)}; "
                f"committed, never answered {len(new)}; posts answered "
                f"{dict(load.statuses)}"
            )
        print(
            f"  stale first answers: {stale} of {kills}   (goal 0)\n"
            f"  kills that fell between a comment's commit and its answer: "
            f"{in_flight}; {posted[0]} comments posted, {len(answered)} answered "
            f"303; the writers' comments not approved: {held}; cycles whose first "
            f"post was not answered 303: {refused_first}"
        )
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        server.stop()


def committed_markers(approved: dict[int, str]) -> set[str]:
    return {
        marker
        for body in approved.values()
        for marker in re.findall(r"kill-marker-[\w-]+", body)
    }


def stale_pages_after_kills(tmp: Path, kills: int, seed: int, *, nginx: bool) -> None:
    print(f"\n3. Stale pages after {kills} kills under write load (seed {seed})")
    rng = random.Random(seed)
    print(
        f"  serve --demo (SQLite page store); {WRITERS} writers replying as known "
        f"commenters, 1 reader; SIGKILL to the whole tree {LOAD_SECONDS[0]:.0f}–"
        f"{LOAD_SECONDS[1]:.0f} s into the load; first answer directly"
    )
    one_run(tmp / "kills-direct", kills, rng, front=False)
    if not nginx or not PURGE_MODULE.exists():
        print("  the nginx front: skipped (needs nginx with the cache-purge module)")
        return
    print("  the same through the documented nginx front; first answer through nginx")
    one_run(tmp / "kills-nginx", kills, rng, front=True)
