"""The health page in Chromium: a stale snapshot is recomputed in the background and
the page reloads itself with the new figures (htmx polling the status line)."""

import pytest
from playwright.sync_api import expect

from netzwerkstatt.network.metrics import metrics_compute

from .conftest import knows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_health_page_recomputes_in_the_background_and_reloads(
    live_server, page, log_in, lead, lead_scope, star
):
    metrics_compute(scope=lead_scope)
    knows(lead_scope, star.dietz, star.engel)  # Dietz no longer hangs on the team alone
    log_in(lead)

    page.goto(f"{live_server.url}/netzwerk/gesundheit/")

    # the old figures at first, while the status line polls …
    figure = page.locator("#figure-team_dependency .figure")
    status = page.locator("#health-status")
    assert figure.inner_text() == "33,3 %"
    # … until the new snapshot is there and the page has reloaded itself
    expect(figure).to_have_text("0,0 %", timeout=20_000)
    expect(status).not_to_have_attribute("hx-trigger", "every 3s")
    expect(page.locator("#todo-introductions")).to_have_count(0)
    page.get_by_role("link", name="Nord GmbH").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nord GmbH")
