"""`broadsheet backup` and `broadsheet restore` of a site on PostgreSQL: into an
empty database only, never into one with tables or into a site on SQLite."""

from __future__ import annotations

import tarfile

import pytest

from tests.conftest import start_server
from tests.test_backup_restore import MAKE_IMAGE, backup

pytestmark = pytest.mark.server


def postgres_counts(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {
            table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def test_a_site_on_postgresql_restores_into_an_empty_database_only(
    postgres_cluster, tmp_path
):
    import psycopg

    source_url = postgres_cluster.url
    target_url = source_url.rsplit("/", 1)[0] + "/restored"
    with psycopg.connect(
        source_url.replace("postgres://", "postgresql://", 1), autocommit=True
    ) as db:
        db.execute("CREATE DATABASE restored")
    env = {"DATABASE_URL": source_url, "BROADSHEET_SECRET_KEY": "a shared key " * 4}
    server = start_server(tmp_path / "source", "--demo", env=env)
    try:
        made = server.manage("shell", "-c", MAKE_IMAGE)
        assert made.returncode == 0, made.stderr
    finally:
        # Stopped, so that its worker's jobs do not move the counts compared
        # below (the SQLite test backs up under writes).
        server.stop()
    archive = backup(server, tmp_path / "backups")
    # Without pg_dump: one sentence, and no archive.
    result = server.manage("backup", str(tmp_path / "none"), PATH="/nonexistent")
    assert result.returncode == 1
    assert result.stderr.startswith("broadsheet backup: pg_dump is not installed")
    assert list((tmp_path / "none").iterdir()) == []
    with tarfile.open(archive) as tar:
        assert "database/postgresql.dump" in tar.getnames()
        assert "secret_key" not in tar.getnames()  # it is the operator's variable

    target = tmp_path / "restored"
    result = server.manage(
        "restore",
        str(archive),
        BROADSHEET_DATA_DIR=str(target),
        DATABASE_URL=target_url,
    )
    assert result.returncode == 0, result.stderr
    assert "BROADSHEET_SECRET_KEY" in result.stdout  # the same value is needed
    assert postgres_counts(target_url) == postgres_counts(source_url)
    images = sorted(
        path.relative_to(target).as_posix() for path in target.rglob("*.jpg")
    )
    assert images and images == sorted(
        path.relative_to(server.data_dir).as_posix()
        for path in server.data_dir.rglob("*.jpg")
    )

    # Again into the same database, which has tables now: refused.
    result = server.manage(
        "restore",
        str(archive),
        "--force",
        BROADSHEET_DATA_DIR=str(tmp_path / "another"),
        DATABASE_URL=target_url,
    )
    assert result.returncode == 1
    assert "The database restored already has tables" in result.stderr
    # And into a server on SQLite: the wrong kind of database.
    result = server.manage(
        "restore",
        str(archive),
        BROADSHEET_DATA_DIR=str(tmp_path / "sqlite-site"),
        DATABASE_URL="",
    )
    assert result.returncode == 1
    assert (
        "The archive holds a PostgreSQL database but this site is configured "
        "for SQLite" in result.stderr
    )
