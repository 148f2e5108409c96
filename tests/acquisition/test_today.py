"""The personal "Heute" page: follow-ups and next steps by when they are due, marking done."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from netzwerkstatt.acquisition import selectors, services
from netzwerkstatt.acquisition.enums import StageKind
from netzwerkstatt.acquisition.models import Activity
from tests.factories import ActivityFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def german(text: str) -> str:
    with translation.override("de"):
        return gettext(text)


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def today():
    return timezone.localdate()


def _follow_up(workspace, project, user, on, **fields):
    return ActivityFactory(
        workspace=workspace,
        project=project,
        organisation=OrganisationFactory(workspace=workspace),
        occurred_on=on - dt.timedelta(days=14),
        follow_up_on=on,
        follow_up_by=user,
        **fields,
    )


def _next_step(scope, project, on, **fields):
    return services.approach_create(
        scope=scope,
        project=project,
        organisation=OrganisationFactory(workspace=scope.workspace),
        next_step="Angebot schicken",
        next_step_on=on,
        **fields,
    )


def test_agenda_sorts_the_user_s_follow_ups_by_due_date(scope, workspace, project, lead, today):
    overdue = _follow_up(workspace, project, scope.user, today - dt.timedelta(days=3))
    due = _follow_up(workspace, project, scope.user, today)
    soon = _follow_up(workspace, project, scope.user, today + dt.timedelta(days=7))
    _follow_up(workspace, project, scope.user, today + dt.timedelta(days=8))  # too far ahead
    _follow_up(workspace, project, lead, today)  # someone else's
    _follow_up(workspace, project, scope.user, today, follow_up_done_at=timezone.now())

    agenda = selectors.agenda(scope=scope, today=today)

    assert (agenda.overdue, agenda.due_today, agenda.upcoming) == ([overdue], [due], [soon])
    assert not agenda.empty


def test_agenda_lists_next_steps_of_the_user_s_open_approaches(scope, project, lead, today):
    due = _next_step(scope, project, today - dt.timedelta(days=1))
    soon = _next_step(scope, project, today + dt.timedelta(days=2))
    _next_step(scope, project, today, owner=lead)  # someone else is responsible
    declined = _next_step(scope, project, today)
    stages = services.stages_ensure(scope=scope, project=project)
    services.approach_move(
        scope=scope,
        approach=declined,
        stage=next(stage for stage in stages if stage.kind == StageKind.DECLINED),
    )

    agenda = selectors.agenda(scope=scope, today=today)

    assert (agenda.steps_due, agenda.steps_upcoming) == ([due], [soon])


def test_today_page_shows_overdue_in_red_and_next_steps(
    staff_client, scope, workspace, project, staff, today
):
    overdue = _follow_up(workspace, project, staff, today - dt.timedelta(days=2))
    _next_step(scope, project, today)

    content = staff_client.get(reverse("acquisition:today")).content.decode()

    assert escape(overdue.organisation.name) in content  # "GmbH & Co. KG" is escaped
    assert 'class="overdue"' in content
    assert "Angebot schicken" in content
    assert german("Overdue follow-ups") in content
    assert german("Next steps due") in content


def test_today_page_empty_state(staff_client):
    content = staff_client.get(reverse("acquisition:today")).content.decode()

    assert german("Nothing due – well done.") in content


def test_today_page_closed_to_partners(partner_client):
    assert partner_client.get(reverse("acquisition:today")).status_code == 403


def test_today_page_queries_do_not_grow_with_rows(
    staff_client, scope, workspace, project, staff, today, django_assert_max_num_queries
):
    for days in range(-3, 8):
        _follow_up(workspace, project, staff, today + dt.timedelta(days=days))
        _next_step(scope, project, today + dt.timedelta(days=days))

    # session, user, membership, navigation memberships; follow-ups; next steps; the
    # other apps' sections (steering: the user's action items).
    with django_assert_max_num_queries(7):
        response = staff_client.get(reverse("acquisition:today"))
    assert len(response.context["agenda"].upcoming) == 7


def test_marking_done_with_htmx_returns_the_row_and_keeps_the_page(
    staff_client, workspace, project, staff, today
):
    activity = _follow_up(workspace, project, staff, today)
    url = reverse("acquisition:follow_up_done", args=[activity.pk])

    response = staff_client.post(url, headers={"HX-Request": "true"})

    activity.refresh_from_db()
    content = response.content.decode()
    assert response.status_code == 200
    assert activity.follow_up_done_at is not None
    assert content.lstrip().startswith(f'<tr id="follow-up-{activity.pk}" class="done">')
    assert "<html" not in content
    assert selectors.agenda(scope=_scope(workspace, staff), today=today).empty

    staff_client.post(url, {"done": "0"}, headers={"HX-Request": "true"})
    activity.refresh_from_db()
    assert activity.follow_up_done_at is None


def _scope(workspace, user):
    from netzwerkstatt.core.enums import Role
    from netzwerkstatt.core.scoping import Scope

    return Scope(workspace=workspace, role=Role.STAFF, user=user)


def test_marking_done_without_javascript_goes_back_to_today(
    staff_client, workspace, project, staff, today
):
    activity = _follow_up(workspace, project, staff, today)

    response = staff_client.post(reverse("acquisition:follow_up_done", args=[activity.pk]))

    assert response.status_code == 302
    assert response.url == reverse("acquisition:today")
    assert Activity.objects.get(pk=activity.pk).follow_up_done_at is not None


def test_marking_done_needs_a_follow_up(staff_client, workspace, project):
    activity = ActivityFactory(workspace=workspace, project=project)

    response = staff_client.post(
        reverse("acquisition:follow_up_done", args=[activity.pk]), headers={"HX-Request": "true"}
    )

    assert response.status_code == 400


def test_partners_cannot_mark_done(partner_client, workspace, project, lead, today):
    activity = _follow_up(workspace, project, lead, today)

    response = partner_client.post(reverse("acquisition:follow_up_done", args=[activity.pk]))

    assert response.status_code == 403
    assert Activity.objects.get(pk=activity.pk).follow_up_done_at is None


def test_start_page_shows_what_is_due_and_navigation_has_today(
    staff_client, workspace, project, staff, partner, today
):
    _follow_up(workspace, project, staff, today - dt.timedelta(days=1))

    response = staff_client.get(reverse("core:home"))

    [panel] = [
        p
        for p in response.context["panels"]
        if p["template"] == "acquisition/_activity_overview.html"
    ]
    assert (panel["overdue"], panel["due_today"], panel["steps_due"]) == (1, 0, 0)
    navigation = response.context["navigation"]
    [group] = [entry for entry in navigation if str(entry.label) == "Akquise"]
    assert reverse("acquisition:today") in [item.url for item in group.items]
    staff_client.force_login(partner)
    partner_home = staff_client.get(reverse("core:home")).content.decode()
    assert reverse("acquisition:today") not in partner_home
