"""Security headers and cookies as production sends them.

The values come from `netzwerkstatt.settings.production` itself (imported with the
environment it requires), laid over the test settings, so a change there is what
these tests check.
"""

import importlib
import re
import secrets
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from netzwerkstatt.core.security import PDF_POLICY
from tests.factories import PASSWORD, EventFactory

# Everything production sets about HTTPS, headers and cookies.
PRODUCTION_NAMES = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "CSRF_COOKIE_NAME",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SAMESITE",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
]
REQUIRED_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


@pytest.fixture(scope="module")
def production():
    """The production module's values of PRODUCTION_NAMES."""
    names = ("netzwerkstatt.settings.base", "netzwerkstatt.settings.production")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECRET_KEY", secrets.token_urlsafe(50))
        patch.setenv("ALLOWED_HOSTS", "netzwerkstatt.example.org")
        for name in names:  # fresh copies, read with this environment; the old ones come back
            patch.delitem(sys.modules, name, raising=False)
        module = importlib.import_module("netzwerkstatt.settings.production")
    return {name: getattr(module, name) for name in PRODUCTION_NAMES}


@pytest.fixture
def production_settings(production):
    with override_settings(**production):
        yield


def policy_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response) -> None:
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "unsafe-hashes" not in policy
    directives = policy_directives(policy)
    for name, value in REQUIRED_DIRECTIVES.items():
        assert directives[name] == [value], name


def test_production_policy_allows_no_inline_code_and_no_eval(production):
    policy = production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    for name, value in REQUIRED_DIRECTIVES.items():
        assert policy[name] == [value], name
    for values in policy.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"} & set(values)


@pytest.mark.django_db
@pytest.mark.usefixtures("production_settings")
def test_login_page_sends_the_security_headers(client):
    response = client.get("/anmelden/", secure=True)

    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.usefixtures("production_settings")
def test_pages_of_a_signed_in_member_send_the_security_headers(staff_client):
    for url in ("/", "/kontakte/personen/", "/netzwerk/karte/"):
        response = staff_client.get(url, secure=True)

        assert response.status_code == 200, url
        assert_security_headers(response)


@pytest.mark.django_db
@pytest.mark.usefixtures("production_settings")
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/anmelden/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/anmelden/"


@pytest.mark.usefixtures("production_settings")
def test_session_and_csrf_cookies_are_secure(client, staff):
    page = client.get("/anmelden/", secure=True)
    csrf = page.cookies[settings.CSRF_COOKIE_NAME]
    response = client.post(
        "/anmelden/", {"username": staff.email, "password": PASSWORD}, secure=True
    )

    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert settings.SESSION_COOKIE_NAME.startswith("__Host-")
    assert settings.CSRF_COOKIE_NAME.startswith("__Host-")
    for cookie in (session, csrf):
        assert cookie["secure"] is True
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == "/"
        assert not cookie["domain"]  # required by the __Host- prefix
    assert session["httponly"] is True


@pytest.mark.usefixtures("production_settings")
def test_a_pdf_shown_in_the_browser_keeps_a_policy_chrome_can_show_it_under(
    staff_client, workspace
):
    """Chrome's PDF viewer is blank under object-src 'none' or a sandbox (crbug.com/271452)."""
    event = EventFactory(workspace=workspace)

    response = staff_client.get(reverse("events:participants_pdf", args=[event.pk]), secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == PDF_POLICY == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


# ------------------------------------------------------------- templates under the policy

INLINE_CODE = {
    "inline <script>": re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>"),
    "<style> element": re.compile(r"<style\b"),
    "style attribute": re.compile(r"<[a-zA-Z][^<>]*\sstyle\s*="),
    "event handler attribute": re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*="),
    "hx-on attribute": re.compile(r"\shx-on\b|\shx-on:"),
    "javascript: or js: code": re.compile(r"javascript:|[\"'{]\s*js:"),
}


def _page_templates() -> list[Path]:
    """Every HTML template of our apps except those WeasyPrint turns into PDFs."""
    root = Path(settings.BASE_DIR)
    templates = []
    for path in sorted(root.glob("*/templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        if "pdf" in path.name or 'extends "core/pdf_base.html"' in text:
            continue
        templates.append(path)
    return templates


def test_page_templates_hold_no_inline_code_or_styles():
    """The policy refuses inline scripts, styles and handlers; they belong in static files."""
    templates = _page_templates()
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {kind}"
        for path in templates
        for kind, pattern in INLINE_CODE.items()
        if pattern.search(re.sub(r"{#.*?#}", "", path.read_text(encoding="utf-8")))
    ]

    assert len(templates) > 100
    assert found == []
