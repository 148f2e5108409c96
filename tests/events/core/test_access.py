"""Who may open the event pages: the team (lead and staff); partners see no event data;
another workspace's events, programme items and invitations do not exist here."""

import pytest
from django.urls import reverse

from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import Event, Invitation, ProgrammeItem
from tests.factories import EventFactory, InvitationFactory, ProgrammeItemFactory

# URL name → which object its id names ("" for pages without one).
ROUTES = {
    "events:event_list": "",
    "events:event_create": "",
    "events:event_detail": "event",
    "events:event_update": "event",
    "events:event_delete": "event",
    "events:event_ics": "event",
    "events:event_attendance_ties": "event",
    "events:event_programme": "event",
    "events:programme_item_create": "event",
    "events:programme_item_update": "item",
    "events:programme_item_delete": "item",
    "events:event_participants": "event",
    "events:participants_export": "event",
    "events:participants_pdf": "event",
    "events:invitation_add": "event",
    "events:invitation_links": "event",
    "events:invitation_update": "invitation",
    "events:invitation_link_renew": "invitation",
    "events:invitation_delete": "invitation",
    "events:checkin": "event",
    "events:invitation_check_in": "invitation",
}
MARKER = "FREMDMARKER"


def _objects(workspace, marker=""):
    event = EventFactory(workspace=workspace, title=f"{marker}Veranstaltung", place=marker)
    item = ProgrammeItemFactory(event=event, title=f"{marker}Programmpunkt")
    invitation = InvitationFactory(
        event=event,
        person__last_name=f"{marker}Person",
        status=InvitationStatus.REGISTERED,
        dietary_notes=marker,
    )
    return {"event": event, "item": item, "invitation": invitation}


def _url(name, objects) -> str:
    kind = ROUTES[name]
    return reverse(name, args=[objects[kind].pk]) if kind else reverse(name)


def _state(workspace):
    return {
        model.__name__: sorted(map(repr, model.objects.filter(workspace=workspace).values()))
        for model in (Event, ProgrammeItem, Invitation)
    }


@pytest.mark.parametrize("name", ROUTES)
def test_event_pages_are_closed_to_partners(partner_client, workspace, name):
    objects = _objects(workspace)
    before = _state(workspace)

    responses = [partner_client.get(_url(name, objects)), partner_client.post(_url(name, objects))]

    assert {response.status_code for response in responses} <= {403, 405}
    assert 403 in {response.status_code for response in responses}
    assert _state(workspace) == before


@pytest.mark.parametrize("name", ROUTES)
def test_event_pages_answer_staff(staff_client, workspace, name):
    objects = _objects(workspace)

    response = staff_client.get(_url(name, objects))

    assert response.status_code in {200, 405}


@pytest.mark.parametrize("name", [name for name, kind in ROUTES.items() if kind])
def test_event_pages_treat_foreign_ids_as_missing(lead_client, workspace, other_workspace, name):
    _objects(workspace)
    foreign = _objects(other_workspace, marker=MARKER)
    before = _state(other_workspace)

    responses = [
        lead_client.get(_url(name, foreign)),
        lead_client.post(_url(name, foreign), {"title": "übernommen", "answer": "attend"}),
    ]

    for response in responses:
        assert response.status_code in {404, 405}
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER.lower() not in body.decode("utf-8", "replace").lower()
    assert _state(other_workspace) == before


@pytest.mark.parametrize("name", [name for name, kind in ROUTES.items() if not kind])
def test_event_pages_never_show_foreign_rows(lead_client, other_workspace, name):
    _objects(other_workspace, marker=MARKER)

    response = lead_client.get(reverse(name), {"search": MARKER[:8].lower()})

    assert MARKER.lower() not in response.content.decode().lower()


def test_invite_page_never_offers_foreign_persons(lead_client, workspace, other_workspace):
    own = _objects(workspace)
    _objects(other_workspace, marker=MARKER)

    response = lead_client.get(_url("events:invitation_add", own), {"search": MARKER[:8].lower()})

    assert MARKER.lower() not in response.content.decode().lower()
    assert list(response.context["page"].object_list) == []


def test_navigation_shows_events_to_the_team_only(staff_client, partner, client):
    assert reverse("events:event_list") in staff_client.get(reverse("core:home")).content.decode()
    client.force_login(partner)
    assert reverse("events:event_list") not in client.get(reverse("core:home")).content.decode()


def test_anonymous_users_go_to_the_login(client, workspace):
    objects = _objects(workspace)

    response = client.get(_url("events:event_detail", objects))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
