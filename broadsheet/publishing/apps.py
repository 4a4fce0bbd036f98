from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "broadsheet.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from broadsheet.publishing import tasks  # noqa: F401  (recurring jobs)
