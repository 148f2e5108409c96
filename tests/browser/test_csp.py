"""The app works under its Content Security Policy: the demo's lead walks through the main
pages and the browser refuses nothing.

The policy allows scripts, styles and images from our own origin only, with no inline
code and no eval. Every refusal shows up twice, as a console message ("Refused to …
because it violates the following Content Security Policy directive") and as a
`securitypolicyviolation` event, which an init script (injected by Playwright, outside
the page's policy) records; both must stay empty. The map and the charts must actually
be drawn, so a page that merely fails quietly does not pass either.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.demo.loader import DEMO_WORKSPACE_SLUG
from netzwerkstatt.demo.users import DEMO_PASSWORD, DEMO_USERS
from netzwerkstatt.events.models import Event, WorldCafe
from netzwerkstatt.network.loading import graph_cache_clear
from netzwerkstatt.steering.models import Network
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LEAD = DEMO_USERS[0]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def _refusal(text: str) -> bool:
    return "Content Security Policy" in text or "Refused to" in text


def _charts_drawn(page, minimum: int = 1) -> None:
    """At least `minimum` canvases that Chart.js has taken over."""
    page.wait_for_function(
        """minimum => {
            const canvases = [...document.querySelectorAll("canvas[data-chart]")];
            return window.Chart && canvases.filter(c => window.Chart.getChart(c)).length >= minimum;
        }""",
        arg=minimum,
        timeout=20_000,
    )


def test_main_pages_work_under_the_content_security_policy(live_server, page):
    call_command("load-demo", stdout=StringIO())
    call_command("network-metrics", workspace=DEMO_WORKSPACE_SLUG, stdout=StringIO())
    graph_cache_clear()
    refusals, errors = [], []
    page.on(
        "console",
        lambda message: (
            _refusal(message.text) and refusals.append(f"{page.url}: {message.text[:300]}")
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_VIOLATIONS)

    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(LEAD.email)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")

    def visit(url: str):
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__cspViolations")
        assert violations == [], (url, violations)
        return response

    # The start page with its chart of organisations by kind.
    visit("/")
    _charts_drawn(page)

    # Contacts: the lists, a search through htmx, a person's and a company's page.
    visit(reverse("contacts:person_list"))
    person = Person.objects.order_by("pk").first()
    search = page.get_by_role("searchbox").first
    with page.expect_response(lambda response: "personen" in response.url):
        search.fill(person.last_name)
    expect(page.locator("#results")).to_contain_text(person.last_name)
    visit(reverse("contacts:organisation_list"))
    visit(person.get_absolute_url())
    company = Organisation.objects.filter(kind=OrganisationKind.COMPANY).order_by("pk").first()
    visit(company.get_absolute_url())

    # The network map, drawn by Cytoscape on its canvases.
    visit(reverse("network:map"))
    canvas = page.locator("#map-canvas")
    expect(canvas).to_have_attribute("data-nodes", re.compile(r"^[1-9]\d*$"), timeout=60_000)
    expect(canvas.locator("canvas").first).to_be_attached()
    visit(reverse("network:health"))

    # Acquisition: the pipeline board, the figures with their charts, the Heute page.
    visit(reverse("acquisition:pipeline_board"))
    visit(reverse("acquisition:figures"))
    _charts_drawn(page, minimum=2)
    visit(reverse("acquisition:funder_report"))
    visit(reverse("acquisition:today"))

    # Events: the workshop with its World Café, documentation (photos) and check-in.
    event = WorldCafe.objects.select_related("event").order_by("pk").first().event
    visit(reverse("events:event_detail", args=[event.pk]))
    visit(reverse("events:world_cafe", args=[event.pk]))
    visit(reverse("events:event_documentation", args=[event.pk]))
    thumbnail = page.locator("img").first
    thumbnail.scroll_into_view_if_needed()
    expect(thumbnail).not_to_have_js_property("naturalWidth", 0)
    report_link = page.locator("a.report-link").get_attribute("href")
    response = page.goto(report_link)  # the public report, as anybody with the link sees it
    assert "script-src 'self'" in response.headers["content-security-policy"]
    photo = page.locator("section[aria-labelledby=photos-heading] img").first
    photo.scroll_into_view_if_needed()
    expect(photo).not_to_have_js_property("naturalWidth", 0)
    upcoming = Event.objects.order_by("-starts_at").first()
    visit(reverse("events:checkin", args=[upcoming.pk]))

    # Steering: a network's page and its dashboard with charts.
    network = Network.objects.order_by("pk").first()
    visit(reverse("steering:network_detail", args=[network.pk]))
    visit(reverse("steering:network_dashboard", args=[network.pk]))
    _charts_drawn(page)

    assert refusals == []
    assert errors == []
