from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    name = "broadsheet.discussion"
    label = "discussion"
    verbose_name = _("Discussion")

    def ready(self) -> None:
        from broadsheet.discussion.keys import visibility_keys
        from broadsheet.discussion.part import discussion_part
        from broadsheet.publishing.extensions import (
            register_article_part,
            register_visibility_keys,
        )

        register_article_part(discussion_part)
        register_visibility_keys(visibility_keys)
