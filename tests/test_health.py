"""What an operator asks a running site: is it alive, is it ready, what has it
done. /livez, /healthz?detail=1 and the metrics listener on loopback."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import free_port, start_server

pytestmark = pytest.mark.server


def _get(url: str, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _count(text: str, labels: str) -> float:
    match = re.search(rf"^broadsheet_requests_total\{{{labels}\}} (\S+)$", text, re.M)
    return float(match[1]) if match else 0.0


def _metric(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
    braces = re.escape(f"{{{wanted}}}") if wanted else ""
    pattern = rf"^{re.escape(name)}{braces} (\S+)$"
    match = re.search(pattern, text, re.M)
    assert match, f"{name}{{{wanted}}} not in the metrics:\n{text[:3000]}"
    return float(match[1])


def test_an_operator_sees_liveness_readiness_and_counts_across_workers(tmp_path):
    metrics_port = free_port()
    server = start_server(
        tmp_path / "data",
        env={"BROADSHEET_METRICS_ADDRESS": f"127.0.0.1:{metrics_port}"},
    )
    try:
        assert _get(server.url + "/livez") == (200, "ok\n")
        assert _get(server.url + "/healthz") == (200, "ok\n")
        status, text = _get(server.url + "/healthz?detail=1")
        assert status == 200
        detail = json.loads(text)
        assert detail["ready"] is True
        assert detail["parts"]["database"]["ok"] is True
        assert detail["parts"]["page_store"]["ok"] is True
        assert detail["parts"]["disk"]["free_bytes"] > 0
        # The background worker serve started renews its lease (its first
        # beat may come a moment after the site answers).
        for _ in range(100):
            worker = json.loads(_get(server.url + "/healthz?detail=1")[1])
            if worker["parts"]["worker"]["ok"]:
                break
            time.sleep(0.1)
        assert worker["parts"]["worker"]["heartbeat_age_seconds"] < 30
        # From elsewhere than the machine itself (the server's own address for
        # the outside world is not loopback here, so ask as a forwarded reader
        # through a front the site trusts): the short answer only.

        for _ in range(40):  # spread over both worker processes
            assert _get(server.url + "/")[0] == 200
        assert _get(server.url + "/no-such-page/")[0] == 404
        # Each process adds its counts once a second: poll, bounded.
        for _ in range(100):
            status, text = _get(f"http://127.0.0.1:{metrics_port}/metrics")
            if 'status="404"' in text and _count(text, 'status="200"') >= 40:
                break
            time.sleep(0.1)
        assert _metric(text, "broadsheet_requests_total", status="200") >= 40
        assert _metric(text, "broadsheet_requests_total", status="404") >= 1
        assert _metric(text, "broadsheet_page_cache_total", result="HIT") >= 38
        assert _metric(text, "broadsheet_ready", part="database") == 1
        assert _metric(text, "broadsheet_disk_free_bytes") > 0
        assert _metric(text, "broadsheet_jobs_failed") == 0
        assert _metric(text, "broadsheet_purges_failed") == 0
        assert _metric(text, "broadsheet_ready", part="worker") == 1
        # The public port has no metrics.
        assert _get(server.url + "/metrics")[0] == 404
    finally:
        server.stop()
