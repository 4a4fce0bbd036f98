"""`--jobs`: an export read by several processes, each converting some of the
items, makes the same site and the same report as one process reading it all.
Through the real command line (forked readers need their own connections)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from broadsheet.importers.tests.data_dirs import (
    DATABASE,
    broadsheet,
    checksums,
    environment,
    processes_reading,
)
from broadsheet.importers.tests.test_uploads import UPLOADS, picture
from broadsheet.importers.tests.wxr_files import (
    Comment,
    Post,
    generated_export,
    write,
    wxr,
)


def export_with_shared_names(tmp_path):
    """Items that name the same undeclared category, tag and author in ways
    that differ, a post listed twice, a comment ID listed twice, a page, an
    attachment, a pingback and a broken item carrying a comment ID another
    post has: what several processes must agree on."""
    posts = []
    for number in range(1, 13):
        posts.append(
            Post(
                number,
                f"Harbour notes {number}",
                f"harbour-notes-{number}",
                creator="guest" if number % 4 == 0 else "mira",
                categories=[
                    ("category", "harbour", "Harbour"),
                    ("category", f"area-{number % 3}", f"Area {number % 3}"),
                    ("post_tag", "ferries", "Ferries" if number == 2 else "Boats"),
                    ("post_tag", "budget", "Budget"),
                ],
                comments=[
                    Comment(number * 100 + 1, content=f"First on {number}."),
                    Comment(
                        number * 100 + 2, parent=number * 100 + 1, content="A reply."
                    ),
                    Comment(number * 100 + 3, type="pingback", content="Linked."),
                    # Post 9 repeats an ID of post 4's, in another reader.
                    *(
                        [Comment(402, content="The same ID again.")]
                        if number == 9
                        else []
                    ),
                ],
            )
        )
    posts.append(Post(5, "Harbour notes 5, again", "harbour-notes-5-again"))
    posts.append(Post(40, "About us", "about-us", type="page"))
    posts.append(Post(41, "A crane", "a-crane", type="attachment", status="inherit"))
    posts.append(
        Post(
            42,
            "Broken",
            "broken",
            date="2024-13-45 99:00:00",
            comments=[Comment(101, content="Lost with its broken post.")],
        )
    )
    text = wxr(posts).replace(
        "<wp:post_date_gmt><![CDATA[2024-13-45 99:00:00]]>",
        "<wp:post_date_gmt><![CDATA[garbage]]>",
    )
    return write(tmp_path, text)


def import_with(tmp_path, export, jobs: int, *options: str) -> tuple[dict, list[str]]:
    data_dir = tmp_path / f"jobs-{jobs}"
    result = broadsheet(
        data_dir,
        *("import", "wordpress", str(export), "--skip-broken", "--jobs", str(jobs)),
        *options,
        # One key for all: commenters' avatar keys are derived from it.
        env={"BROADSHEET_SECRET_KEY": "k" * 50},
    )
    assert result.returncode == 0, result.stderr
    leftovers = sorted(path.name for path in data_dir.glob("import-*"))
    assert leftovers == []
    report = result.stdout.splitlines()[1:]  # the first line says how long
    sums = checksums(data_dir / DATABASE, without_moments=True)
    del sums["django_migrations"]  # when each was applied
    return sums, report


def test_several_processes_make_the_same_site_as_one(tmp_path):
    export = export_with_shared_names(tmp_path)
    one, one_report = import_with(tmp_path, export, 1)
    assert "harbour-notes-5-again" not in str(one_report)
    assert any("post 42" in line and "broken" in line for line in one_report)
    assert "  articles     12 imported" in one_report
    assert (
        "  reported  comment 402: listed 2 times in the export; the last one is "
        "imported" in one_report
    )
    for jobs in (2, 3):
        several, report = import_with(tmp_path, export, jobs)
        assert several == one, f"--jobs {jobs} made another site"
        assert report == one_report


def test_readers_bring_the_same_images_and_wait_for_a_new_database(tmp_path):
    # Three posts in two readers show the same picture under two names, so
    # both readers store it and ask the database (still being created) about
    # it; the first alt text wins.
    uploads = tmp_path / "uploads"
    picture(uploads / "2024/03/pier.jpg")
    picture(uploads / "2024/03/gate.jpg", colour=(200, 120, 40))
    shown = [
        ("pier-300x200.jpg", "The pier at dawn"),
        ("pier.jpg", "The pier again"),
        ("gate.jpg", "The gate"),
    ]
    posts = [
        Post(
            number,
            f"Pictures {number}",
            f"pictures-{number}",
            content=f'<p>Look.</p>\n\n<p><img src="{UPLOADS}/2024/03/{name}" '
            f'alt="{alt}" /></p>',
        )
        for number, (name, alt) in enumerate(shown, start=1)
    ]
    export = write(tmp_path, wxr(posts))
    one, one_report = import_with(tmp_path, export, 1, "--uploads-dir", str(uploads))
    several, report = import_with(tmp_path, export, 2, "--uploads-dir", str(uploads))
    assert one["images_image"][0] == 2
    assert several == one
    assert report == one_report


def test_importing_again_on_several_processes_changes_nothing(tmp_path):
    export = export_with_shared_names(tmp_path)
    before, _ = import_with(tmp_path, export, 2)
    after, report = import_with(tmp_path, export, 2)
    assert after == before
    counts = "\n".join(report).split("Notes:")[0]
    assert " imported" not in counts and " updated" not in counts
    assert "  articles     12 unchanged" in report


def test_the_refusal_names_the_first_broken_item_whichever_reader_meets_it(tmp_path):
    # Item 1 is long to convert, so the reader of items 1 and 3 meets item 3
    # well after the other reader has met item 4.
    long_body = "\n\n".join(f"<p>Paragraph {n} of a long one.</p>" for n in range(6000))
    posts = [
        Post(1, "A long one", "a-long-one", content=long_body),
        Post(2, "A short one", "a-short-one"),
        Post(3, "Broken first", "broken-first", date="2024-13-45 99:00:00"),
        Post(4, "Broken second", "broken-second", date="2024-13-46 99:00:00"),
    ]
    text = wxr(posts)
    for day in ("45", "46"):
        text = text.replace(
            f"<wp:post_date_gmt><![CDATA[2024-13-{day} 99:00:00]]>",
            "<wp:post_date_gmt><![CDATA[garbage]]>",
        )
    export = write(tmp_path, text)
    for jobs in ("1", "2"):
        result = broadsheet(
            tmp_path / f"site-{jobs}",
            "import",
            "wordpress",
            str(export),
            "--jobs",
            jobs,
        )
        assert result.returncode == 1
        assert "“Broken first” (post 3): its post_date is not a date" in result.stderr
        assert not list((tmp_path / f"site-{jobs}").glob("import-*"))


def test_a_missing_file_is_refused_before_any_reader_starts(tmp_path):
    missing = tmp_path / "nowhere.xml"
    result = broadsheet(
        tmp_path / "site", "import", "wordpress", str(missing), "--jobs", "2"
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"There is no file at {tmp_path}/nowhere.xml."
    )


def test_readers_stop_soon_after_the_import_is_killed(tmp_path):
    export = tmp_path / "export.xml"
    generated_export(export, 400)  # seconds of reading for each of two readers
    data_dir = tmp_path / "site"
    broadsheet(data_dir, "migrate", "-v0").check_returncode()
    process = subprocess.Popen(
        [sys.executable, "-m", "broadsheet.cli", "import", "wordpress", str(export)]
        + ["--jobs", "2", "--progress"],
        env=environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen = b""
    while b"read " not in seen:
        seen += os.read(process.stderr.fileno(), 4096) or b"read (the end)"
    time.sleep(0.3)
    assert len(processes_reading(export)) == 3, "the import and its two readers"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()
    time.sleep(1)  # they look for their parent every 500 records
    assert processes_reading(export) == [], "readers outlived the import"
