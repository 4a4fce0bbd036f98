from django.apps import AppConfig


class TestingConfig(AppConfig):
    """Factories shared by tests, benchmarks and the demo content."""

    name = "broadsheet.testing"
    label = "testing"
