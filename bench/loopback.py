"""One HTTP request from a chosen loopback address, for the benches."""

from __future__ import annotations

import http.client
import urllib.parse


def request(
    port: int,
    method: str,
    path: str,
    *,
    body: dict | None = None,
    headers: dict | None = None,
    source: str = "127.0.0.1",
) -> tuple[int | None, dict, str]:
    """One request on a new connection; (None, {}, error) if it failed."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=20, source_address=(source, 0)
    )
    data = urllib.parse.urlencode(body) if body is not None else None
    headers = dict(headers or {})
    if data is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=data, headers=headers)
        answer = connection.getresponse()
        text = answer.read().decode(errors="replace")
        return answer.status, dict(answer.getheaders()), text
    except (OSError, http.client.HTTPException) as error:
        return None, {}, repr(error)
    finally:
        connection.close()
