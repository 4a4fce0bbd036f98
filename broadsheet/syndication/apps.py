from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "broadsheet.syndication"
    label = "syndication"
    verbose_name = _("Syndication")

    def ready(self) -> None:
        from broadsheet.publishing.extensions import register_article_head
        from broadsheet.syndication.structured_data import article_head

        register_article_head(article_head)
        from broadsheet.syndication import tasks  # noqa: F401  (recurring jobs)
