"""What a browser sends when a form on a parsed page is submitted."""

from __future__ import annotations

from bs4 import Tag

SKIPPED_INPUTS = {"submit", "button", "reset", "file", "image"}


def submitted_values(form: Tag, *, button: str | None = None) -> dict[str, list[str]]:
    """The form's fields as a browser would send them (`button`: the name of
    the submit button pressed, if it has one)."""
    values: dict[str, list[str]] = {}

    def add(name: str | None, value: str) -> None:
        if name:
            values.setdefault(name, []).append(value)

    for field in form.find_all(["input", "textarea", "select"]):
        if field.has_attr("disabled"):
            continue
        name = field.get("name")
        if field.name == "textarea":
            # A browser drops the line break that follows <textarea>.
            add(name, field.get_text().removeprefix("\n").replace("\r\n", "\n"))
        elif field.name == "select":
            options = field.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")]
            if not chosen and options and not field.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                add(name, option.get("value", option.get_text()))
        else:
            kind = field.get("type", "text").lower()
            if kind in SKIPPED_INPUTS:
                if button is not None and name == button:
                    add(name, field.get("value", ""))
                continue
            if kind in {"checkbox", "radio"} and not field.has_attr("checked"):
                continue
            add(name, field.get("value", "on" if kind == "checkbox" else ""))
    return values
