"""The staff's editing screens; every save goes through the services."""

from django.contrib import admin
from django.db.models import Sum

from broadsheet.publishing import services
from broadsheet.publishing.forms import ArticleForm
from broadsheet.publishing.models import (
    Appeal,
    Article,
    Author,
    Byline,
    PartnerOutlet,
    Section,
    Tag,
)


class ServiceSaveMixin:
    def save_model(self, request, obj, form, change) -> None:
        services.save_record(obj, by=request.user)


@admin.register(Author)
class AuthorAdmin(ServiceSaveMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "bio")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Section)
class SectionAdmin(ServiceSaveMixin, admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(ServiceSaveMixin, admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(PartnerOutlet)
class PartnerOutletAdmin(ServiceSaveMixin, admin.ModelAdmin):
    list_display = ("name", "site_url")
    search_fields = ("name",)


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "organisation",
        "is_default",
        "after_paragraph",
        "click_total",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(click_total=Sum("clicks__count"))

    @admin.display(description="clicks")
    def click_total(self, appeal: Appeal) -> int:
        return appeal.click_total or 0

    def save_model(self, request, obj, form, change) -> None:
        services.save_appeal(obj, by=request.user)


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 2
    fields = ("position", "author")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    inlines = [BylineInline]
    list_display = ("headline", "kind", "status", "published_at", "section")
    list_filter = ("status", "kind", "section")
    search_fields = ("headline", "standfirst", "slug")
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("tags",)
    date_hierarchy = "published_at"
    fieldsets = (
        (None, {"fields": ("headline", "standfirst", "slug", "kind", "body")}),
        ("Publication", {"fields": ("status", "published_at", "section", "tags")}),
        (
            "Provenance",
            {
                "fields": (
                    "partner",
                    "original_url",
                    "original_published_at",
                    "original_licence",
                )
            },
        ),
        ("Sharing", {"fields": ("social_title", "social_description")}),
        (
            "Appeal, disclaimer, comments",
            {
                "fields": (
                    "appeal_choice",
                    "appeal",
                    "disclaimer",
                    "is_open_for_comments",
                )
            },
        ),
    )

    def get_queryset(self, request):
        # Contributors cannot list, open or reach by ID anyone else's draft.
        articles = super().get_queryset(request).select_related("section")
        return articles.editable_by(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not request.user.has_perm("publishing.publish_article"):
            status = form.base_fields["status"]
            status.choices = [
                (value, label)
                for value, label in status.choices
                if value in Article.CONTRIBUTOR_STATUSES
            ]
        return form

    def save_model(self, request, obj, form, change) -> None:
        services.save_article(obj, by=request.user)

    def save_related(self, request, form, formsets, change) -> None:
        """Tags and bylines through the services, bylines in position order."""
        services.set_tags(form.instance, form.cleaned_data["tags"], by=request.user)
        for formset in formsets:
            if formset.model is not Byline:
                formset.save()
                continue
            # Unsaved: records what changed for the admin's history message.
            formset.save(commit=False)
            kept = [
                row
                for row in formset.cleaned_data
                if row and row.get("author") and not row.get("DELETE")
            ]
            kept.sort(key=lambda row: row.get("position") or 0)
            services.set_bylines(
                form.instance, [row["author"] for row in kept], by=request.user
            )
