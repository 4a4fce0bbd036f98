from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "broadsheet.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from broadsheet.discussion.screening import (
            register_closing_rule,
            register_decision_listener,
            register_held_listener,
            register_screener,
        )
        from broadsheet.moderation.screening import (
            closed_by_age,
            learn_from_decision,
            screen,
        )
        from broadsheet.moderation.tasks import mail_moderators_about

        register_screener(screen)
        register_decision_listener(learn_from_decision)
        register_closing_rule(closed_by_age)
        register_held_listener(
            lambda comment: mail_moderators_about.enqueue(comment.pk)
        )
