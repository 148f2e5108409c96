"""Issue 6's "Done when" in a browser: a meeting is recorded with a decision and an action
item, and the item shows on its owner's "Heute" page, where it is marked done.

The steering strings get their German words from the catalogue filled last, so this test
reads the English source text (language cookie "en")."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from netzwerkstatt.steering.enums import ActionStatus
from netzwerkstatt.steering.models import ActionItem, Meeting
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    NetworkFactory,
    PersonFactory,
    TeamMemberFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TASK = "Protokoll an alle Mitglieder verschicken"


@pytest.fixture
def setting(live_server):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    TeamMemberFactory(
        workspace=workspace,
        person=PersonFactory(workspace=workspace, first_name="Jonas", last_name="Brandt"),
        user=user,
    )
    network = NetworkFactory(workspace=workspace, name="Fachkräftenetzwerk Gifhorn")
    return {"user": user, "network": network}


def test_meeting_with_action_item_reaches_the_owner_s_today_page(live_server, page, setting):
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(setting["user"].email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    today = timezone.localdate()

    # Record the meeting with its attendance.
    network = setting["network"]
    page.goto(f"{live_server.url}{reverse('steering:meeting_create', args=[network.pk])}")
    page.get_by_label("Title").fill("Netzwerktreffen Herbst")
    page.get_by_label("Date").fill(today.isoformat())
    page.get_by_label("Jonas Brandt").check()
    page.get_by_label("Minutes").fill("Wir haben die Ausbildungsmesse geplant.")
    page.get_by_role("button", name="Record meeting").click()
    meeting = Meeting.objects.get(network=network)
    expect(page).to_have_url(re.compile(rf"{re.escape(meeting.get_absolute_url())}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Netzwerktreffen Herbst")

    # A decision, added with htmx.
    page.get_by_label("New decision").fill("Die Messe findet im März statt.")
    page.get_by_role("button", name="Add decision").click()
    expect(page.locator("#decisions ol")).to_contain_text("Die Messe findet im März statt.")

    # An action item for the user's own person, due today.
    page.get_by_role("link", name="Add action item").click()
    page.get_by_label("Task").fill(TASK)
    page.get_by_label("Owner").select_option(label="Jonas Brandt")
    page.get_by_label("Due on").fill(today.isoformat())
    page.get_by_role("button", name="Add action item").click()
    expect(page.locator(".messages")).to_contain_text("The action item has been created.")
    expect(page.locator("#action-items")).to_contain_text(TASK)

    # The owner's "Heute" page lists it; marking it done there closes it.
    page.goto(f"{live_server.url}{reverse('acquisition:today')}")
    section = page.locator("#action-items-today")
    expect(section).to_contain_text(TASK)
    section.get_by_role("button", name="Mark as done").click()
    expect(section.get_by_role("status")).to_have_text("Done")
    item = ActionItem.objects.get(title=TASK)
    assert (item.status, item.meeting) == (ActionStatus.DONE, meeting)
    assert item.done_at is not None
    page.reload()
    expect(page.locator("#action-items-today")).to_have_count(0)
