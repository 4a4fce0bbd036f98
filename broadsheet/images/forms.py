from django import forms
from django.utils.translation import gettext_lazy as _

from broadsheet.images.models import Image
from broadsheet.images.processing import MAX_BYTES, ImageRejected, process


class ImageUploadForm(forms.ModelForm):
    """An upload with its description; the file is checked and cleaned here."""

    file = forms.FileField(
        label=_("picture"),
        help_text=_("JPEG, PNG, GIF or WebP, up to %(mb)d MB.")
        % {"mb": MAX_BYTES // 2**20},
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "credit"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // 2**20}
            )
        try:
            self.processed = process(upload.read())
        except ImageRejected as rejected:
            raise forms.ValidationError(str(rejected)) from None
        return upload
