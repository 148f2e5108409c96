"""Calendar files: pure writing, and the event's and a participant's downloads."""

import datetime as dt

import icalendar
import pytest
from django.urls import reverse

from netzwerkstatt.events import ics, services
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import CafeTable, TableRound, Topic, WorldCafe
from tests.factories import BERLIN, EmailAddressFactory, ProgrammeItemFactory

STAMP = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)


def _entry(**changes) -> ics.CalendarEntry:
    values = {
        "uid": ics.event_uid(event_id=7, workspace_id=3),
        "title": "Reflexionsworkshop: Netzwerke aufbauen; Partner, Betriebe",
        "starts_at": dt.datetime(2026, 3, 29, 9, 30, tzinfo=BERLIN),  # the day clocks go forward
        "ends_at": dt.datetime(2026, 3, 29, 16, 0, tzinfo=BERLIN),
        "place": "VHS Gifhorn, Hauptstraße 12",
        "description": "Austausch\nWorld Café",
        "organiser": "Bildungsverein Nord",
    }
    return ics.CalendarEntry(**(values | changes))


def _event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.events
    return event


def test_calendar_file_round_trips_in_berlin_time():
    event = _event(ics.calendar_file(_entry(), stamp=STAMP))

    assert event.start == dt.datetime(2026, 3, 29, 9, 30, tzinfo=BERLIN)
    assert event.start.utcoffset() == dt.timedelta(hours=2)
    assert str(event.start.tzinfo) == "Europe/Berlin"
    assert event.end == dt.datetime(2026, 3, 29, 16, 0, tzinfo=BERLIN)
    assert event["SUMMARY"] == "Reflexionsworkshop: Netzwerke aufbauen; Partner, Betriebe"
    assert event["LOCATION"] == "VHS Gifhorn, Hauptstraße 12"
    assert event["DESCRIPTION"] == "Austausch\nWorld Café"
    assert event["CONTACT"] == "Bildungsverein Nord"


def test_calendar_file_carries_a_timezone_definition():
    calendar = icalendar.Calendar.from_ical(ics.calendar_file(_entry(), stamp=STAMP))

    assert [tz["TZID"] for tz in calendar.timezones] == ["Europe/Berlin"]
    assert calendar["METHOD"] == "PUBLISH"


def test_calendar_uid_is_stable_per_event():
    first = _event(ics.calendar_file(_entry(), stamp=STAMP))
    again = _event(ics.calendar_file(_entry(title="Neuer Titel"), stamp=STAMP + dt.timedelta(1)))
    other = _event(
        ics.calendar_file(_entry(uid=ics.event_uid(event_id=8, workspace_id=3)), stamp=STAMP)
    )

    assert first["UID"] == again["UID"] == "event-3-7@netzwerkstatt"
    assert other["UID"] != first["UID"]


def test_calendar_online_link_as_url_and_location():
    event = _event(
        ics.calendar_file(_entry(place="", online_link="https://meet.example/raum"), stamp=STAMP)
    )

    assert event["URL"] == "https://meet.example/raum"
    assert event["LOCATION"] == "https://meet.example/raum"


def test_calendar_attendee_with_email_only():
    entry = _entry(
        attendees=(ics.Attendee("Anke Berg", "berg@ihk.example"), ics.Attendee("Ohne Adresse"))
    )

    event = _event(ics.calendar_file(entry, stamp=STAMP))

    [attendee] = event.attendees
    assert str(attendee) == "mailto:berg@ihk.example"
    assert attendee.params["CN"] == "Anke Berg"


def test_calendar_refuses_naive_times():
    with pytest.raises(ValueError, match="timezone-aware"):
        ics.calendar_file(_entry(starts_at=dt.datetime(2026, 3, 29, 9)), stamp=STAMP)


# ------------------------------------------------------------------------------ views


def test_event_calendar_download_for_the_team(staff_client, event):
    ProgrammeItemFactory(event=event, title="Begrüßung")

    response = staff_client.get(reverse("events:event_ics", args=[event.pk]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar_event = _event(response.content)
    assert calendar_event["SUMMARY"] == event.title
    assert calendar_event.start == event.starts_at
    assert "Begrüßung" in calendar_event["DESCRIPTION"]
    assert calendar_event["UID"] == ics.event_uid(
        event_id=event.pk, workspace_id=event.workspace_id
    )


def test_participant_downloads_event_and_own_calendar(client, event, invite, workspace):
    invitation = invite("a")
    EmailAddressFactory(workspace=workspace, person=invitation.person, address="teil@firma.example")
    services.registration_submit(invitation=invitation, attend=True)

    general = client.get(reverse("events:registration_event_ics", args=["a"]))
    personal = client.get(reverse("events:registration_personal_ics", args=["a"]))

    assert general["Content-Type"] == personal["Content-Type"] == "text/calendar; charset=utf-8"
    general_event, personal_event = _event(general.content), _event(personal.content)
    assert general_event["UID"] == personal_event["UID"]
    assert not general_event.attendees
    assert [str(a) for a in personal_event.attendees] == ["mailto:teil@firma.example"]


def test_personal_calendar_names_the_world_cafe_tables(client, event, invite, workspace):
    invitation = invite("a", status=InvitationStatus.REGISTERED)
    cafe = WorldCafe.objects.create(workspace=workspace, event=event)
    table = CafeTable.objects.create(workspace=workspace, world_cafe=cafe, number=3, capacity=6)
    topic = Topic.objects.create(
        workspace=workspace, world_cafe=cafe, title="Nachhaltige Netzwerke"
    )
    table_round = TableRound.objects.create(workspace=workspace, table=table, round=1, topic=topic)
    table_round.participants.add(invitation)

    response = client.get(reverse("events:registration_personal_ics", args=["a"]))

    description = _event(response.content)["DESCRIPTION"]
    assert "Nachhaltige Netzwerke" in description
    assert "3" in description


@pytest.mark.parametrize("status", ["invited", "waitlisted", "declined", "cancelled"])
def test_calendar_downloads_only_for_registered(client, invite, status):
    invite("a", status=status)

    for name in ("events:registration_event_ics", "events:registration_personal_ics"):
        assert client.get(reverse(name, args=["a"])).status_code == 404
