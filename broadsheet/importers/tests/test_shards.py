"""`--jobs`: an export read by several processes, each converting some of the
items, makes the same site and the same report as one process reading it all.
Through the real command line (forked readers need their own connections)."""

from __future__ import annotations

from broadsheet.importers.tests.data_dirs import DATABASE, broadsheet, checksums
from broadsheet.importers.tests.wxr_files import Comment, Post, write, wxr


def export_with_shared_names(tmp_path):
    """Items that name the same undeclared category, tag and author in ways
    that differ, a post listed twice, a page, an attachment, a pingback and a
    broken item: what several processes must agree on."""
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
                ],
            )
        )
    posts.append(Post(5, "Harbour notes 5, again", "harbour-notes-5-again"))
    posts.append(Post(40, "About us", "about-us", type="page"))
    posts.append(Post(41, "A crane", "a-crane", type="attachment", status="inherit"))
    posts.append(Post(42, "Broken", "broken", date="2024-13-45 99:00:00"))
    text = wxr(posts).replace(
        "<wp:post_date_gmt><![CDATA[2024-13-45 99:00:00]]>",
        "<wp:post_date_gmt><![CDATA[garbage]]>",
    )
    return write(tmp_path, text)


def import_with(tmp_path, export, jobs: int) -> tuple[dict, list[str]]:
    data_dir = tmp_path / f"jobs-{jobs}"
    result = broadsheet(
        data_dir,
        *("import", "wordpress", str(export), "--skip-broken", "--jobs", str(jobs)),
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
    for jobs in (2, 3):
        several, report = import_with(tmp_path, export, jobs)
        assert several == one, f"--jobs {jobs} made another site"
        assert sorted(report) == sorted(one_report)


def test_a_missing_file_is_refused_before_any_reader_starts(tmp_path):
    missing = tmp_path / "nowhere.xml"
    result = broadsheet(
        tmp_path / "site", "import", "wordpress", str(missing), "--jobs", "2"
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"There is no file at {tmp_path}/nowhere.xml."
    )
