"""Surrogate keys: names for the objects a cached page shows.

A page records the keys of everything it shows; a write purges the keys of what
it changed. Keys are `<model>:<pk>` plus `site` for what every page shows.
"""

from __future__ import annotations

from typing import Any

SITE = "site"
# Not a key any page names: its version is the floor a purge of every page sets,
# and every entry is checked against it as if each page named it.
EVERYTHING = "*"


def key_for(instance: Any) -> str:
    """`article:42` for an Article with pk 42."""
    return f"{instance._meta.model_name}:{instance.pk}"
