"""A spam burst against the default moderation policy, while regular readers post.

    python bench/spam_burst.py [--seconds 60]

Starts `broadsheet serve --demo` with the default policy (hold first-time
commenters, 10 comments per network and 5 per e-mail per 10 minutes), makes 50
returning commenters (each has an approved comment), then, at the same time:

* a burst of 1,000 different invented spam texts, about half with one link, with
  rotating e-mails, from one /24 (127.200.0.x), spread over the run;
* 50 readers, each from their own /24 (127.10.N.1), each posting 2–3 genuine
  comments at least 20 s apart.

It prints how many of each were published, held and refused, and the 5xx count.
Everything goes to 127.0.0.0/8 and is bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve_bench import find_article, form_fields, post_comment  # noqa: E402
from tests.conftest import start_server  # noqa: E402

SPAM = (
    "cheap pills discount casino bonus winner prize crypto wallet invest profit "
    "guaranteed offer deal free money earn income loan credit replica watches "
    "followers diet miracle"
).split()
GENUINE = (
    "the council should publish the leakage figures by district before the vote; "
    "my street lost water twice this summer and nobody explained why; "
    "the regulator's numbers and the ministry's do not match, which is the story; "
    "good piece, though the tariff section could say who pays in the end"
).split("; ")
READERS = 50
BURST = 1000


def spam_text(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choice(SPAM) for _ in range(rng.randint(8, 16)))
    link = f" https://deals{number % 37}.example.com/x{number}" if number % 2 else ""
    return f"{words.capitalize()}{link} BURST-{number}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the run")
    options = parser.parse_args()
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory(prefix="broadsheet-spam-") as tmp:
        server = start_server(Path(tmp) / "data", "--demo")
        try:
            port = int(server.url.rsplit(":", 1)[1])
            path = find_article(server.url)
            made = server.manage(
                "shell",
                "-c",
                "from broadsheet.testing.factories import CommentFactory;"
                "from broadsheet.publishing.models import Article;"
                "a = Article.objects.get(slug__contains='reservoirs');"
                f"[CommentFactory(article=a, author_email=f'reader{{n}}@example.org')"
                f" for n in range({READERS})]",
            )
            assert made.returncode == 0, made.stderr
            fields = form_fields(server.url, path)
            statuses: list[int] = []
            lock = threading.Lock()
            start = time.monotonic()
            deadline = start + options.seconds + 30

            def record(status: int) -> None:
                with lock:
                    statuses.append(status)

            def burst() -> None:
                gap = options.seconds / BURST
                for number in range(BURST):
                    if time.monotonic() > deadline:
                        return
                    body = spam_text(rng, number)
                    data = {**fields, "email": f"promo{number}@example.net"}
                    source = f"127.200.0.{1 + number % 250}"
                    record(post_comment(port, data, body, source))
                    time.sleep(max(0.0, start + (number + 1) * gap - time.monotonic()))

            def reader(index: int) -> None:
                local = random.Random(index)
                count = local.choice((2, 3))
                for turn in range(count):
                    at = start + turn * (options.seconds / 3) + local.uniform(0, 5)
                    time.sleep(max(0.0, at - time.monotonic()))
                    if time.monotonic() > deadline:
                        return
                    body = (
                        f"{local.choice(GENUINE).capitalize()}. READER-{index}-{turn}"
                    )
                    data = {**fields, "email": f"reader{index}@example.org"}
                    record(post_comment(port, data, body, f"127.10.{index + 1}.1"))

            threads = [threading.Thread(target=burst)]
            threads += [
                threading.Thread(target=reader, args=(i,)) for i in range(READERS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=options.seconds + 60)
            elapsed = time.monotonic() - start
            counted = server.manage(
                "shell",
                "-c",
                "import json; from broadsheet.discussion.models import Comment;"
                "c = lambda m, s: Comment.objects.filter(body__contains=m, status=s)"
                ".count();"
                "print(json.dumps({m: {s: c(m, s) for s in ('approved', 'held')}"
                " for m in ('BURST-', 'READER-')}))",
            )
            result = json.loads(counted.stdout.strip().splitlines()[-1])
        finally:
            server.stop()

    readers_sent = sum(1 for _ in statuses) - BURST
    burst, readers = result["BURST-"], result["READER-"]
    refused = BURST - burst["approved"] - burst["held"]
    print(f"Run: {elapsed:.0f} s, default policy, {READERS} returning readers")
    print(
        f"Burst of {BURST} spam comments from one /24: published "
        f"{burst['approved']} (goal 0), held {burst['held']}, refused {refused} "
        f"({100 * refused / BURST:.1f}%, goal ≥ 95%)"
    )
    mistaken = readers["held"]
    print(
        f"Readers' comments ({readers_sent} sent): published {readers['approved']}, "
        f"held {mistaken} ({100 * mistaken / max(1, readers_sent):.1f}%, goal ≤ 1%)"
    )
    errors = sum(1 for status in statuses if status >= 500)
    print(
        f"5xx answers: {errors} (goal 0); answers by status: "
        f"{ {s: statuses.count(s) for s in sorted(set(statuses))} }"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
