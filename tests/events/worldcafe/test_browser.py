"""The World-Café planning page in a browser: set up tables and topics, plan, note results.

The World-Café strings get their German words from the catalogue the editor
fills last, so this test reads the English source text (language cookie "en").
"""

import os

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.events.enums import InvitationStatus
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium
from tests.factories import (
    PASSWORD,
    EventFactory,
    FunctionFactory,
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("NETZWERKSTATT_SCREENSHOTS")  # a folder, to look at the pages


def _screenshot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_plan_a_world_cafe_and_note_results(live_server, page):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    event = EventFactory(workspace=workspace, title="Reflexionsworkshop Netzwerke")
    kinds = [OrganisationKind.COMPANY, OrganisationKind.CHAMBER, OrganisationKind.UNION]
    organisations = [
        OrganisationFactory(workspace=workspace, name=f"Organisation {n}", kind=kinds[n % 3])
        for n in range(6)
    ]
    for number in range(12):
        function = FunctionFactory(
            workspace=workspace,
            person__last_name=f"Teilnehmerin{number:02d}",
            organisation=organisations[number % 6],
        )
        InvitationFactory(
            event=event,
            person=function.person,
            status=InvitationStatus.REGISTERED,
            registered_at=timezone.now(),
        )
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    page.goto(f"{live_server.url}/veranstaltungen/{event.pk}/world-cafe/")
    expect(page.get_by_role("heading", level=1)).to_have_text("World Café")
    page.get_by_role("spinbutton", name="Number of tables").fill("4")
    page.get_by_role("button", name="Save tables and rounds").click()
    expect(page.locator(".messages")).to_contain_text("The settings have been saved.")

    for title in ("Akquise zum Projektstart", "Gemischte Gruppen", "Nachhaltige Netzwerke"):
        page.locator("#id_topic-title").fill(title)
        page.get_by_role("button", name="Add topic").click()
    page.get_by_role("button", name="Deal the topics to the tables").click()
    expect(page.get_by_label("Table 2, round 2")).to_have_value(
        page.get_by_label("Table 1, round 3").input_value()
    )

    page.get_by_role("button", name="Plan the tables").click()
    expect(page.get_by_role("heading", name="Quality of the plan")).to_be_visible()
    expect(page.locator("#plan")).to_contain_text("All kept")
    expect(page.locator(".wc-table")).to_have_count(12)
    _screenshot(page, "world-cafe")

    page.get_by_role("link", name="Results per table").click()
    card = page.locator("#round-1-table-2")
    card.get_by_label("Key points").fill("Früh Vertrauen aufbauen")
    card.get_by_role("button", name="Save key points").click()
    expect(page.locator("#round-1-table-2")).to_contain_text("Saved.")
    _screenshot(page, "world-cafe-results")
    page.reload()
    expect(page.locator("#round-1-table-2").get_by_label("Key points")).to_have_value(
        "Früh Vertrauen aufbauen"
    )
