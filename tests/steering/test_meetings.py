"""Meetings: recording with attendance and an event, decisions, the attendance taken from
the event's check-in, and the pages with bounded queries."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.steering import services
from netzwerkstatt.steering.models import Decision, Meeting
from tests.factories import (
    EventFactory,
    FunctionFactory,
    InvitationFactory,
    NetworkFactory,
    NetworkMemberFactory,
    PersonFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 12)


def _meeting(scope, network, **fields):
    return services.meeting_create(
        scope=scope,
        network=network,
        title=fields.pop("title", "Netzwerktreffen Frühjahr"),
        held_on=fields.pop("held_on", DAY),
        **fields,
    )


def test_meeting_create_records_attendance_and_logs_counts_only(staff_scope, network, workspace):
    people = PersonFactory.create_batch(2, workspace=workspace)

    meeting = _meeting(
        staff_scope, network, agenda=" 1. Begrüßung ", minutes="Protokoll", attendees=people
    )

    assert meeting.agenda == "1. Begrüßung"
    assert set(meeting.attendees.all()) == set(people)
    assert meeting.created_by == staff_scope.user
    entry = ActivityEntry.objects.get(object_id=meeting.pk, action="created")
    assert entry.details == {"participants": 2}


def test_meeting_create_requires_title_and_date(staff_scope, network):
    with pytest.raises(ValidationError) as error:
        services.meeting_create(scope=staff_scope, network=network, title=" ", held_on=None)

    assert {"title", "held_on"} <= set(error.value.message_dict)


def test_meeting_create_refuses_event_of_another_workspace(staff_scope, network, other_workspace):
    foreign = EventFactory(workspace=other_workspace)

    with pytest.raises(ValidationError) as error:
        _meeting(staff_scope, network, event=foreign)

    assert "event" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_meeting_create_refuses_attendee_of_another_workspace(
    staff_scope, network, other_workspace
):
    with pytest.raises(ValidationError) as error:
        _meeting(staff_scope, network, attendees=[PersonFactory(workspace=other_workspace)])

    assert "attendees" in error.value.message_dict


def test_meeting_create_refuses_network_of_another_workspace(staff_scope, other_workspace):
    with pytest.raises(ValidationError):
        _meeting(staff_scope, NetworkFactory(workspace=other_workspace))


def test_meeting_services_closed_to_partners(partner_scope, staff_scope, network):
    with pytest.raises(PermissionDenied):
        _meeting(partner_scope, network)
    meeting = _meeting(staff_scope, network)
    with pytest.raises(PermissionDenied):
        services.decision_add(scope=partner_scope, meeting=meeting, text="Nein")
    with pytest.raises(PermissionDenied):
        services.meeting_delete(scope=partner_scope, meeting=meeting)


def test_meeting_update_logs_changed_field_names(staff_scope, network, workspace):
    meeting = _meeting(staff_scope, network)
    person = PersonFactory(workspace=workspace)

    services.meeting_update(
        scope=staff_scope,
        meeting=meeting,
        title="Netzwerktreffen Mai",
        minutes="Protokoll",
        held_on=DAY,
        attendees=[person],
    )

    meeting.refresh_from_db()
    assert meeting.title == "Netzwerktreffen Mai"
    assert list(meeting.attendees.all()) == [person]
    entry = ActivityEntry.objects.get(object_id=meeting.pk, action="updated")
    assert entry.details == {"fields": ["title", "minutes", "attendees"]}


def test_meeting_update_refuses_unknown_fields(staff_scope, network):
    meeting = _meeting(staff_scope, network)
    with pytest.raises(TypeError):
        services.meeting_update(scope=staff_scope, meeting=meeting, network=network)


def test_attendance_from_event_adds_only_checked_in_persons(staff_scope, network, workspace):
    event = EventFactory(workspace=workspace)
    there = InvitationFactory(event=event, checked_in_at=timezone.now())
    also_there = InvitationFactory(event=event, checked_in_at=timezone.now())
    InvitationFactory(event=event)  # invited, not checked in
    meeting = _meeting(staff_scope, network, event=event, attendees=[there.person])

    added = services.meeting_attendance_from_event(scope=staff_scope, meeting=meeting)

    assert added == 1
    assert set(meeting.attendees.all()) == {there.person, also_there.person}
    assert services.meeting_attendance_from_event(scope=staff_scope, meeting=meeting) == 0


def test_attendance_from_event_needs_an_event(staff_scope, network):
    meeting = _meeting(staff_scope, network)
    with pytest.raises(ValidationError):
        services.meeting_attendance_from_event(scope=staff_scope, meeting=meeting)


def test_decisions_keep_their_order_and_need_text(staff_scope, network):
    meeting = _meeting(staff_scope, network)
    first = services.decision_add(scope=staff_scope, meeting=meeting, text="Erster Beschluss")
    second = services.decision_add(scope=staff_scope, meeting=meeting, text="Zweiter Beschluss")

    assert list(meeting.decisions.all()) == [first, second]
    with pytest.raises(ValidationError) as error:
        services.decision_add(scope=staff_scope, meeting=meeting, text="  ")
    assert "text" in error.value.message_dict

    services.decision_delete(scope=staff_scope, decision=first)
    assert list(meeting.decisions.all()) == [second]


def test_meeting_delete_keeps_action_items(staff_scope, network):
    meeting = _meeting(staff_scope, network)
    services.decision_add(scope=staff_scope, meeting=meeting, text="Beschluss")
    item = services.action_item_create(
        scope=staff_scope, network=network, meeting=meeting, title="Einladung verschicken"
    )

    services.meeting_delete(scope=staff_scope, meeting=meeting)

    item.refresh_from_db()
    assert item.meeting is None
    assert not Decision.objects.exists()


# ------------------------------------------------------------------------------ views


def test_meeting_form_groups_attendees_by_member_organisation(staff_client, network, workspace):
    member = NetworkMemberFactory(network=network, organisation__name="IHK Lüneburg")
    works_there = FunctionFactory(workspace=workspace, organisation=member.organisation).person
    person_member = NetworkMemberFactory(network=network, as_person=True).person
    colleague = TeamMemberFactory(workspace=workspace).person

    response = staff_client.get(reverse("steering:meeting_create", args=[network.pk]))

    # The organisations by name, then members who are persons, then the team.
    groups = [
        (name, [pk for pk, _name in persons])
        for name, persons in response.context["form"].attendee_groups
    ]
    assert groups[0] == ("IHK Lüneburg", [works_there.pk])
    assert [persons for _name, persons in groups[1:]] == [[person_member.pk], [colleague.pk]]


def test_meeting_create_page_records_a_meeting(staff_client, network, workspace):
    person = PersonFactory(workspace=workspace)
    event = EventFactory(workspace=workspace)

    response = staff_client.post(
        reverse("steering:meeting_create", args=[network.pk]),
        {
            "title": "Netzwerktreffen",
            "held_on": "2026-03-12",
            "event": event.pk,
            "agenda": "Begrüßung",
            "minutes": "",
            "attendees": [person.pk],
        },
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response.url == meeting.get_absolute_url()
    assert meeting.event == event
    assert list(meeting.attendees.all()) == [person]


def test_meeting_create_page_refuses_a_foreign_event(staff_client, network, other_workspace):
    foreign = EventFactory(workspace=other_workspace)

    response = staff_client.post(
        reverse("steering:meeting_create", args=[network.pk]),
        {"title": "Netzwerktreffen", "held_on": "2026-03-12", "event": foreign.pk},
    )

    assert response.status_code == 200
    assert "event" in response.context["form"].errors
    assert not Meeting.objects.exists()


def test_meeting_pages_closed_to_partners(partner_client, staff_scope, network):
    meeting = _meeting(staff_scope, network)
    for url in (
        reverse("steering:meeting_list", args=[network.pk]),
        reverse("steering:meeting_detail", args=[meeting.pk]),
        reverse("steering:minutes_pdf", args=[network.pk]),
    ):
        assert partner_client.get(url).status_code == 403


def test_decision_create_with_htmx_returns_the_section(staff_client, staff_scope, network):
    meeting = _meeting(staff_scope, network)
    url = reverse("steering:decision_create", args=[meeting.pk])

    response = staff_client.post(
        url, {"text": "Wir treffen uns quartalsweise."}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert b'id="decisions"' in response.content
    assert "Wir treffen uns quartalsweise." in response.content.decode()
    empty = staff_client.post(url, {"text": ""}, HTTP_HX_REQUEST="true")
    assert empty.status_code == 400
    assert meeting.decisions.count() == 1


def test_meeting_list_queries_do_not_grow_with_rows(
    staff_client, staff_scope, network, workspace, django_assert_max_num_queries
):
    people = PersonFactory.create_batch(3, workspace=workspace)
    for day in range(8):
        meeting = _meeting(
            staff_scope, network, held_on=DAY + dt.timedelta(days=day), attendees=people
        )
        services.decision_add(scope=staff_scope, meeting=meeting, text="Beschluss")

    # session, user, membership, navigation; network; count; page of meetings.
    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("steering:meeting_list", args=[network.pk]))
    assert len(response.context["page"].object_list) == 8
    assert response.context["page"].object_list[0].attendee_count == 3


def test_meeting_detail_queries_do_not_grow_with_rows(
    staff_client, staff_scope, network, workspace, django_assert_max_num_queries
):
    people = PersonFactory.create_batch(5, workspace=workspace)
    meeting = _meeting(staff_scope, network, attendees=people)
    for number in range(5):
        services.decision_add(scope=staff_scope, meeting=meeting, text=f"Beschluss {number}")
        services.action_item_create(
            scope=staff_scope, network=network, meeting=meeting, title=f"Aufgabe {number}",
            owner=people[number],
        )  # fmt: skip

    # session, user, membership, navigation; meeting; attendees, decisions, action items.
    with django_assert_max_num_queries(9):
        response = staff_client.get(reverse("steering:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 200
    assert "Beschluss 4" in response.content.decode()


def test_attendance_from_event_page_reports_how_many(staff_client, staff_scope, network, workspace):
    event = EventFactory(workspace=workspace)
    InvitationFactory(event=event, checked_in_at=timezone.now())
    meeting = _meeting(staff_scope, network, event=event)

    response = staff_client.post(
        reverse("steering:meeting_attendance_from_event", args=[meeting.pk]), follow=True
    )

    assert response.status_code == 200
    assert meeting.attendees.count() == 1
