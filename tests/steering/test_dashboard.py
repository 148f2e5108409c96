"""The steering dashboard: attendance, monthly activity and the health figures of just
this network's part of the relationship graph, on a constructed network."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.steering.enums import ActionStatus, IndicatorKind
from netzwerkstatt.steering.models import ActionItem, Meeting
from netzwerkstatt.steering.selectors import dashboard as selectors
from netzwerkstatt.steering.selectors.dashboard import month_starts
from netzwerkstatt.steering.services import goals as goal_services
from tests.factories import (
    FunctionFactory,
    NetworkMemberFactory,
    OrganisationFactory,
    PersonFactory,
    TeamMemberFactory,
    TieFactory,
)

pytestmark = pytest.mark.django_db
EN = {"django_language": "en"}


@pytest.fixture
def graph(workspace, network):
    """Member companies A, B, C (with pa, pb, pc working there), an empty member E and a
    person member pm; the team person t knows pa, pc and pm; pa knows pb and pd of a
    company outside the network. The tie t–pc is three years without contact."""
    today = timezone.localdate()
    orgs = {name: OrganisationFactory(workspace=workspace, name=name) for name in "ABCDE"}
    people = {}
    for name in ("pa", "pb", "pc", "pd"):
        people[name] = FunctionFactory(
            workspace=workspace,
            organisation=orgs[name[1].upper()],
            person__last_name=name,
        ).person
    people["pm"] = PersonFactory(workspace=workspace, last_name="pm")
    people["t"] = PersonFactory(workspace=workspace, last_name="t")
    TeamMemberFactory(workspace=workspace, person=people["t"])
    for name in "ABCE":
        NetworkMemberFactory(network=network, organisation=orgs[name])
    NetworkMemberFactory(network=network, organisation=None, person=people["pm"])
    for source, target, last_contact in (
        ("t", "pa", today),
        ("t", "pc", today - dt.timedelta(days=3 * 365)),
        ("pa", "pb", today),
        ("t", "pm", today),
        ("pa", "pd", today),
    ):
        TieFactory(
            workspace=workspace,
            source_person=people[source],
            target_person=people[target],
            last_contact=last_contact,
        )
    return {"orgs": orgs, "people": people}


def test_health_on_the_networks_subgraph(lead_scope, network, graph):
    health = selectors.network_health_figures(
        scope=lead_scope, network=network, today=timezone.localdate()
    )

    figures = health.figures
    assert (health.members, health.team) == (8, 1)  # A B C E pa pb pc pm; not D, pd
    people, orgs = graph["people"], graph["orgs"]
    assert figures["team_dependency"]["members"] == 7
    assert figures["team_dependency"]["share"] == pytest.approx(3 / 7)
    assert set(figures["team_dependency"]["cut_off"]) == {
        f"organisation:{orgs['C'].pk}",
        f"person:{people['pc'].pk}",
        f"person:{people['pm'].pk}",
    }
    assert figures["ties_only_via_team"]["nodes"] == [f"person:{people['pm'].pk}"]
    assert figures["stale_ties"]["count"] == 1
    assert figures["isolates"]["nodes"] == [f"organisation:{orgs['E'].pk}"]


def test_health_without_members_is_empty(lead_scope, network):
    health = selectors.network_health_figures(
        scope=lead_scope, network=network, today=timezone.localdate()
    )

    assert health.members == 0
    assert health.figures["team_dependency"]["share"] == 0


def test_monthly_activity_counts_meetings_and_closed_items(lead_scope, workspace, network):
    today = dt.date(2026, 6, 15)
    for held_on in (dt.date(2026, 6, 1), dt.date(2026, 6, 14), dt.date(2026, 2, 3)):
        Meeting.objects.create(workspace=workspace, network=network, title="T", held_on=held_on)
    Meeting.objects.create(  # before the year shown
        workspace=workspace, network=network, title="alt", held_on=dt.date(2025, 6, 30)
    )
    done = timezone.make_aware(dt.datetime(2026, 5, 20, 10))
    for status, done_at in (
        (ActionStatus.DONE, done),
        (ActionStatus.DONE, done),
        (ActionStatus.DROPPED, done),
        (ActionStatus.OPEN, None),
    ):
        ActionItem.objects.create(
            workspace=workspace, network=network, title="A", status=status, done_at=done_at
        )

    activity = selectors.monthly_activity(scope=lead_scope, network=network, today=today)

    assert [row.month for row in activity] == month_starts(today, 12)
    assert activity[0].month == dt.date(2025, 7, 1)
    by_month = {row.month: (row.meetings, row.closed) for row in activity}
    assert by_month[dt.date(2026, 6, 1)] == (2, 0)
    assert by_month[dt.date(2026, 5, 1)] == (0, 2)
    assert by_month[dt.date(2026, 2, 1)] == (1, 0)
    assert sum(row.meetings for row in activity) == 3


def test_attendance_trend_oldest_first(lead_scope, workspace, network):
    today = timezone.localdate()
    people = PersonFactory.create_batch(3, workspace=workspace)
    for days, count in ((30, 3), (60, 1)):
        meeting = Meeting.objects.create(
            workspace=workspace,
            network=network,
            title=f"vor {days}",
            held_on=today - dt.timedelta(days=days),
        )
        meeting.attendees.set(people[:count])

    trend = selectors.attendance_trend(scope=lead_scope, network=network, today=today)

    assert [(row.title, row.attendees) for row in trend] == [("vor 60", 1), ("vor 30", 3)]


def test_dashboard_page_bounded_queries(
    client, lead, lead_scope, workspace, network, graph, django_assert_max_num_queries
):
    client.force_login(lead)
    client.cookies.load(EN)
    today = timezone.localdate()
    for number in range(6):
        meeting = Meeting.objects.create(
            workspace=workspace,
            network=network,
            title=f"Treffen {number}",
            held_on=today - dt.timedelta(days=30 * number),
        )
        meeting.attendees.set([graph["people"]["pa"], graph["people"]["pb"]])
    for kind in IndicatorKind.values:
        goal_services.goal_create(
            scope=lead_scope,
            network=network,
            title=f"Ziel {kind}",
            indicator=kind,
            indicator_filter={"min_members": 1},
            target_value=Decimal(5),
        )
    url = reverse("steering:network_dashboard", args=[network.pk])
    client.get(url)  # the graph is built once per version and cached

    with django_assert_max_num_queries(22):
        response = client.get(url)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Steering dashboard" in body
    assert "43 %" in body  # team dependency 3 of 7
    attendance = json.loads(
        body.split('id="chart-attendance" type="application/json">')[1].split("</script>")[0]
    )
    assert attendance["type"] == "line"
    assert attendance["data"]["datasets"][0]["data"] == [2] * 6


def test_dashboard_is_the_teams(partner_client, network):
    response = partner_client.get(reverse("steering:network_dashboard", args=[network.pk]))

    assert response.status_code == 403


def test_dashboard_empty_network(client, lead, network):
    client.force_login(lead)
    client.cookies.load(EN)

    response = client.get(reverse("steering:network_dashboard", args=[network.pk]))

    body = response.content.decode()
    assert "No goals yet." in body
    assert "No meetings held yet." in body
    assert "The network has no current members yet." in body
