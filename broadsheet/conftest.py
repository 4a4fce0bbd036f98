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


@pytest.fixture
def parse():
    """Parse a response's HTML the way a test reads a page."""

    def _parse(response) -> BeautifulSoup:
        return BeautifulSoup(response.content.decode(), "html.parser")

    return _parse
