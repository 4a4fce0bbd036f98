from django import forms
from django.utils.translation import gettext_lazy as _

from broadsheet.moderation.models import AuditEntry, MailPreference, Report

ACTIONS = [
    (AuditEntry.Action.APPROVE, _("Approve")),
    (AuditEntry.Action.REJECT, _("Reject")),
    (AuditEntry.Action.SPAM, _("Spam")),
    (AuditEntry.Action.BAN, _("Ban")),
]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything to add (optional)"), max_length=300, required=False
    )


class ModerationForm(forms.Form):
    """One action on one or more comments, from a row's buttons or the bulk bar."""

    action = forms.ChoiceField(choices=ACTIONS)
    comments = forms.TypedMultipleChoiceField(coerce=int, choices=())
    reason = forms.CharField(max_length=300, required=False)
    ban_until = forms.DateField(
        required=False,
        help_text=_("Empty: for good."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ban_email = forms.BooleanField(required=False, initial=True)
    ban_network = forms.BooleanField(required=False)

    def __init__(self, *args, comment_ids=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comments"].choices = [(pk, pk) for pk in comment_ids]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == AuditEntry.Action.BAN:
            if not data.get("reason"):
                self.add_error(
                    "reason", _("Say why, for the log and for other moderators.")
                )
            if not (data.get("ban_email") or data.get("ban_network")):
                self.add_error("ban_email", _("Ban the e-mail, the network, or both."))
        return data


class MailPreferenceForm(forms.ModelForm):
    class Meta:
        model = MailPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
