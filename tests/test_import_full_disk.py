"""`broadsheet import` on a full disk: one plain sentence, a non-zero exit and
nothing imported, whether the export is read by one process or several."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from broadsheet.importers.tests.data_dirs import DATABASE, broadsheet
from broadsheet.importers.tests.wxr_files import generated_export
from tests.conftest import migrated_data_dir
from tests.own_services import fill_disk, small_filesystem

pytestmark = pytest.mark.server


def test_an_import_on_a_full_disk_says_so_in_one_sentence_and_imports_nothing(
    tmp_path,
):
    export = tmp_path / "export.xml"
    generated_export(export, 40)  # its staging needs about 1.5 MB
    with small_filesystem(4) as folder:
        data_dir = folder / "data"
        data_dir.mkdir()
        shutil.copy2(migrated_data_dir() / DATABASE, data_dir / DATABASE)
        fill_disk(folder, leave_bytes=300_000)
        for jobs in ("2", "1"):  # readers in processes of their own, or not
            result = broadsheet(
                data_dir, "import", "wordpress", str(export), "--jobs", jobs
            )
            assert result.returncode == 1, jobs
            assert result.stderr.strip() == (
                f"broadsheet import: The disk holding the data directory "
                f"{data_dir} is full: nothing was imported; free some space and "
                "run the import again."
            ), jobs
            assert not list(data_dir.glob("import-*.staging")), jobs
        with sqlite3.connect(data_dir / DATABASE) as connection:
            articles = connection.execute("SELECT count(*) FROM publishing_article")
            assert articles.fetchone() == (0,)
