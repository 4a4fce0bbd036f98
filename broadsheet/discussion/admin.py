from django.contrib import admin

from broadsheet.discussion.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("author_name", "article", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("author_name", "body")
    raw_id_fields = ("article", "parent")
    readonly_fields = ("email_hmac", "ip_prefix", "body_html", "created_at")
