from django.urls import path, register_converter

from broadsheet.images import views


class Digest:
    regex = "[0-9a-f]{64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class Prefix(Digest):
    regex = "[0-9a-f]{2}"


register_converter(Digest, "digest")
register_converter(Prefix, "prefix")

app_name = "images"
urlpatterns = [
    path(
        "<prefix:prefix>/<digest:digest>-<int:width>.<extension>",
        views.image,
        name="image",
    ),
]
