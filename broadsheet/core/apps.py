from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "broadsheet.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from broadsheet.core import checks  # noqa: F401  (registers the checks)
