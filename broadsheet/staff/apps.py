from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "broadsheet.staff"
    label = "staff"
    verbose_name = _("Staff")

    def ready(self) -> None:
        from broadsheet.staff.roles import sync_roles_after_migrate

        # Keeps each role's group in step with the permissions of every model,
        # including models added after the migration that created the groups.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
