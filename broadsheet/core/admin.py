from django.contrib import admin
from django.http import HttpRequest

from broadsheet.core import services
from broadsheet.core.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fields = (
        "site_name",
        "tagline",
        "description",
        "default_disclaimer",
        "old_article_days",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        services.update_site_settings(
            by=request.user, **{name: form.cleaned_data[name] for name in self.fields}
        )


admin.site.site_header = "Broadsheet"
admin.site.site_title = "Broadsheet"
admin.site.index_title = "The newsroom"
