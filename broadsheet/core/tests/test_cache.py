import os

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.skipif(
    not os.environ.get("CACHE_URL"),
    reason="CACHE_URL is not set: the shared Redis cache is not tested",
)


def test_the_configured_redis_cache_is_shared_between_clients(settings):
    import redis

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("broadsheet-test-key", "shared", timeout=30)
    other = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    assert any(
        b"broadsheet-test-key" in key for key in other.keys("*broadsheet-test-key*")
    )
    assert cache.get("broadsheet-test-key") == "shared"
    cache.delete("broadsheet-test-key")
