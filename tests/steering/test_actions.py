"""Action items: states and done_at, validation, the overview with its filters and counts,
status changes with htmx, and the reminders on the personal "Heute" page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.steering import selectors, services
from netzwerkstatt.steering.enums import ActionStatus
from netzwerkstatt.steering.models import ActionItem
from netzwerkstatt.steering.views.actions import today_section
from tests.factories import MembershipFactory, NetworkFactory, PersonFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def me(workspace, staff):
    """The staff user's own person in the project team."""
    return TeamMemberFactory(workspace=workspace, user=staff).person


def _item(scope, network, **fields):
    return services.action_item_create(
        scope=scope, network=network, title=fields.pop("title", "Einladung verschicken"), **fields
    )


# ------------------------------------------------------------------------------ services


def test_action_item_starts_open_without_done_at(staff_scope, network):
    item = _item(staff_scope, network, description=" Bis Freitag ")

    assert item.status == ActionStatus.OPEN
    assert item.done_at is None
    assert item.description == "Bis Freitag"


def test_status_done_sets_done_at_and_reopening_clears_it(staff_scope, network):
    item = _item(staff_scope, network)

    services.action_item_set_status(scope=staff_scope, action_item=item, status="in_progress")
    assert item.done_at is None
    services.action_item_set_status(scope=staff_scope, action_item=item, status="done")
    done_at = item.done_at
    assert done_at is not None
    services.action_item_update(scope=staff_scope, action_item=item, title="Einladung versandt")
    assert item.done_at == done_at  # other changes keep the moment it was done
    services.action_item_set_status(scope=staff_scope, action_item=item, status="open")
    item.refresh_from_db()
    assert item.done_at is None
    services.action_item_set_status(scope=staff_scope, action_item=item, status="done")
    services.action_item_set_status(scope=staff_scope, action_item=item, status="dropped")
    item.refresh_from_db()
    assert (item.status, item.done_at) == (ActionStatus.DROPPED, None)


def test_created_done_item_gets_done_at(staff_scope, network):
    assert _item(staff_scope, network, status="done").done_at is not None


def test_unknown_status_is_refused(staff_scope, network):
    item = _item(staff_scope, network)
    with pytest.raises(ValidationError) as error:
        services.action_item_set_status(scope=staff_scope, action_item=item, status="vergessen")
    assert "status" in error.value.message_dict


def test_title_is_required(staff_scope, network):
    with pytest.raises(ValidationError) as error:
        _item(staff_scope, network, title="  ")
    assert "title" in error.value.message_dict


def test_owner_of_another_workspace_is_refused(staff_scope, network, other_workspace):
    with pytest.raises(ValidationError) as error:
        _item(staff_scope, network, owner=PersonFactory(workspace=other_workspace))
    assert "owner" in error.value.message_dict
    assert not ActionItem.objects.exists()


def test_meeting_of_another_network_is_refused(staff_scope, network, workspace):
    other = NetworkFactory(workspace=workspace)
    meeting = services.meeting_create(
        scope=staff_scope, network=other, title="Treffen", held_on=dt.date(2026, 3, 1)
    )
    with pytest.raises(ValidationError) as error:
        _item(staff_scope, network, meeting=meeting)
    assert "meeting" in error.value.message_dict


def test_network_of_another_workspace_is_refused(staff_scope, other_workspace):
    with pytest.raises(ValidationError):
        _item(staff_scope, NetworkFactory(workspace=other_workspace))


def test_action_services_closed_to_partners(partner_scope, staff_scope, network):
    with pytest.raises(PermissionDenied):
        _item(partner_scope, network)
    item = _item(staff_scope, network)
    with pytest.raises(PermissionDenied):
        services.action_item_set_status(scope=partner_scope, action_item=item, status="done")
    with pytest.raises(PermissionDenied):
        services.action_item_delete(scope=partner_scope, action_item=item)


def test_update_refuses_unknown_fields(staff_scope, network):
    item = _item(staff_scope, network)
    with pytest.raises(TypeError):
        services.action_item_update(scope=staff_scope, action_item=item, done_at=timezone.now())


# ------------------------------------------------------------------------ "Heute" hook


def test_reminders_hold_own_open_items_overdue_and_within_a_week(
    staff_scope, network, workspace, me, today
):
    overdue = _item(staff_scope, network, owner=me, due_on=today - dt.timedelta(days=2))
    due = _item(staff_scope, network, owner=me, due_on=today)
    week = _item(staff_scope, network, owner=me, due_on=today + dt.timedelta(days=7))
    _item(staff_scope, network, owner=me, due_on=today + dt.timedelta(days=8))  # later
    _item(staff_scope, network, owner=me)  # no due date
    _item(staff_scope, network, owner=me, due_on=today, status="done")
    _item(staff_scope, network, owner=me, due_on=today, status="dropped")
    colleague = TeamMemberFactory(
        workspace=workspace, user=MembershipFactory(workspace=workspace).user
    )
    _item(staff_scope, network, owner=colleague.person, due_on=today)
    _item(staff_scope, network, owner=PersonFactory(workspace=workspace), due_on=today)
    started = _item(staff_scope, network, owner=me, due_on=today, status="in_progress")

    reminders = selectors.action_reminders(scope=staff_scope, today=today)

    assert reminders.overdue == [overdue]
    assert reminders.upcoming == [due, started, week]


def test_today_section_is_none_without_team_person_or_items(staff_scope, network, me, today):
    assert today_section(scope=staff_scope) is None
    _item(staff_scope, network, owner=me, due_on=today)
    section = today_section(scope=staff_scope)
    assert section["template"] == "steering/_action_today.html"
    assert len(section["reminders"].upcoming) == 1
    assert today_section(scope=Scope.system(staff_scope.workspace)) is None


