import pytest

from broadsheet.moderation.models import Mode, ModerationPolicy
from broadsheet.moderation.roles import ensure_moderators_group
from broadsheet.pagecache.tests.conftest import (  # noqa: F401  (shared fixtures)
    make_layer,
    page_store,
    page_store_away,
    wsgi,
)
from broadsheet.testing.smtp import free_port, use_smtp


@pytest.fixture
def smtp_port(settings):
    """Mail goes to a real SMTP server on this port, once a test starts one."""
    port = free_port()
    use_smtp(settings, port)
    return port


@pytest.fixture
def moderators(django_user_model, page_store):  # noqa: F811  (the fixture)
    """Two moderators, Ines and Tomas; every comment is held, no rate limits."""
    ModerationPolicy.objects.update_or_create(
        pk=1,
        defaults={"mode": Mode.HOLD_ALL, "rate_per_network": 0, "rate_per_email": 0},
    )
    group = ensure_moderators_group()
    for name in ("ines", "tomas"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
