from django.contrib import admin

from broadsheet.discussion import services
from broadsheet.discussion.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Read-only but for the status, which changes through the service."""

    list_display = ("author_name", "article", "status", "held_because", "created_at")
    list_filter = ("status",)
    search_fields = ("author_name", "body")
    fields = (
        "article",
        "parent",
        "author_name",
        "author_website",
        "body",
        "status",
        "ip_prefix",
        "created_at",
    )
    readonly_fields = (
        "article",
        "parent",
        "author_name",
        "author_website",
        "body",
        "ip_prefix",
        "created_at",
    )

    @admin.display(description="held because")
    def held_because(self, comment: Comment) -> str:
        return "; ".join(comment.reasons)

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        services.set_comment_status(obj, obj.status, by=request.user)
