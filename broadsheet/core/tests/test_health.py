"""/healthz keeps its short contract for the public; details only for the machine."""

import json

import pytest

from broadsheet.core import health

pytestmark = pytest.mark.django_db


def test_details_are_given_to_the_machine_itself(client):
    answer = client.get("/healthz?detail=1", REMOTE_ADDR="127.0.0.1")
    assert answer.status_code == 200
    report = json.loads(answer.content)
    assert report["ready"] is True
    assert set(report["parts"]) >= {"database", "disk", "page_store", "purges"}
    assert report["parts"]["purges"]["failed"] == 0
    assert report["parts"]["jobs"]["failed"] == 0


def test_a_reader_elsewhere_gets_the_short_answer_only(client):
    answer = client.get("/healthz?detail=1", REMOTE_ADDR="203.0.113.5")
    assert answer.content == b"ok\n"


def test_a_failing_probe_is_reported_without_its_message(client):
    def broken():
        raise OSError("/secret/path: permission denied")

    health.register("broken", broken)
    try:
        report = health.readiness()
    finally:
        del health._probes["broken"]
    assert report["broken"]["ok"] is False
    assert report["broken"]["error"] == "OSError"
    assert "secret" not in json.dumps(report)


def test_livez_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        answer = client.get("/livez")
    assert answer.content == b"ok\n"