def test_today_section_ignores_the_same_user_s_person_in_another_workspace(
    staff, staff_scope, other_workspace, today
):
    MembershipFactory(workspace=other_workspace, user=staff)
    foreign_me = TeamMemberFactory(workspace=other_workspace, user=staff).person
    foreign_scope = Scope(workspace=other_workspace, role=Role.STAFF, user=staff)
    _item(foreign_scope, NetworkFactory(workspace=other_workspace), owner=foreign_me, due_on=today)

    assert today_section(scope=staff_scope) is None


def test_today_page_shows_own_items_and_marks_done_with_htmx(
    staff_client, staff_scope, network, me, today
):
    item = _item(staff_scope, network, owner=me, due_on=today - dt.timedelta(days=1))
    staff_client.cookies["django_language"] = "en"

    page = staff_client.get(reverse("acquisition:today"))

    body = page.content.decode()
    assert 'id="action-items-today"' in body
    assert "Einladung verschicken" in body
    assert "Nothing due – well done." not in body
    response = staff_client.post(
        reverse("steering:action_status", args=[item.pk]),
        {"status": "done", "row": "today"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert f'id="action-today-{item.pk}"' in response.content.decode()
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE
    assert item.done_at is not None


# ------------------------------------------------------------------------------ views


def test_action_list_filters_by_network_owner_and_status(
    staff_client, staff_scope, network, workspace, me, today
):
    other = NetworkFactory(workspace=workspace)
    mine = _item(staff_scope, network, owner=me, due_on=today - dt.timedelta(days=1))
    theirs = _item(staff_scope, other, title="Raum buchen")
    done = _item(staff_scope, network, owner=me, status="done")
    url = reverse("steering:action_list")

    def shown(query):
        return list(staff_client.get(url, query).context["page"].object_list)

    assert shown({}) == [mine, theirs]
    assert shown({"network": other.pk}) == [theirs]
    assert shown({"owner": me.pk, "status": "all"}) == [mine, done]
    assert shown({"status": "done"}) == [done]
    assert shown({"overdue": "on"}) == [mine]
    summary = staff_client.get(url).context["summary"]
    assert [(e.name, e.open, e.overdue) for e in summary["networks"]] == [
        (network.name, 1, 1),
        (other.name, 1, 0),
    ]


def test_action_list_queries_do_not_grow_with_rows(
    staff_client, staff_scope, network, workspace, today, django_assert_max_num_queries
):
    meeting = services.meeting_create(
        scope=staff_scope, network=network, title="Treffen", held_on=today
    )
    for days in range(-5, 10):
        _item(
            staff_scope, network, meeting=meeting, owner=PersonFactory(workspace=workspace),
            due_on=today + dt.timedelta(days=days),
        )  # fmt: skip

    # session, user, membership, navigation; networks, owners (filters); two counts by
    # network and owner; page count; page of items.
    with django_assert_max_num_queries(10):
        response = staff_client.get(reverse("steering:action_list"))
    assert len(response.context["page"].object_list) == 15


def test_status_change_with_htmx_returns_the_row(staff_client, staff_scope, network):
    item = _item(staff_scope, network)

    response = staff_client.post(
        reverse("steering:action_status", args=[item.pk]),
        {"status": "in_progress"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert f'id="action-{item.pk}"' in response.content.decode()
    item.refresh_from_db()
    assert item.status == ActionStatus.IN_PROGRESS
    bad = staff_client.post(
        reverse("steering:action_status", args=[item.pk]), {"status": "x"}, HTTP_HX_REQUEST="true"
    )
    assert bad.status_code == 400


def test_action_create_from_a_meeting_belongs_to_its_network(
    staff_client, staff_scope, network, me, today
):
    meeting = services.meeting_create(
        scope=staff_scope, network=network, title="Treffen", held_on=today
    )

    response = staff_client.post(
        reverse("steering:meeting_action_create", args=[meeting.pk]),
        {"title": "Protokoll verschicken", "owner": me.pk, "due_on": today.isoformat()},
    )

    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.network, item.meeting, item.owner) == (network, meeting, me)


def test_action_create_standalone_refuses_a_foreign_owner(staff_client, network, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    response = staff_client.post(
        reverse("steering:action_create"),
        {"network": network.pk, "title": "Raum buchen", "owner": foreign.pk},
    )

    assert response.status_code == 200
    assert "owner" in response.context["form"].errors
    assert not ActionItem.objects.exists()


def test_action_update_and_delete_pages(staff_client, staff_scope, network, me):
    item = _item(staff_scope, network)

    response = staff_client.post(
        reverse("steering:action_update", args=[item.pk]),
        {"title": "Raum buchen", "owner": me.pk, "status": "done", "description": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.owner, item.status) == ("Raum buchen", me, ActionStatus.DONE)
    assert item.done_at is not None

    assert staff_client.get(reverse("steering:action_delete", args=[item.pk])).status_code == 200
    staff_client.post(reverse("steering:action_delete", args=[item.pk]))
    assert not ActionItem.objects.exists()


def test_action_pages_closed_to_partners(partner_client, staff_scope, network):
    item = _item(staff_scope, network)
    assert partner_client.get(reverse("steering:action_list")).status_code == 403
    assert partner_client.get(reverse("steering:action_items_xlsx")).status_code == 403
    response = partner_client.post(
        reverse("steering:action_status", args=[item.pk]), {"status": "done"}
    )
    assert response.status_code == 403
