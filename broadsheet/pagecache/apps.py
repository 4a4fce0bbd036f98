from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "broadsheet.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self) -> None:
        from broadsheet.core import health
        from broadsheet.pagecache import tasks  # noqa: F401  (recurring jobs)
        from broadsheet.pagecache.health import page_store, purges

        health.register("page_store", page_store)
        health.register("purges", purges)
