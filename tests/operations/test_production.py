"""What several app servers behind a reverse proxy need from the production settings:
the client's real address (throttles, login lockout) and counts shared between processes."""

import json
import subprocess
import sys

import pytest
from django.test import RequestFactory

from netzwerkstatt.core.throttle import client_address

from .conftest import REPO


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_proxy_the_address_is_the_peers(settings):
    settings.NETZWERKSTATT_TRUSTED_PROXIES = 0
    # A client's own X-Forwarded-For counts for nothing.
    assert client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # nginx appended the address it saw; the client's own entry is ignored.
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        # A load balancer in front of nginx: two entries of ours.
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.5", "198.51.100.1"),
        # Fewer entries than proxies: the request did not come through them.
        (2, "198.51.100.1", "127.0.0.1"),
        (1, None, "127.0.0.1"),
    ],
)
def test_behind_trusted_proxies_the_address_comes_from_x_forwarded_for(
    settings, proxies, forwarded, expected
):
    settings.NETZWERKSTATT_TRUSTED_PROXIES = proxies
    assert client_address(request_from("127.0.0.1", forwarded)) == expected


def test_production_trusts_one_proxy_and_shares_the_cache_through_the_database():
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps([settings.NETZWERKSTATT_TRUSTED_PROXIES, "
        "settings.CACHES['default']['BACKEND']]))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            "DJANGO_SETTINGS_MODULE": "netzwerkstatt.settings.production",
            "SECRET_KEY": "test-key-" + "x" * 50,
            "PATH": "/usr/bin:/bin",
        },
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    proxies, cache = json.loads(completed.stdout.strip().splitlines()[-1])
    assert proxies == 1
    assert cache == "django.core.cache.backends.db.DatabaseCache"
