"""The address a request came from, trusting X-Forwarded-For only from proxies
the operator listed (BROADSHEET_TRUSTED_PROXIES), and the network it is kept as."""

from __future__ import annotations

import functools
import ipaddress

from django.conf import settings
from django.http import HttpRequest


@functools.cache
def _trusted(networks: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(network, strict=False) for network in networks)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in _trusted(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request: HttpRequest) -> str:
    """The connection's address; behind a listed proxy, the last address in
    X-Forwarded-For that is not itself a listed proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not forwarded or not _is_trusted(remote):
        return remote
    for hop in reversed(
        [part.strip() for part in forwarded.split(",") if part.strip()]
    ):
        if not _is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a forged or broken header: keep what we know
    return remote


def ip_prefix(address: str) -> str:
    """The network a reader posts from, not the address: IPv4 /24, IPv6 /48."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    length = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{length}", strict=False))
