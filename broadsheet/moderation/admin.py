from django.contrib import admin
from django.http import HttpRequest

from broadsheet.moderation import services
from broadsheet.moderation.models import ArticlePolicy, Ban, ModerationPolicy


@admin.register(ModerationPolicy)
class ModerationPolicyAdmin(admin.ModelAdmin):
    fields = (
        "mode",
        "hold_links",
        "suspect_words",
        "banned_words",
        "max_length",
        "close_after_days",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not ModerationPolicy.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        services.update_policy(
            by=request.user, **{name: form.cleaned_data[name] for name in self.fields}
        )


@admin.register(ArticlePolicy)
class ArticlePolicyAdmin(admin.ModelAdmin):
    list_display = ("article", "mode")
    raw_id_fields = ("article",)


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):
    """Bans are made from a comment (the moderation queue); here they are read,
    shortened or lifted."""

    list_display = ("reason", "ip_prefix", "until", "created_by", "created_at")
    fields = ("reason", "until", "ip_prefix", "created_by", "created_at")
    readonly_fields = ("ip_prefix", "created_by", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
