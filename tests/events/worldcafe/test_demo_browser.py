"""The demo in a browser: the project lead plans the workshop's World Café, then anybody
opens the public report.

The team's pages are read in English (language cookie "en"): their German words come
from the catalogue the editor fills last. The public report is opened as a visitor would,
in a fresh browser without login or cookie, and found by its sections and the demo's own
German words.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from netzwerkstatt.demo.events import content
from netzwerkstatt.demo.users import DEMO_PASSWORD, DEMO_USERS
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LEAD = DEMO_USERS[0]


def test_demo_lead_plans_the_world_cafe_and_anybody_reads_the_report(live_server, page, browser):
    call_command("load-demo", stdout=StringIO())
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(LEAD.email)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    page.goto(f"{live_server.url}/veranstaltungen/?when=past")
    page.get_by_role("link", name=content.TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(content.TITLE)
    event_url = page.url
    page.get_by_role("link", name="World Café", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("World Café")
    # The demo's results are recorded: planning again asks first, and goes ahead when told to.
    warnings = []
    page.once("dialog", lambda dialog: (warnings.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Plan again for the current participants").click()
    expect(page.locator(".messages")).to_contain_text("The tables have been planned.")
    expect(page.get_by_role("heading", name="Quality of the plan")).to_be_visible()
    assert "Key points are already recorded" in warnings[0]
    expect(page.locator("#plan")).to_contain_text("All kept")
    expect(page.locator(".wc-table")).to_have_count(content.ROUNDS * len(content.HOSTS))

    page.goto(event_url)
    page.get_by_role("link", name="Documentation and public report").click()
    report_link = page.locator("a.report-link").get_attribute("href")

    visitor = browser.new_context()
    report = visitor.new_page()
    report.goto(report_link)
    expect(report.get_by_role("heading", level=1)).to_have_text(content.TITLE)
    programme = report.locator("section[aria-labelledby=programme-heading]")
    for item in content.PROGRAMME:
        expect(programme).to_contain_text(item.title)
    results = report.locator("section[aria-labelledby=results-heading]")
    for topic in content.TOPICS:
        expect(results).to_contain_text(topic.title)
        expect(results).to_contain_text(topic.key_points[0][0])
    flip_chart = results.locator("img").first
    flip_chart.scroll_into_view_if_needed()  # thumbnails load lazily
    expect(flip_chart).not_to_have_js_property("naturalWidth", 0)
    expect(report.locator("section[aria-labelledby=photos-heading] img").first).to_be_visible()
    expect(report.get_by_role("link", name=content.TRAM_TALK.title).first).to_be_visible()
    visitor.close()
