import os

import pytest

from broadsheet import conf, datadir


def test_defaults_give_sqlite_in_the_data_dir(tmp_path):
    config = conf.load({"BROADSHEET_DATA_DIR": str(tmp_path)})
    database = conf.database_settings(config)
    assert database["NAME"] == str(tmp_path / "broadsheet.sqlite3")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "synchronous=FULL" in database["OPTIONS"]["init_command"]


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("BROADSHEET_PORT", "eighty", "BROADSHEET_PORT is not valid"),
        ("BROADSHEET_WORKERS", "0", "BROADSHEET_WORKERS is not valid"),
        ("BROADSHEET_SITE_URL", "ftp://x", "BROADSHEET_SITE_URL is not valid"),
        ("BROADSHEET_DEBUG", "maybe", "BROADSHEET_DEBUG is not valid"),
        ("BROADSHEET_TIME_ZONE", "Mars/Olympus", "BROADSHEET_TIME_ZONE is not valid"),
        ("BROADSHEET_TRUSTED_PROXIES", "10.0.0.0/8 nginx", "PROXIES is not valid"),
        ("BROADSHEET_METRICS_ADDRESS", "0.0.0.0:9464", "a loopback address"),
        ("BROADSHEET_METRICS_ADDRESS", "127.0.0.1", "a loopback address"),
        ("BROADSHEET_BODY_TIMEOUT", "0", "BROADSHEET_BODY_TIMEOUT is not valid"),
    ],
)
def test_a_bad_variable_is_named_in_one_sentence(name, value, fragment):
    with pytest.raises(conf.ConfigError) as error:
        conf.load({name: value})
    assert fragment in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "url", ["mysql://u@h/db", "postgres://", "not a url", "postgres://h:99999999/db"]
)
def test_a_malformed_database_url_is_a_config_error(url, tmp_path):
    config = conf.load({"DATABASE_URL": url, "BROADSHEET_SECRET_KEY": "k" * 50})
    with pytest.raises(conf.ConfigError, match="DATABASE_URL"):
        conf.database_settings(config)


def test_postgres_without_a_secret_key_is_refused(tmp_path):
    config = conf.load(
        {"DATABASE_URL": "postgres://u@h/db", "BROADSHEET_DATA_DIR": str(tmp_path)}
    )
    with pytest.raises(conf.ConfigError, match="BROADSHEET_SECRET_KEY"):
        conf.check(config)


def test_secret_key_is_generated_once_with_owner_only_mode(tmp_path):
    config = conf.load({"BROADSHEET_DATA_DIR": str(tmp_path / "data")})
    first = datadir.secret_key(config)
    assert len(first) >= 50
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert datadir.secret_key(config) == first


def test_the_databases_are_private_whatever_the_umask(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    cache = data_dir / "cache.sqlite3"
    cache.write_bytes(b"")
    cache.chmod(0o644)  # as an earlier version left it
    old = os.umask(0o022)
    try:
        config = conf.load({"BROADSHEET_DATA_DIR": str(data_dir)})
        datadir.ensure_data_dir(config)
        datadir.make_private(config)
    finally:
        os.umask(old)
    assert (data_dir / "broadsheet.sqlite3").stat().st_mode & 0o777 == 0o600
    assert cache.stat().st_mode & 0o777 == 0o600
    assert (data_dir / "secret_key").stat().st_mode & 0o777 == 0o600
