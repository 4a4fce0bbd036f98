"""System checks for configuration that settings.py can build but cannot run well."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=False)
def check_shared_secret_key(app_configs, **kwargs) -> list[checks.CheckMessage]:
    config = settings.CONFIG
    if not config.uses_sqlite and not config.secret_key:
        return [
            checks.Error(
                "BROADSHEET_SECRET_KEY is not set while DATABASE_URL is.",
                hint="Set the same BROADSHEET_SECRET_KEY for every process that "
                "shares the database, or they will reject each other's signatures.",
                id="broadsheet.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=False)
def check_debug_off(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return [
            checks.Warning(
                "BROADSHEET_DEBUG is on: errors show tracebacks to readers.",
                hint="Turn it off on any site the public can reach.",
                id="broadsheet.W001",
            )
        ]
    return []
