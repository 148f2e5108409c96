"""Event pages in Chromium: the check-in tablet page, the public registration, the programme."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import Invitation, ProgrammeItem
from tests.browser.conftest import browser_type_launch_args, log_in  # noqa: F401
from tests.factories import (
    EventFactory,
    FunctionFactory,
    InvitationFactory,
    MembershipFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting():
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    event = EventFactory(workspace=workspace, title="Netzwerke aufbauen", capacity=1)
    return workspace, user, event


def test_check_in_by_searching_and_one_tap(live_server, page, log_in, setting):  # noqa: F811
    workspace, user, event = setting
    mueller = FunctionFactory(
        workspace=workspace,
        person__first_name="Jörg",
        person__last_name="Müller",
        organisation__name="Handwerkskammer",
    ).person
    schulz = FunctionFactory(
        workspace=workspace, person__last_name="Schulz", organisation__name="IHK"
    ).person
    arrived = InvitationFactory(event=event, person=mueller, status=InvitationStatus.REGISTERED)
    InvitationFactory(event=event, person=schulz, status=InvitationStatus.REGISTERED)
    log_in(user)

    page.goto(f"{live_server.url}/veranstaltungen/{event.pk}/check-in/")
    page.locator("[data-checkin-search]").fill("mueller")

    expect(page.locator(f"#p{arrived.pk}")).to_be_visible()
    expect(page.locator(".checkin-row", has_text="Schulz")).to_be_hidden()
    page.locator(f"#p{arrived.pk} button").click()

    expect(page.locator(f"#p{arrived.pk}")).to_have_class("checkin-row is-present")
    expect(page.locator("#checkin-counts strong")).to_have_text("1")
    expect(page.locator("[data-checkin-search]")).to_have_value("")
    expect(page.locator(".checkin-row", has_text="Schulz")).to_be_visible()
    assert Invitation.objects.get(pk=arrived.pk).checked_in_at is not None

    page.locator(f"#p{arrived.pk} button").click()  # undo
    expect(page.locator("#checkin-counts strong")).to_have_text("0")


def test_register_with_consent_then_cancel_moves_the_waiting_list_up(live_server, page, setting):
    _workspace, _user, event = setting
    invitation = InvitationFactory(event=event, token="mein-link")
    waiting = InvitationFactory(
        event=event, status=InvitationStatus.WAITLISTED, registered_at=timezone.now()
    )

    page.goto(f"{live_server.url}/veranstaltungen/anmeldung/mein-link/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Netzwerke aufbauen")
    page.locator("input[name=answer][value=attend]").check()
    page.locator("input[name=dietary_notes]").fill("vegetarisch")
    page.locator("input[name=photo_consent]").check()
    page.locator("form button[type=submit]").first.click()

    expect(page.locator(".registration-status.is-registered")).to_be_visible()
    invitation.refresh_from_db()
    assert (invitation.status, invitation.photo_consent) == (InvitationStatus.REGISTERED, True)

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".cancel-form button").click()

    expect(page.locator(".registration-status.is-cancelled")).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.status == InvitationStatus.REGISTERED


def test_programme_item_added_and_edited_inline(live_server, page, log_in, setting):  # noqa: F811
    _workspace, user, event = setting
    log_in(user)

    page.goto(f"{live_server.url}/veranstaltungen/{event.pk}/")
    page.locator(".programme-add summary").click()
    page.locator("#new-item-starts").fill("10:00")
    page.locator("#new-item-ends").fill("10:45")
    page.locator("#new-item-title").fill("Impuls: Akquise mit Empfehlungen")
    page.locator(".programme-add button[type=submit]").click()

    expect(page.locator("#programme")).to_contain_text("Impuls: Akquise mit Empfehlungen")
    item = ProgrammeItem.objects.get()
    page.locator(f"#item-{item.pk} .programme-actions a").click()
    page.locator(f"#item-{item.pk}-room").fill("Saal 2")
    page.locator(f"#item-{item.pk} button[type=submit]").click()

    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Saal 2")
    assert page.url.endswith(f"/veranstaltungen/{event.pk}/")
