"""The staff's editing screens; every save goes through the services."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404
from django.urls import path

from broadsheet.publishing import editor, services
from broadsheet.publishing.forms import ArticleForm
from broadsheet.publishing.models import (
    Appeal,
    AppealClick,
    Article,
    Author,
    Byline,
    Correction,
    Page,
    PartnerOutlet,
    Section,
    Tag,
)


class ServiceDeleteMixin:
    """Deletes through a service, so the pages that showed the thing are purged."""

    delete_service = staticmethod(services.delete_record)

    def delete_model(self, request, obj) -> None:
        self.delete_service(obj, by=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_service(obj, by=request.user)


class ServiceSaveMixin(ServiceDeleteMixin):
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
class AppealAdmin(ServiceDeleteMixin, admin.ModelAdmin):
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


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ("published_at", "text")


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 2
    fields = ("position", "author")


@admin.register(Article)
class ArticleAdmin(ServiceDeleteMixin, admin.ModelAdmin):
    form = ArticleForm
    delete_service = staticmethod(services.delete_article)

    def get_deleted_objects(self, objs, request):
        """Whoever may delete an article may delete what hangs off it (its
        comments, revisions, counts): a takedown must not need every role."""
        deleted, counts, _perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        return deleted, counts, set(), protected

    inlines = [BylineInline, CorrectionInline]
    list_display = (
        "headline",
        "kind",
        "status",
        "published_at",
        "section",
        "appeal_clicks",
    )
    list_filter = ("status", "kind", "section")
    search_fields = ("headline", "standfirst", "slug")
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("tags", "social_image")
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
        (
            "Sharing",
            {"fields": ("social_title", "social_description", "social_image")},
        ),
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

    def get_urls(self):
        def article_view(view):
            def wrapped(request, object_id, **kwargs):
                article = self.get_object(request, object_id)
                if article is None:
                    raise Http404("No such article.")
                if not self.has_view_or_change_permission(request, article):
                    raise PermissionDenied
                context = {**self.admin_site.each_context(request), "opts": self.opts}
                return view(request, article, admin_context=context, **kwargs)

            return self.admin_site.admin_view(wrapped)

        return [
            path(
                "<path:object_id>/revisions/",
                article_view(editor.revisions),
                name="publishing_article_revisions",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/",
                article_view(editor.revision),
                name="publishing_article_revision",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {**(extra_context or {})}
        if article is not None:
            extra["preview_url"] = editor.preview_path(article)
        return super().change_view(request, object_id, form_url, extra)

    def get_queryset(self, request):
        # Contributors cannot list, open or reach by ID anyone else's draft.
        articles = super().get_queryset(request).select_related("section")
        articles = articles.annotate(click_total=Sum("appeal_clicks__count"))
        return articles.editable_by(request.user)

    @admin.display(description="appeal clicks", ordering="click_total")
    def appeal_clicks(self, article: Article) -> int:
        return article.click_total or 0

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
            if formset.model is Correction:
                for correction in formset.save(commit=False):
                    services.save_correction(correction, by=request.user)
                for correction in formset.deleted_objects:
                    services.delete_correction(correction, by=request.user)
                continue
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


@admin.register(Page)
class PageAdmin(ServiceDeleteMixin, admin.ModelAdmin):
    delete_service = staticmethod(services.delete_page)
    list_display = ("title", "slug", "is_published", "is_in_footer", "position")
    list_editable = ()
    prepopulated_fields = {"slug": ("title",)}
    fields = ("title", "slug", "body", "is_published", "is_in_footer", "position")

    def save_model(self, request, obj, form, change) -> None:
        services.save_page(obj, by=request.user)


@admin.register(AppealClick)
class AppealClickAdmin(admin.ModelAdmin):
    """Which appeal readers followed from which article: counts, nothing else."""

    list_display = ("article", "appeal", "count")
    list_filter = ("appeal",)
    ordering = ("-count",)
    list_select_related = ("article", "appeal")
    search_fields = ("article__headline",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
