import pytest
from django.test import RequestFactory

from broadsheet.core import clients
from broadsheet.core.clients import client_ip


@pytest.fixture(autouse=True)
def _fresh(settings):
    clients._trusted.cache_clear()
    yield
    clients._trusted.cache_clear()


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/comments/post/", **extra)


def test_without_trusted_proxies_the_connection_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_behind_a_listed_proxy_the_last_untrusted_hop_is_the_client(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # A reader's forged first hop is ignored; the proxies' own hops are skipped.
    answer = client_ip(request("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3"))
    assert answer == "203.0.113.9"


def test_a_proxy_not_listed_is_not_believed(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request("192.0.2.50", "203.0.113.9")) == "192.0.2.50"


def test_a_broken_header_from_a_listed_proxy_keeps_the_connection(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "not-an-address")) == "127.0.0.1"
