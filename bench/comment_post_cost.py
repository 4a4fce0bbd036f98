"""What one comment POST costs in process: time, queries and transactions.

    python bench/comment_post_cost.py [--posts 200]

Makes a fresh data directory (SQLite, synchronous=FULL, the page store in
`cache.sqlite3`), one article, the policy set to publish at once without rate
limits, then posts `--posts` comments through Django's test client (the view,
the service, the commit and the purge after it) and prints the mean and median
time per POST, and the statements and commits each one ran.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(posts: int) -> None:
    import re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from broadsheet.moderation.models import ModerationPolicy
    from broadsheet.testing.factories import ArticleFactory

    ModerationPolicy.objects.update_or_create(
        pk=1, defaults={"mode": "publish", "rate_per_network": 0, "rate_per_email": 0}
    )
    article = ArticleFactory()
    client = Client(HTTP_HOST="127.0.0.1")
    page = client.get(article.get_absolute_url()).content.decode()
    fields = {
        "article": re.search(r'name="article" value="(\d+)"', page)[1],
        "token": re.search(r'name="token" value="([^"]+)"', page)[1],
        "name": "Bench Reader",
        "email": "bench@example.org",
    }
    timings, statements, commits = [], [], []
    for number in range(posts):
        data = {**fields, "body": f"Comment number {number}, measured."}
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            answer = client.post("/comments/post/", data)
            timings.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 303, answer.status_code
        statements.append(len(queries.captured_queries))
        commits.append(
            sum(q["sql"].upper().startswith("COMMIT") for q in queries.captured_queries)
        )
    print(
        f"{posts} POSTs: mean {statistics.mean(timings):.2f} ms, "
        f"median {statistics.median(timings):.2f} ms, "
        f"p90 {statistics.quantiles(timings, n=10)[-1]:.2f} ms; "
        f"statements per POST {statistics.mean(statements):.2f} "
        f"(commits {statistics.mean(commits):.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200, help="comments to post")
    options = parser.parse_args()
    if os.environ.get("BROADSHEET_POST_COST_CHILD"):
        measure(options.posts)
        return 0
    with tempfile.TemporaryDirectory(prefix="broadsheet-post-cost-") as tmp:
        env = {
            **{
                k: v
                for k, v in os.environ.items()
                if k not in {"DATABASE_URL", "CACHE_URL"}
            },
            "BROADSHEET_DATA_DIR": str(Path(tmp) / "data"),
            "BROADSHEET_SITE_URL": "http://127.0.0.1:8000",
        }
        command = [sys.executable, "-m", "broadsheet.cli"]
        for step in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([*command, *step], env=env, cwd=ROOT, check=True)
        code = (
            "import sys; sys.argv = ['bench', '--posts', "
            f"'{options.posts}']; from bench.comment_post_cost import main; main()"
        )
        subprocess.run(
            [*command, "shell", "-c", code],
            env={**env, "BROADSHEET_POST_COST_CHILD": "1"},
            cwd=ROOT,
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
