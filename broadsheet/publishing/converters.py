"""Path converters of the article and archive addresses."""

from django.urls import register_converter


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return f"{int(value):02d}"


register_converter(TwoDigits, "dd")
