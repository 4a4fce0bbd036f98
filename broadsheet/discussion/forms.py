"""The reader's comment form: validation shared by the view and importers."""

from __future__ import annotations

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BODY = 10_000


def reject_control_characters(value: str) -> None:
    """Refuse invisible control characters (tabs and line breaks are fine)."""
    for character in value:
        if character in "\n\r\t":
            continue
        if (
            unicodedata.category(character) in {"Cc", "Cs"}
            or character in "\u202e\u202d"
        ):
            raise ValidationError(
                _("Please remove the invisible control characters from this field."),
                code="control_characters",
            )


class HttpUrlField(forms.URLField):
    default_error_messages = {
        "invalid": _("Enter a web address starting with http:// or https://.")
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(assume_scheme="https", **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not value.lower().startswith(("http://", "https://")):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return value


class CommentForm(forms.Form):
    article = forms.IntegerField(widget=forms.HiddenInput)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)
    token = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        validators=[reject_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Never shown. Used for your avatar and for moderation."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = HttpUrlField(
        label=_("Website"),
        max_length=300,
        required=False,
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_BODY,
        validators=[reject_control_characters],
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please write a comment before posting.")},
    )
    notify_replies = forms.BooleanField(
        label=_("E-mail me when someone replies (you will be asked to confirm)"),
        required=False,
    )
    # The honeypot: hidden from people by CSS, filled in by naive bots.
    url_confirm = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=300
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Please write a comment before posting."))
        return body

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Please give a name."))
        return name


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_BODY,
        validators=[reject_control_characters],
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please write a comment before posting.")},
    )
