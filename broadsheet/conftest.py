"""Fixtures shared by the apps' tests (model, service and view tests).

These run on SQLite, and again on PostgreSQL when DATABASE_URL is set.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs `collectstatic`; `broadsheet serve` runs it, the
    # in-process tests use plain names instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    # Django's advice for tests: hashing a password with the shipped hasher
    # takes a third of a second on purpose, and sign-in tests hash dozens.
    # The servers the end-to-end tests start keep the shipped hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _publish_comments_at_once(request):
    """Tests written before moderation set the policy they were written for:
    comments are published at once. Moderation's own tests set theirs."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or request.node.get_closest_marker("moderation_policy"):
        return
    transactional = marker.kwargs.get("transaction", False)
    request.getfixturevalue("transactional_db" if transactional else "db")
    from broadsheet.moderation.models import Mode, ModerationPolicy

    ModerationPolicy.objects.update_or_create(
        pk=1,
        defaults={"mode": Mode.PUBLISH, "rate_per_network": 0, "rate_per_email": 0},
    )


@pytest.fixture
def parse():
    """Parse a response's HTML the way a test reads a page."""

    def _parse(response) -> BeautifulSoup:
        return BeautifulSoup(response.content.decode(), "html.parser")

    return _parse
