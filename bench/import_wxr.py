"""The WordPress importer on generated exports of about 10 MB and 100 MB.

    python bench/import_wxr.py [--sizes 10,100] [--keep DIR]

Writes WXR files of invented content (posts of several paragraphs with headings,
quotes and links, threaded comments up to a few levels deep, a few held and
spam ones), then runs `broadsheet import wordpress FILE` on each, in a fresh
data directory, as a separate process, and prints the items and comments per
second and the peak RSS of that process (from wait4). A second import of the
same file is timed too (it finds everything unchanged). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadsheet.importers.tests.wxr_files import Comment, Post, wxr  # noqa: E402

WORDS = (
    "council river budget ferry quarry harbour bridge school clinic market "
    "tender vote ward mayor levy bus depot library garden tram festival drought "
    "water reservoir pipeline contractor audit survey committee petition"
).split()
COMMENTS_PER_POST = 36


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.capitalize() + "."


def post_body(rng: random.Random) -> str:
    parts = []
    for index in range(6):
        if index == 3:
            parts.append(f"<h2>{sentence(rng, 4)}</h2>")
        if index == 4:
            parts.append(f"<blockquote><p>{sentence(rng, 12)}</p></blockquote>")
        link = f' <a href="https://example.org/{rng.choice(WORDS)}">more</a>'
        parts.append(f"<p>{sentence(rng, 30)} {sentence(rng, 20)}{link}</p>")
    return "\n\n".join(parts)


def comments_for(rng: random.Random, post_id: int, count: int) -> list[Comment]:
    comments: list[Comment] = []
    for number in range(count):
        comment_id = post_id * 1000 + number
        parent = rng.choice(comments).id if comments and rng.random() < 0.5 else 0
        approved = rng.choices(["1", "0", "spam"], weights=[94, 4, 2])[0]
        comments.append(
            Comment(
                comment_id,
                content=f"{sentence(rng, 25)}\n\n{sentence(rng, 12)}",
                parent=parent,
                approved=approved,
                author=f"Reader {rng.randrange(5000)}",
                email=f"reader{rng.randrange(5000)}@example.org",
                ip=f"192.0.2.{rng.randrange(256)}",
                date=f"2024-{1 + post_id % 12:02d}-{1 + number % 28:02d} 12:00:00",
            )
        )
    return comments


def generate(path: Path, megabytes: int) -> tuple[int, int]:
    rng = random.Random(megabytes)
    # About 27 KB of XML per post with its comments.
    posts_wanted = megabytes * 1024 * 1024 // 27_000
    head, tail = wxr([]).split("\n</channel>")
    comments = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for number in range(1, posts_wanted + 1):
            post_comments = comments_for(rng, number, COMMENTS_PER_POST)
            comments += len(post_comments)
            month, day = 1 + number % 12, 1 + number % 28
            post = Post(
                number,
                f"{sentence(rng, 6)[:-1]} {number}",
                f"generated-{number}",
                content=post_body(rng),
                date=f"2024-{month:02d}-{day:02d} 09:00:00",
                comments=post_comments,
            )
            out.write(post.xml())
        out.write("\n</channel>" + tail)
    return posts_wanted, comments


def run_import(data_dir: Path, path: Path) -> tuple[float, int, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "broadsheet.cli", "import", "wordpress", str(path)],
        env={**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"import failed:\n{output}")
    return seconds, usage.ru_maxrss // 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100", help="file sizes in MB")
    parser.add_argument("--keep", type=Path, help="write the files here")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    for megabytes in (int(size) for size in options.sizes.split(",")):
        path = work / f"export-{megabytes}mb.xml"
        posts, comments = generate(path, megabytes)
        size = path.stat().st_size / 1024 / 1024
        data_dir = Path(tempfile.mkdtemp(prefix=f"bench-import-{megabytes}-"))
        seconds, peak, output = run_import(data_dir, path)
        print(f"\n{size:.1f} MB export: {posts:,} posts, {comments:,} comments")
        print(
            f"  first import   {seconds:7.1f} s  {(posts + comments) / seconds:8,.0f} "
            f"items/s  {comments / seconds:8,.0f} comments/s  peak RSS {peak} MiB"
        )
        summary = [line for line in output.splitlines() if line.startswith("  ")]
        print("\n".join("    " + line.strip() for line in summary[:8]))
        seconds, peak, _ = run_import(data_dir, path)
        print(
            f"  second import  {seconds:7.1f} s  (everything unchanged)"
            f"  peak RSS {peak} MiB"
        )


if __name__ == "__main__":
    main()
