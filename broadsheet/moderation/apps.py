from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "broadsheet.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from broadsheet.discussion.screening import register_screener
        from broadsheet.moderation.screening import screen

        register_screener(screen)
