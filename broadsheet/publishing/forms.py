"""Validation shared by the admin, views and importers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from broadsheet.publishing.models import Article


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "headline",
            "standfirst",
            "slug",
            "kind",
            "body",
            "section",
            "tags",
            "status",
            "published_at",
            "partner",
            "original_url",
            "original_published_at",
            "original_licence",
            "appeal_choice",
            "appeal",
            "disclaimer",
            "is_open_for_comments",
            "social_title",
            "social_description",
            "social_image",
        ]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("partner") and not data.get("original_url"):
            self.add_error(
                "original_url",
                _("A republished article needs the address of the original."),
            )
        if data.get("original_url") and not data.get("partner"):
            self.add_error(
                "partner", _("Name the partner outlet that published the original.")
            )
        if data.get("appeal_choice") == Article.AppealChoice.CHOSEN and not data.get(
            "appeal"
        ):
            self.add_error("appeal", _("Choose the appeal to show."))
        if data.get("status") == Article.Status.SCHEDULED and not data.get(
            "published_at"
        ):
            self.add_error(
                "published_at", _("A scheduled article needs a publication time.")
            )
        if data.get("status") == Article.Status.PUBLISHED and not data.get(
            "published_at"
        ):
            # "Published" with no date means "now".
            data["published_at"] = timezone.now()
        return data
