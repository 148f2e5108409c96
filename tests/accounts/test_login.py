"""Sign-in throttling (django-axes) and the session key at sign-in."""

import re

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.urls import reverse

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from tests.factories import PASSWORD

LIMIT = settings.AXES_FAILURE_LIMIT
UNKNOWN = "niemand@example.org"


def _login(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password}, **extra)


def _page(response, email: str) -> str:
    """The page without what differs by design: CSRF tokens and the address typed in."""
    text = response.content.decode().replace(email, "EMAIL")
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", text)


def test_unknown_address_and_wrong_password_get_the_same_answer(client, staff):
    unknown = _login(client, UNKNOWN, "falsch-falsch")
    wrong = _login(client, staff.email, "falsch-falsch")

    assert unknown.status_code == wrong.status_code == 200
    assert unknown.context["form"].errors == wrong.context["form"].errors
    assert _page(unknown, UNKNOWN) == _page(wrong, staff.email)


def test_lockout_after_the_limit_looks_the_same_for_unknown_and_known_accounts(client, staff):
    for _attempt in range(LIMIT - 1):
        assert _login(client, UNKNOWN, "falsch").status_code == 200
        assert _login(client, staff.email, "falsch").status_code == 200

    unknown = _login(client, UNKNOWN, "falsch")
    known = _login(client, staff.email, "falsch")

    assert unknown.status_code == known.status_code == 429
    assert 'id="login-locked-out"' in known.content.decode()
    assert _page(unknown, UNKNOWN) == _page(known, staff.email)


def test_locked_account_cannot_sign_in_even_with_the_right_password(client, staff):
    for _attempt in range(LIMIT):
        _login(client, staff.email, "falsch")

    response = _login(client, staff.email, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_counts_the_address_however_it_is_written(client, staff):
    for _attempt in range(LIMIT):
        _login(client, staff.email.upper(), "falsch")

    assert _login(client, f" {staff.email} ", PASSWORD).status_code == 429


def test_lockout_holds_one_client_address_not_the_account_everywhere(client, staff):
    for _attempt in range(LIMIT):
        _login(client, staff.email, "falsch", REMOTE_ADDR="203.0.113.7")

    elsewhere = _login(client, staff.email, PASSWORD, REMOTE_ADDR="198.51.100.1")

    assert elsewhere.status_code == 302


def test_lockout_ends_after_the_cool_off(client, staff):
    for _attempt in range(LIMIT):
        _login(client, staff.email, "falsch")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    )

    assert _login(client, staff.email, PASSWORD).status_code == 302


def test_lockout_is_audited_once_with_the_account_id_only(client, staff):
    for _attempt in range(LIMIT + 3):
        _login(client, staff.email, "falsch")

    [entry] = AuditEntry.objects.filter(action=AuditAction.LOCKED_OUT)
    assert entry.actor_id == staff.pk
    assert entry.target_id == staff.pk
    assert staff.email not in str(entry.details)
    assert "127.0.0.1" not in str(entry.details)


def test_lockout_of_an_unknown_address_is_audited_without_it(client, db):
    for _attempt in range(LIMIT):
        _login(client, UNKNOWN, "falsch")

    [entry] = AuditEntry.objects.filter(action=AuditAction.LOCKED_OUT)
    assert entry.actor_id is None
    assert entry.target_id is None
    assert entry.details == {"known_account": False}


def test_sign_in_keeps_no_access_log_and_clears_the_failures(client, staff):
    _login(client, staff.email, "falsch")
    assert AccessAttempt.objects.count() == 1

    assert _login(client, staff.email, PASSWORD).status_code == 302

    assert AccessAttempt.objects.count() == 0
    assert AccessLog.objects.count() == 0


def test_stored_attempt_holds_no_password(client, staff):
    _login(client, staff.email, "geheimes-falsches-passwort")

    attempt = AccessAttempt.objects.get()
    assert "geheimes-falsches-passwort" not in attempt.post_data
    assert staff.email not in attempt.post_data


def test_sign_in_gives_the_session_a_new_key(client, staff):
    client.get(reverse("login"))
    client.session.save()  # an anonymous session exists before the sign-in
    before = client.session.session_key
    assert before

    response = _login(client, staff.email, PASSWORD)

    assert response.status_code == 302
    after = client.session.session_key
    assert after != before
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_sign_in_accepts_the_address_in_capitals(client, staff):
    assert _login(client, staff.email.upper(), PASSWORD).status_code == 302


def test_sign_in_follows_a_local_next_but_not_a_foreign_one(client, staff):
    local = client.post(
        reverse("login") + "?next=/kontakte/",
        {"username": staff.email, "password": PASSWORD, "next": "/kontakte/"},
    )
    client.logout()
    foreign = client.post(
        reverse("login"),
        {"username": staff.email, "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert local.url == "/kontakte/"
    assert foreign.url == reverse("core:home")


@pytest.mark.parametrize("path", ["/anmelden/", "/anmelden/code/"])
def test_login_pages_open_without_an_account(client, db, path):
    assert client.get(path).status_code in {200, 302}
