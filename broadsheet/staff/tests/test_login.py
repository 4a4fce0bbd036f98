"""Signing in with throttled failures, and password reset by mail (aiosmtpd)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.management import call_command
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from broadsheet.staff.roles import EDITORS
from broadsheet.testing.factories import StaffFactory
from broadsheet.testing.smtp import free_port, smtp_server, use_smtp

pytestmark = pytest.mark.django_db(transaction=True)
LOGIN = "/accounts/login/"
PASSWORD = "a long pass phrase"
HERE, ELSEWHERE = "203.0.113.5", "198.51.100.7"


@pytest.fixture
def editor(page_store):
    return StaffFactory(username="editor", email="editor@example.org", role=EDITORS)


def sign_in(client, username, password, ip):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_the_right_password_signs_in_and_a_wrong_one_is_refused(client, editor):
    wrong = sign_in(client, "editor", "not it", HERE)
    assert wrong.status_code == 400
    assert "correct username and password" in wrong.content.decode()
    right = sign_in(client, "editor", PASSWORD, HERE)
    assert right.status_code == 302 and right["Location"] == "/admin/"


def test_ten_failures_from_one_network_are_refused_with_429(client, parse, editor):
    for _ in range(10):
        assert sign_in(client, "editor", "guess", HERE).status_code == 400
    # Even the right password, from that network, must wait now.
    refused = sign_in(client, "editor", PASSWORD, "203.0.113.99")
    assert refused.status_code == 429
    # Ten in this window still count through the next one.
    assert 600 < int(refused["Retry-After"]) <= 1200
    page = parse(refused)
    assert "Too many attempts" in page.get_text()
    assert page.find("input", attrs={"name": "username"})["value"] == "editor"
    assert "_auth_user_id" not in client.session


def test_while_the_shared_store_is_away_failures_still_count(
    client, editor, page_store_away
):
    from broadsheet.staff import throttle

    # One failure through the page, nine more counted directly (each sign-in
    # hashes a password: slow on purpose).
    assert sign_in(client, "editor", "guess", HERE).status_code == 400
    for _ in range(9):
        throttle.record_failure(HERE, "editor")
    assert sign_in(client, "editor", PASSWORD, HERE).status_code == 429
    assert sign_in(client, "editor", PASSWORD, ELSEWHERE).status_code == 302


def test_guessing_an_editors_password_elsewhere_does_not_lock_them_out(client, editor):
    for _ in range(12):
        sign_in(client, "editor", "guess", ELSEWHERE)
    assert sign_in(client, "editor", PASSWORD, HERE).status_code == 302


def test_failures_for_many_accounts_from_one_network_add_up(client, editor):
    for number in range(10):
        sign_in(client, f"someone{number}", "guess", HERE)
    assert sign_in(client, "editor", PASSWORD, HERE).status_code == 429


def test_the_admin_signs_in_through_the_same_throttled_page(client, editor):
    for _ in range(10):
        client.post(
            "/admin/login/", {"username": "editor", "password": "x"}, REMOTE_ADDR=HERE
        )
    response = client.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD}, REMOTE_ADDR=HERE
    )
    assert response.status_code == 429


def run_worker() -> None:
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def test_a_password_reset_mail_gives_a_link_that_works_once(client, settings, editor):
    port = free_port()
    use_smtp(settings, port)
    response = client.post("/accounts/password-reset/", {"email": "editor@example.org"})
    assert response.status_code == 302
    with smtp_server(port) as inbox:
        run_worker()
    ((to,), content), *more = inbox.messages
    assert to == "editor@example.org" and not more
    link = re.search(r"/accounts/password-reset/\S+/\S+/", content)[0]
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = "another long pass phrase"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    assert sign_in(client, "editor", new, HERE).status_code == 302
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in again


def test_known_and_unknown_addresses_get_the_same_answer(client, settings, editor):
    port = free_port()
    use_smtp(settings, port)
    known = client.post("/accounts/password-reset/", {"email": "editor@example.org"})
    unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (
        unknown.status_code,
        unknown["Location"],
    )
    with smtp_server(port) as inbox:
        run_worker()
    assert [to for (to,), _ in inbox.messages] == ["editor@example.org"]


def test_a_reset_link_older_than_one_hour_no_longer_works(client, editor):
    class AnHourAgo(PasswordResetTokenGenerator):
        def _now(self):
            return datetime.now() - timedelta(hours=1, minutes=1)

    token = AnHourAgo().make_token(editor)
    uid = urlsafe_base64_encode(force_bytes(editor.pk))
    page = client.get(f"/accounts/password-reset/{uid}/{token}/", follow=True)
    assert "This link no longer works" in page.content.decode()


def test_a_bad_address_keeps_what_was_typed(client, parse, editor):
    response = client.post("/accounts/password-reset/", {"email": "not an address"})
    assert response.status_code == 400
    assert parse(response).find("input", attrs={"name": "email"})["value"] == (
        "not an address"
    )
