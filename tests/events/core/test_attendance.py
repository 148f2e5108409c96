"""Attendance → ties: who sat at one World-Café table and was there has met."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.events import services
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import CafeTable, TableRound, WorldCafe
from netzwerkstatt.network.enums import Provenance, TieKind
from netzwerkstatt.network.models import Tie
from tests.factories import TeamMemberFactory, TieFactory


@pytest.fixture
def cafe(past_event, invite):
    """A World Café of two tables and two rounds; five present (a–e), f registered but absent.

    Round 1: table 1 a b c f, table 2 d e.  Round 2: table 1 a b, table 2 c d e.
    """
    workspace = past_event.workspace
    present = timezone.now() - dt.timedelta(days=7)
    people = {
        name: invite(
            name,
            event=past_event,
            status=InvitationStatus.REGISTERED,
            checked_in_at=None if name == "f" else present,
        )
        for name in "abcdef"
    }
    world_cafe = WorldCafe.objects.create(workspace=workspace, event=past_event, rounds=2)
    tables = [
        CafeTable.objects.create(workspace=workspace, world_cafe=world_cafe, number=n, capacity=4)
        for n in (1, 2)
    ]
    seating = {(1, 1): "abcf", (1, 2): "de", (2, 1): "ab", (2, 2): "cde"}
    for (round_number, table_number), names in seating.items():
        table_round = TableRound.objects.create(
            workspace=workspace, table=tables[table_number - 1], round=round_number
        )
        table_round.participants.set([people[name] for name in names])
    return {name: invitation.person for name, invitation in people.items()}


def _pairs(persons) -> dict[frozenset, int]:
    ids = {person.pk: name for name, person in persons.items()}
    return {
        frozenset((ids[tie.source_person_id], ids[tie.target_person_id])): tie.strength
        for tie in Tie.objects.filter(kind=TieKind.MET_AT_EVENT)
    }


def test_attendance_ties_pairs_at_one_table_only(scope, past_event, cafe):
    created = services.event_attendance_ties(scope=scope, event=past_event)

    pairs = _pairs(cafe)
    # a–b twice (strength 2); a–c, b–c, d–e (twice: 2), c–d, c–e; nobody with absent f.
    assert pairs == {
        frozenset("ab"): 2,
        frozenset("ac"): 1,
        frozenset("bc"): 1,
        frozenset("de"): 2,
        frozenset("cd"): 1,
        frozenset("ce"): 1,
    }
    assert created == 6


def test_attendance_ties_record_source_purpose_and_day(scope, past_event, cafe):
    services.event_attendance_ties(scope=scope, event=past_event)

    tie = Tie.objects.filter(kind=TieKind.MET_AT_EVENT).first()
    day = timezone.localdate(past_event.starts_at)
    assert tie.provenance == Provenance.EVENT
    assert tie.purpose == past_event.title
    assert (tie.last_contact, tie.since) == (day, day)
    assert tie.recorded_by == scope.user


def test_attendance_ties_are_idempotent(scope, past_event, cafe):
    services.event_attendance_ties(scope=scope, event=past_event)
    ties = sorted(Tie.objects.values_list("pk", "strength", "updated_at"))
    entries = ActivityEntry.objects.count()

    created = services.event_attendance_ties(scope=scope, event=past_event)

    assert created == 0
    assert sorted(Tie.objects.values_list("pk", "strength", "updated_at")) == ties
    assert ActivityEntry.objects.count() == entries


def test_attendance_ties_strengthen_an_existing_tie(scope, past_event, cafe):
    existing = TieFactory(
        workspace=past_event.workspace,
        kind=TieKind.MET_AT_EVENT,
        source_person=cafe["c"],
        target_person=cafe["d"],
        strength=1,
        last_contact=dt.date(2020, 1, 1),
    )

    created = services.event_attendance_ties(scope=scope, event=past_event)

    existing.refresh_from_db()
    assert created == 5
    assert existing.last_contact == timezone.localdate(past_event.starts_at)
    entry = ActivityEntry.objects.get(object_id=past_event.pk, details__has_key="ties_created")
    assert entry.details == {"ties_created": 5, "ties_strengthened": 1}


def test_attendance_marks_contact_with_the_team(scope, past_event, cafe):
    team = TeamMemberFactory(workspace=past_event.workspace).person
    knows = TieFactory(
        workspace=past_event.workspace,
        source_person=team,
        target_person=cafe["e"],
        last_contact=dt.date(2020, 1, 1),
    )
    absent = TieFactory(
        workspace=past_event.workspace,
        source_person=team,
        target_person=cafe["f"],
        last_contact=dt.date(2020, 1, 1),
    )

    services.event_attendance_ties(scope=scope, event=past_event)

    knows.refresh_from_db()
    absent.refresh_from_db()
    assert knows.last_contact == timezone.localdate(past_event.starts_at)
    assert absent.last_contact == dt.date(2020, 1, 1)


def test_attendance_ties_wait_until_the_event_has_ended(scope, event):
    with pytest.raises(ValidationError):
        services.event_attendance_ties(scope=scope, event=event)


def test_attendance_ties_without_world_cafe_create_nothing(scope, past_event):
    assert services.event_attendance_ties(scope=scope, event=past_event) == 0


def test_attendance_ties_closed_to_partners(partner_scope, past_event):
    with pytest.raises(PermissionDenied):
        services.event_attendance_ties(scope=partner_scope, event=past_event)


def test_attendance_ties_button_records_and_reports(staff_client, past_event, cafe):
    response = staff_client.post(
        reverse("events:event_attendance_ties", args=[past_event.pk]), follow=True
    )

    assert response.status_code == 200
    assert Tie.objects.filter(kind=TieKind.MET_AT_EVENT).count() == 6
    [message] = response.context["messages"]
    assert "6" in str(message)


def test_attendance_ties_button_before_the_end_changes_nothing(staff_client, event):
    response = staff_client.post(reverse("events:event_attendance_ties", args=[event.pk]))

    assert response.status_code == 302
    assert not Tie.objects.exists()
