from django.contrib import admin
from django.http import HttpRequest

from broadsheet.images import services
from broadsheet.images.forms import ImageUploadForm
from broadsheet.images.models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    """Upload a picture, then paste its Markdown line into an article."""

    list_display = ("alt_text", "width", "height", "credit", "created_at")
    search_fields = ("alt_text", "credit")
    readonly_fields = ("markdown_line", "dimensions")

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ImageUploadForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request: HttpRequest, obj=None):
        if obj is None:
            return ["file", "alt_text", "credit"]
        return ["markdown_line", "dimensions", "alt_text", "credit"]

    @admin.display(description="paste into a body")
    def markdown_line(self, image: Image) -> str:
        return image.markdown()

    @admin.display(description="size")
    def dimensions(self, image: Image) -> str:
        return f"{image.width} × {image.height} pixels"

    def save_model(self, request, obj, form, change) -> None:
        if change:
            services.update_image(
                obj,
                alt_text=form.cleaned_data["alt_text"],
                credit=form.cleaned_data["credit"],
                by=request.user,
            )
            return
        stored = services.upload_image(
            form.processed,
            alt_text=form.cleaned_data["alt_text"],
            credit=form.cleaned_data["credit"],
            by=request.user,
        )
        obj.pk, obj.digest = stored.pk, stored.digest

    def delete_model(self, request, obj) -> None:
        services.delete_image(obj, by=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for image in queryset:
            services.delete_image(image, by=request.user)

    def add_view(self, request, form_url="", extra_context=None):
        response = super().add_view(request, form_url, extra_context)
        if request.method == "POST" and response.status_code == 200:
            response.status_code = 400  # the form came back with what was wrong
        return response
