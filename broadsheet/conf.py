"""Operator settings: every environment variable Broadsheet reads, declared once.

`settings.py` is built from `load()`; nothing else reads `os.environ`.
`docs/configuration.md` is generated from `VARIABLES` (`broadsheet config-docs`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class ConfigError(ValueError):
    """A setting that cannot work; the message is one plain sentence."""


def _boolean(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"{value!r} is not a yes/no value")


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(f"{value!r} is not a positive whole number")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 < number < 65536:
        raise ValueError(f"{value!r} is not a TCP port")
    return number


def _site_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(
            f"{value!r} is not an http(s) address such as https://example.org"
        )
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError(f"{value!r} must be an origin without a path")
    return f"{parts.scheme}://{parts.netloc}"


def _time_zone(value: str) -> str:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{value!r} is not a time zone such as Europe/Paris") from None
    return value


def _path(value: str) -> Path:
    return Path(value).expanduser().resolve()


def _words(value: str) -> list[str]:
    return [word for word in value.replace(",", " ").split() if word]


def _smtp_url(value: str) -> str:
    if value:
        parts = urlsplit(value)
        if parts.scheme not in {"smtp", "smtps", "smtp+starttls"} or not parts.hostname:
            raise ValueError(f"{value!r} is not an smtp:// address")
        try:
            parts.port  # noqa: B018  (raises on a bad port)
        except ValueError as error:
            raise ValueError(str(error)) from None
    return value


def _loopback_address(value: str) -> str:
    import ipaddress

    if not value:
        return ""
    host, _, port = value.strip().rpartition(":")
    try:
        loopback = (
            host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
        )
    except ValueError:
        loopback = False
    if not loopback or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(
            f"{value!r} is not a loopback address and port such as 127.0.0.1:9464"
        )
    return value.strip()


def _networks(value: str) -> list[str]:
    import ipaddress

    networks = _words(value)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ValueError(f"{network!r} is not an address or network") from None
    return networks


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "broadsheet")


@dataclass(frozen=True)
class Variable:
    name: str
    default: str | Callable[[], str]
    parse: Callable[[str], Any]
    help: str

    @property
    def attribute(self) -> str:
        return self.name.removeprefix("BROADSHEET_").lower()

    def default_text(self) -> str:
        return self.default if isinstance(self.default, str) else self.default()


VARIABLES: tuple[Variable, ...] = (
    Variable(
        "BROADSHEET_DATA_DIR",
        _default_data_dir,
        _path,
        "Directory holding all state: the SQLite database, the secret key, "
        "collected static files. Created on first start.",
    ),
    Variable(
        "BROADSHEET_SITE_URL",
        "http://127.0.0.1:8000",
        _site_url,
        "Public origin of the site (scheme and host); used in mail, feeds and "
        "sitemaps and as the only allowed host besides loopback.",
    ),
    Variable(
        "BROADSHEET_SECRET_KEY",
        "",
        str,
        "Signing key. Empty: generated on first start and kept in the data "
        "directory. Required with DATABASE_URL so every process shares it.",
    ),
    Variable(
        "DATABASE_URL",
        "",
        str,
        "Database address, e.g. postgres://user@host/db. Empty: SQLite in the "
        "data directory.",
    ),
    Variable(
        "CACHE_URL",
        "",
        str,
        "Shared cache address, e.g. redis://127.0.0.1:6379/0. Empty: a cache "
        "local to each process.",
    ),
    Variable(
        "BROADSHEET_PAGE_CACHE",
        "true",
        _boolean,
        "Serve anonymous readers from the full-page cache. Turn off only to "
        "measure or debug rendering.",
    ),
    Variable(
        "BROADSHEET_PAGE_CACHE_LIFETIME",
        "3600",
        _positive_int,
        "Seconds a cached page may be served at most, even if no purge reached it.",
    ),
    Variable(
        "BROADSHEET_PAGE_CACHE_MB",
        "256",
        _positive_int,
        "Size cap of the shared page store (cache.sqlite3), in megabytes; the "
        "least recently used pages go first.",
    ),
    Variable(
        "BROADSHEET_PAGE_CACHE_MEMORY_MB",
        "24",
        _positive_int,
        "Pages each worker process keeps in memory, in megabytes.",
    ),
    Variable(
        "BROADSHEET_PURGE_FRONTS",
        "",
        _words,
        "Caches in front to purge after each write, space-separated: "
        "nginx:http://127.0.0.1:8080 (PURGE by address) or "
        "varnish:http://127.0.0.1:6081 (xkey).",
    ),
    Variable(
        "BROADSHEET_SMTP_URL",
        "",
        _smtp_url,
        "Mail server, e.g. smtp+starttls://user:password@mail.example.org:587 "
        "or smtp://127.0.0.1:25. Empty: no mail is sent (it is logged).",
    ),
    Variable(
        "BROADSHEET_MAIL_FROM",
        "",
        str,
        "Sender of the site's mail. Empty: noreply@ the site's host.",
    ),
    Variable(
        "BROADSHEET_HOST",
        "127.0.0.1",
        str,
        "Address `broadsheet serve` binds to.",
    ),
    Variable("BROADSHEET_PORT", "8000", _port, "Port `broadsheet serve` binds to."),
    Variable(
        "BROADSHEET_WORKERS",
        lambda: str(os.cpu_count() or 1),
        _positive_int,
        "Worker processes `broadsheet serve` starts; default one per core.",
    ),
    Variable(
        "BROADSHEET_THREADS",
        "2",
        _positive_int,
        "Threads in each worker process that run Django (one can render while "
        "another waits on the database). Requests reach them only once their "
        "body is read, so slow clients never hold one; each costs about 6 MB.",
    ),
    Variable(
        "BROADSHEET_HEADER_TIMEOUT",
        "60",
        _positive_int,
        "Seconds a client may take to send a request's headers before the "
        "connection is cut (nginx's client_header_timeout).",
    ),
    Variable(
        "BROADSHEET_BODY_TIMEOUT",
        "60",
        _positive_int,
        "Seconds a request body may pause between two reads before the request "
        "is answered 408 (nginx's client_body_timeout).",
    ),
    Variable(
        "BROADSHEET_MAX_BODY_MB",
        "25",
        _positive_int,
        "Largest request body accepted, in megabytes (413 above it); image "
        "uploads are up to 20 MB.",
    ),
    Variable(
        "BROADSHEET_CONNECTIONS_PER_ADDRESS",
        "64",
        _positive_int,
        "Requests one address may have in progress at once in each worker "
        "process (429 above it). Trusted proxies are not limited.",
    ),
    Variable(
        "BROADSHEET_TIME_ZONE",
        "UTC",
        _time_zone,
        "Time zone for dates shown to readers and for article addresses "
        "(/YYYY/MM/DD/), e.g. Europe/Paris.",
    ),
    Variable(
        "BROADSHEET_LANGUAGE",
        "en",
        str,
        "Language of the interface, as a language code.",
    ),
    Variable(
        "BROADSHEET_TRUSTED_ORIGINS",
        "",
        _words,
        "Extra origins (space-separated) allowed to post forms, besides the site URL.",
    ),
    Variable(
        "BROADSHEET_ACCESS_LOG",
        "false",
        _boolean,
        "Also log one line per request (with the reader's full address) to "
        "stderr. Off by default: Broadsheet keeps no reader's address, and the "
        "line costs a third of a cache hit.",
    ),
    Variable(
        "BROADSHEET_TRUSTED_PROXIES",
        "",
        _networks,
        "Addresses or networks of proxies in front (nginx, a load balancer) "
        "whose X-Forwarded-For is believed, e.g. 127.0.0.1 10.0.0.0/8.",
    ),
    Variable(
        "BROADSHEET_METRICS_ADDRESS",
        "",
        _loopback_address,
        "Where `broadsheet serve` answers Prometheus scrapes (/metrics), e.g. "
        "127.0.0.1:9464; a loopback address only. Empty: no metrics listener.",
    ),
    Variable(
        "BROADSHEET_LOG_LEVEL",
        "INFO",
        str.upper,
        "Least severe level logged to stderr: DEBUG, INFO, WARNING, ERROR.",
    ),
    Variable(
        "BROADSHEET_DEBUG",
        "false",
        _boolean,
        "Django's DEBUG. Never on a public site: it shows tracebacks to readers.",
    ),
)


@dataclass(frozen=True)
class Config:
    data_dir: Path
    site_url: str
    secret_key: str
    database_url: str
    cache_url: str
    page_cache: bool
    page_cache_lifetime: int
    page_cache_mb: int
    page_cache_memory_mb: int
    purge_fronts: list[str]
    smtp_url: str
    mail_from: str
    host: str
    port: int
    workers: int
    threads: int
    header_timeout: int
    body_timeout: int
    max_body_mb: int
    connections_per_address: int
    time_zone: str
    language: str
    trusted_origins: list[str]
    access_log: bool
    trusted_proxies: list[str]
    metrics_address: str
    log_level: str
    debug: bool

    @property
    def site_host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    @property
    def is_https(self) -> bool:
        return self.site_url.startswith("https://")

    @property
    def uses_sqlite(self) -> bool:
        return not self.database_url


def load(environ: Mapping[str, str] | None = None) -> Config:
    """Read and parse every variable; raises ConfigError naming the bad one."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for variable in VARIABLES:
        raw = environ.get(variable.name, "") or variable.default_text()
        try:
            values[variable.attribute] = variable.parse(raw)
        except ValueError as error:
            raise ConfigError(f"{variable.name} is not valid: {error}.") from None
    return Config(**values)


