from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "broadsheet.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        # Registered on import: the system checks and the recurring jobs.
        from broadsheet.core import checks, tasks  # noqa: F401
