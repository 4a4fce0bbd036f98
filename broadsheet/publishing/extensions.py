"""Parts of the article page contributed by apps that build on publishing.

Publishing never imports the apps above it; they register here from their
`AppConfig.ready()`. The discussion app registers the comments and reply form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class ArticlePart:
    """A template to include at the end of the article page, with its context."""

    template_name: str
    context: dict[str, Any] = field(default_factory=dict)


ArticlePartProvider = Callable[[HttpRequest, Any], ArticlePart]

_providers: list[ArticlePartProvider] = []


def register_article_part(provider: ArticlePartProvider) -> ArticlePartProvider:
    """Add a provider, called with (request, article) for every article page."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def article_parts(request: HttpRequest, article: Any) -> list[ArticlePart]:
    return [provider(request, article) for provider in _providers]


_head_providers: list[ArticlePartProvider] = []


def register_article_head(provider: ArticlePartProvider) -> ArticlePartProvider:
    """Add a provider of something for the article page's <head> (structured
    data, link previews), called with (request, article)."""
    if provider not in _head_providers:
        _head_providers.append(provider)
    return provider


def article_head(request: HttpRequest, article: Any) -> list[ArticlePart]:
    return [provider(request, article) for provider in _head_providers]


VisibilityKeys = Callable[[Any], list[str]]
_visibility_keys: list[VisibilityKeys] = []


def register_visibility_keys(provider: VisibilityKeys) -> VisibilityKeys:
    """Add a provider of the surrogate keys of pages that show something of an
    article only while it is public (comments in the recent-comments feed),
    called with the article when it is published or withdrawn."""
    if provider not in _visibility_keys:
        _visibility_keys.append(provider)
    return provider


def visibility_keys(article: Any) -> list[str]:
    return [key for provider in _visibility_keys for key in provider(article)]
