"""Events and their programme: validation, ordering, logging."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.events import services
from netzwerkstatt.events.enums import EventKind, InvitationStatus
from netzwerkstatt.events.models import Event
from netzwerkstatt.events.selectors import programme_items
from tests.factories import BERLIN, PersonFactory, ProjectFactory


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2030, 5, day, hour, minute, tzinfo=BERLIN)


def test_event_create_records_creator_and_unguessable_report_token(scope):
    event = services.event_create(
        scope=scope,
        title="  Netzwerktreffen Nord ",
        starts_at=_at(12, 9),
        ends_at=_at(12, 16),
        kind=EventKind.NETWORK_MEETING,
        capacity=25,
    )

    assert event.title == "Netzwerktreffen Nord"
    assert event.created_by == scope.user
    assert len(event.report_token) >= 40
    assert ActivityEntry.objects.filter(object_id=event.pk, action="created").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ends_at": _at(12, 9)}, "ends_at"),  # ends when it starts
        ({"ends_at": _at(11, 9)}, "ends_at"),  # ends before it starts
        ({"capacity": 0}, "capacity"),
        ({"registration_deadline": _at(13, 9)}, "registration_deadline"),
        ({"online_link": "kein Link"}, "online_link"),
    ],
)
def test_event_create_refuses_invalid_values(scope, fields, field):
    values = {"title": "Workshop", "starts_at": _at(12, 9), "ends_at": _at(12, 16)} | fields

    with pytest.raises(ValidationError) as error:
        services.event_create(scope=scope, **values)

    assert field in error.value.message_dict
    assert not Event.objects.exists()


def test_event_create_refuses_another_workspaces_project(scope, other_workspace):
    foreign = ProjectFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.event_create(
            scope=scope, title="W", starts_at=_at(12, 9), ends_at=_at(12, 16), project=foreign
        )


def test_event_services_are_closed_to_partners(partner_scope, event):
    with pytest.raises(PermissionDenied):
        services.event_create(
            scope=partner_scope, title="W", starts_at=_at(1, 9), ends_at=_at(1, 10)
        )
    with pytest.raises(PermissionDenied):
        services.event_update(scope=partner_scope, event=event, title="X")
    with pytest.raises(PermissionDenied):
        services.event_delete(scope=partner_scope, event=event)


def test_event_update_logs_changed_fields_only(scope, event):
    services.event_update(scope=scope, event=event, title=event.title, place="Wolfsburg")

    entry = ActivityEntry.objects.get(object_id=event.pk, action="updated")
    assert entry.details == {"fields": ["place"]}


def test_event_update_without_changes_logs_nothing(scope, event):
    services.event_update(scope=scope, event=event, title=event.title)

    assert not ActivityEntry.objects.filter(action="updated").exists()


def test_event_update_more_places_moves_waiting_list_up(scope, event, invite):
    first, second = invite("a"), invite("b")
    waiting = [invite("c"), invite("d"), invite("e")]
    for invitation in (first, second, *waiting):
        services.registration_submit(invitation=invitation, attend=True)

    services.event_update(scope=scope, event=event, capacity=4)

    statuses = [invitation.status for invitation in _fresh(waiting)]
    assert statuses == [InvitationStatus.REGISTERED, InvitationStatus.REGISTERED, "waitlisted"]


def test_event_update_no_limit_moves_everyone_up(scope, event, invite):
    invitations = [invite(token) for token in "abcd"]
    for invitation in invitations:
        services.registration_submit(invitation=invitation, attend=True)

    services.event_update(scope=scope, event=event, capacity=None)

    assert {invitation.status for invitation in _fresh(invitations)} == {"registered"}


def test_event_delete_removes_invitations_and_logs_count(scope, event, invite):
    invite("a")
    invite("b")

    services.event_delete(scope=scope, event=event)

    assert not Event.objects.exists()
    entry = ActivityEntry.objects.get(action="deleted")
    assert entry.details == {"model": "events.invitation", "count": 2}


def _fresh(invitations):
    return [type(invitation).objects.get(pk=invitation.pk) for invitation in invitations]


# ------------------------------------------------------------------------------ programme


@pytest.fixture
def day_event(scope):
    return services.event_create(
        scope=scope, title="Workshop", starts_at=_at(12, 9), ends_at=_at(12, 16)
    )


def test_programme_items_come_in_order_of_time(scope, day_event):
    for hour, title in ((13, "World Café"), (9, "Begrüßung"), (10, "Impulsvortrag")):
        services.programme_item_create(
            scope=scope, event=day_event, starts_at=_at(12, hour), title=title
        )
    services.programme_item_create(
        scope=scope, event=day_event, starts_at=_at(12, 9), title="Kaffee"
    )

    titles = [item.title for item in programme_items(scope=scope, event=day_event)]

    assert titles == ["Begrüßung", "Kaffee", "Impulsvortrag", "World Café"]


def test_programme_item_keeps_speakers_of_the_workspace(scope, day_event, workspace):
    speaker = PersonFactory(workspace=workspace, last_name="Kundolf")

    item = services.programme_item_create(
        scope=scope,
        event=day_event,
        starts_at=_at(12, 10),
        ends_at=_at(12, 10, 45),
        title="Akquise im Projekt TraM",
        room="Saal 1",
        speakers=[speaker],
    )

    assert list(item.speakers.all()) == [speaker]


def test_programme_item_refuses_another_workspaces_speaker(scope, day_event, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.programme_item_create(
            scope=scope, event=day_event, starts_at=_at(12, 10), title="V", speakers=[foreign]
        )


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "field"),
    [
        (_at(12, 8), None, "starts_at"),  # before the event
        (_at(12, 17), None, "starts_at"),  # after the event
        (_at(12, 10), _at(12, 10), "ends_at"),  # ends when it starts
        (_at(12, 15), _at(12, 17), "ends_at"),  # ends after the event
    ],
)
def test_programme_item_must_lie_within_the_event(scope, day_event, starts_at, ends_at, field):
    with pytest.raises(ValidationError) as error:
        services.programme_item_create(
            scope=scope, event=day_event, starts_at=starts_at, ends_at=ends_at, title="V"
        )

    assert field in error.value.message_dict


def test_programme_item_update_changes_speakers_and_logs(scope, day_event, workspace):
    item = services.programme_item_create(
        scope=scope, event=day_event, starts_at=_at(12, 10), title="Vortrag"
    )
    speaker = PersonFactory(workspace=workspace)

    services.programme_item_update(scope=scope, item=item, speakers=[speaker], room="Raum 2")

    item.refresh_from_db()
    assert item.room == "Raum 2"
    assert list(item.speakers.all()) == [speaker]
    entry = ActivityEntry.objects.filter(object_id=item.pk, action="updated").get()
    assert entry.details == {"fields": ["room", "speakers"]}


def test_programme_item_delete(scope, day_event):
    item = services.programme_item_create(
        scope=scope, event=day_event, starts_at=_at(12, 10), title="Vortrag"
    )

    services.programme_item_delete(scope=scope, item=item)

    assert not day_event.programme.exists()


def test_event_has_ended_after_its_end(past_event, event):
    assert services.event_has_ended(past_event)
    assert not services.event_has_ended(event)
    assert services.event_has_ended(event, now=event.ends_at)
    assert not services.event_has_ended(event, now=timezone.now())
