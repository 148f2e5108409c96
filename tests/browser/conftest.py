"""Browser tests drive Debian's chromium through Playwright against the live server."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# from the test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def log_in(live_server, page):
    """Log in through the login form, as a user would."""

    def log_in_as(user):
        page.goto(f"{live_server.url}/anmelden/")
        page.get_by_label("E-Mail-Adresse").fill(user.email)
        page.get_by_label("Passwort").fill("geheim-und-lang-genug")
        page.get_by_role("button", name="Anmelden").click()
        page.wait_for_url(f"{live_server.url}/")

    return log_in_as