def database_settings(config: Config) -> dict[str, Any]:
    """DATABASES['default'] for this config; raises ConfigError if malformed."""
    if config.uses_sqlite:
        return {
            "ENGINE": "broadsheet.core.sqlite",
            "NAME": str(config.data_dir / "broadsheet.sqlite3"),
            # Opening SQLite and running the pragmas took a tenth of a request:
            # each worker keeps its connection.
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so concurrent writers
                # wait on the busy timeout instead of failing mid-transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    import dj_database_url

    parts = urlsplit(config.database_url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ConfigError(
            "DATABASE_URL must be a postgres:// address "
            f"(got scheme {parts.scheme or 'none'!r}); leave it empty for SQLite."
        )
    try:
        if not parts.path.strip("/"):
            raise ValueError("no database name")
        settings = dj_database_url.parse(config.database_url, conn_max_age=60)
    except ValueError as error:
        raise ConfigError(f"DATABASE_URL is malformed: {error}.") from None
    settings["CONN_HEALTH_CHECKS"] = True
    return settings


def cache_settings(config: Config) -> dict[str, Any]:
    """Django's CACHES['default']; raises ConfigError for an unknown scheme."""
    if not config.cache_url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    scheme = urlsplit(config.cache_url).scheme
    if scheme not in {"redis", "rediss", "unix"}:
        raise ConfigError(
            f"CACHE_URL must be a redis:// address (got scheme {scheme or 'none'!r})."
        )
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": config.cache_url,
    }


def check(config: Config) -> None:
    """Everything that would fail while settings are built; raises ConfigError."""
    database_settings(config)
    cache_settings(config)
    from broadsheet.pagecache.fronts import parse_fronts

    try:
        parse_fronts(config.purge_fronts, host=config.site_host)
    except ValueError as error:
        raise ConfigError(f"BROADSHEET_PURGE_FRONTS is not valid: {error}.") from None
    if not config.uses_sqlite and not config.secret_key:
        raise ConfigError(
            "BROADSHEET_SECRET_KEY must be set when DATABASE_URL is set, so every "
            "process signs with the same key."
        )
    from broadsheet.datadir import ensure_data_dir

    ensure_data_dir(config)
