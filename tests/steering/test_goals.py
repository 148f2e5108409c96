"""Goals with indicators and progress: services, live values, pages and the XLSX export."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.steering.enums import IndicatorKind
from netzwerkstatt.steering.indicators import Status
from netzwerkstatt.steering.models import Goal, Meeting, ProgressEntry
from netzwerkstatt.steering.selectors import goals as selectors
from netzwerkstatt.steering.services import goals as services
from tests.factories import (
    FunctionFactory,
    NetworkFactory,
    NetworkMemberFactory,
    NetworkTopicFactory,
    OrganisationFactory,
    PersonFactory,
    TeamMemberFactory,
    TopicInterestFactory,
)

pytestmark = pytest.mark.django_db
EN = {"django_language": "en"}


def _goal(scope, network, **fields):
    values = {"title": "Zehn Betriebe aus dem Maschinenbau", "target_value": Decimal(10)}
    return services.goal_create(scope=scope, network=network, **(values | fields))


# ------------------------------------------------------------------------------ services


def test_goal_create_manual_records_activity(lead_scope, network):
    goal = _goal(lead_scope, network, unit="Betriebe", target_date=dt.date(2026, 12, 31))

    assert goal.indicator == IndicatorKind.MANUAL
    assert goal.indicator_filter == {}
    entry = ActivityEntry.objects.get(object_id=goal.pk, action="created")
    assert entry.details == {"network": network.pk}


def test_goal_create_member_organisations_normalises_parameters(staff_scope, network):
    goal = _goal(
        staff_scope,
        network,
        indicator=IndicatorKind.MEMBER_ORGANISATIONS,
        indicator_filter={"kind": "company", "sector": "c", "district": "  Landkreis  Gifhorn "},
    )

    assert goal.indicator_filter == {
        "kind": "company",
        "sector": "C",
        "district": "Landkreis Gifhorn",
    }


@pytest.mark.parametrize(
    ("kind", "parameters", "field"),
    [
        (IndicatorKind.MEMBER_ORGANISATIONS, {"sector": "04"}, "sector"),
        (IndicatorKind.MEMBER_ORGANISATIONS, {"kind": "castle"}, "kind"),
        (IndicatorKind.MEMBER_ORGANISATIONS, {"size_class": "huge"}, "size_class"),
        (IndicatorKind.TOPIC_COVERAGE, {}, "min_members"),
        (IndicatorKind.TOPIC_COVERAGE, {"min_members": 0}, "min_members"),
    ],
)
def test_goal_create_refuses_bad_parameters(lead_scope, network, kind, parameters, field):
    with pytest.raises(ValidationError) as error:
        _goal(lead_scope, network, indicator=kind, indicator_filter=parameters)

    assert field in error.value.message_dict
    assert not Goal.objects.exists()


def test_goal_create_drops_parameters_of_other_kinds(lead_scope, network):
    goal = _goal(
        lead_scope,
        network,
        indicator=IndicatorKind.MEETING_ATTENDANCE,
        indicator_filter={"sector": "28"},
    )

    assert goal.indicator_filter == {}


def test_goal_create_refuses_zero_target_and_empty_title(lead_scope, network):
    with pytest.raises(ValidationError) as error:
        _goal(lead_scope, network, title=" ", target_value=Decimal(0))

    assert {"title", "target_value"} & set(error.value.message_dict)


def test_goal_services_refuse_partners(partner_scope, lead_scope, network):
    with pytest.raises(PermissionDenied):
        _goal(partner_scope, network)
    goal = _goal(lead_scope, network)
    with pytest.raises(PermissionDenied):
        services.progress_entry_add(scope=partner_scope, goal=goal, value=Decimal(1))
    with pytest.raises(PermissionDenied):
        services.goal_delete(scope=partner_scope, goal=goal)


def test_goal_services_refuse_another_workspaces_network(lead_scope, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        _goal(lead_scope, foreign)


def test_goal_update_logs_changed_fields(lead_scope, network):
    goal = _goal(lead_scope, network)

    services.goal_update(scope=lead_scope, goal=goal, title="Zwölf Betriebe", target_value=12)

    entry = ActivityEntry.objects.get(object_id=goal.pk, action="updated")
    assert entry.details == {"fields": ["title", "target_value"]}


def test_progress_entry_add_needs_value_or_note(lead_scope, network):
    goal = _goal(lead_scope, network)

    with pytest.raises(ValidationError):
        services.progress_entry_add(scope=lead_scope, goal=goal)
    entry = services.progress_entry_add(scope=lead_scope, goal=goal, note="Gespräch mit der IHK")
    assert entry.value is None


def test_progress_entry_add_refuses_future_and_live_values(lead_scope, network):
    goal = _goal(lead_scope, network)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.progress_entry_add(scope=lead_scope, goal=goal, recorded_on=tomorrow, value=1)
    assert "recorded_on" in error.value.message_dict

    live = _goal(lead_scope, network, indicator=IndicatorKind.MEETING_ATTENDANCE)
    with pytest.raises(ValidationError):
        services.progress_entry_add(scope=lead_scope, goal=live, value=Decimal(3))


def test_goal_delete_takes_its_entries(lead_scope, network):
    goal = _goal(lead_scope, network)
    services.progress_entry_add(scope=lead_scope, goal=goal, value=Decimal(2))

    assert services.goal_delete(scope=lead_scope, goal=goal) == 1
    assert not ProgressEntry.objects.exists()


# --------------------------------------------------------------------------- live values


@pytest.fixture
def staffed_network(workspace, network):
    """Two topics; the team's organisation, one team person and two companies as members.

    Topic "Ausbildung": the team person, a colleague of the team, and two company
    members interested → 2 outside the staff. Topic "Digitalisierung": only the team
    organisation and one company → 1 outside the staff.
    """
    team_org = OrganisationFactory(workspace=workspace, kind="education_provider", sector="85")
    team_person = FunctionFactory(workspace=workspace, organisation=team_org).person
    TeamMemberFactory(workspace=workspace, person=team_person)
    colleague = FunctionFactory(workspace=workspace, organisation=team_org).person
    companies = [
        OrganisationFactory(workspace=workspace, sector="28", district="Landkreis Gifhorn"),
        OrganisationFactory(workspace=workspace, sector="25", district="Region Hannover"),
    ]
    members = {
        "team_org": NetworkMemberFactory(network=network, organisation=team_org),
        "team_person": NetworkMemberFactory(network=network, organisation=None, person=team_person),
        "colleague": NetworkMemberFactory(network=network, organisation=None, person=colleague),
        "a": NetworkMemberFactory(network=network, organisation=companies[0]),
        "b": NetworkMemberFactory(network=network, organisation=companies[1]),
        "left": NetworkMemberFactory(
            network=network,
            organisation=OrganisationFactory(workspace=workspace, sector="28"),
            left_on=dt.date(2020, 1, 1),
        ),
        "guest": NetworkMemberFactory(
            network=network, organisation=OrganisationFactory(workspace=workspace), role="guest"
        ),
    }
    training = NetworkTopicFactory(network=network, name="Ausbildung")
    digital = NetworkTopicFactory(network=network, name="Digitalisierung")
    for name in ("team_person", "colleague", "a", "b", "left"):
        TopicInterestFactory(topic=training, member=members[name], level=2)
    TopicInterestFactory(topic=digital, member=members["team_org"], level=3)
    TopicInterestFactory(topic=digital, member=members["a"], level=1)
    TopicInterestFactory(topic=digital, member=members["b"], level=0)
    return network


def _value(scope, goal):
    return selectors.goal_current_value(scope=scope, goal=goal, today=timezone.localdate())


def test_member_organisations_goal_counts_current_members(lead_scope, staffed_network):
    everyone = _goal(lead_scope, staffed_network, indicator=IndicatorKind.MEMBER_ORGANISATIONS)
    machines = _goal(
        lead_scope,
        staffed_network,
        indicator=IndicatorKind.MEMBER_ORGANISATIONS,
        indicator_filter={"sector": "28", "district": "Landkreis Gifhorn", "kind": "company"},
    )
    metal = _goal(
        lead_scope,
        staffed_network,
        indicator=IndicatorKind.MEMBER_ORGANISATIONS,
        indicator_filter={"sector": "C"},
    )

    # team organisation and two companies; the one who left and the guest do not count
    assert _value(lead_scope, everyone) == 3
    assert _value(lead_scope, machines) == 1
    assert _value(lead_scope, metal) == 2


def test_topic_coverage_goal_leaves_out_project_staff(lead_scope, staffed_network):
    two = _goal(
        lead_scope,
        staffed_network,
        indicator=IndicatorKind.TOPIC_COVERAGE,
        indicator_filter={"min_members": 2, "all_topics": True},
        target_value=Decimal(1),
    )
    one = _goal(
        lead_scope,
        staffed_network,
        indicator=IndicatorKind.TOPIC_COVERAGE,
        indicator_filter={"min_members": 1},
        target_value=Decimal(2),
    )

    assert _value(lead_scope, two) == 1
    assert _value(lead_scope, one) == 2
    item = selectors.goal_progress(scope=lead_scope, pk=two.pk)
    assert item.progress.target == 2  # every topic
    assert item.progress.percent == 50


def test_meeting_attendance_goal_averages_the_last_year(lead_scope, workspace, network):
    today = timezone.localdate()
    people = PersonFactory.create_batch(4, workspace=workspace)
    for days, count in ((10, 4), (100, 2), (200, 0), (500, 1)):
        meeting = Meeting.objects.create(
            workspace=workspace,
            network=network,
            title="Netzwerktreffen",
            held_on=today - dt.timedelta(days=days),
        )
        meeting.attendees.set(people[:count])
    Meeting.objects.create(  # planned, not held yet
        workspace=workspace, network=network, title="Geplant", held_on=today + dt.timedelta(days=5)
    )
    goal = _goal(lead_scope, network, indicator=IndicatorKind.MEETING_ATTENDANCE)

    assert _value(lead_scope, goal) == Decimal(3)


def test_snapshot_keeps_the_live_value(lead_scope, staffed_network):
    goal = _goal(lead_scope, staffed_network, indicator=IndicatorKind.MEMBER_ORGANISATIONS)

    entry = services.progress_snapshot_record(scope=lead_scope, goal=goal, note="nach dem Treffen")

    assert entry.value == 3
    assert entry.recorded_on == timezone.localdate()
    manual = _goal(lead_scope, staffed_network)
    with pytest.raises(ValidationError):
        services.progress_snapshot_record(scope=lead_scope, goal=manual)


def test_manual_goal_progress_takes_the_newest_value(lead_scope, network):
    today = timezone.localdate()
    goal = _goal(lead_scope, network, target_date=today + dt.timedelta(days=100))
    for days, value in ((100, 2), (1, 6), (50, None)):
        services.progress_entry_add(
            scope=lead_scope,
            goal=goal,
            recorded_on=today - dt.timedelta(days=days),
            value=None if value is None else Decimal(value),
            note="" if value is not None else "Zwischenstand",
        )

    item = selectors.goal_progress(scope=lead_scope, pk=goal.pk)

    assert item.progress.current == 6
    # from 2 (100 days ago) to 10 in 200 days: 6 expected today
    assert item.progress.expected == Decimal("6.00")
    assert item.progress.status == Status.ON_TRACK


# --------------------------------------------------------------------------------- pages


def test_goal_list_page_bounded_queries(
    client, lead, lead_scope, staffed_network, django_assert_max_num_queries
):
    client.force_login(lead)
    client.cookies.load(EN)
    for kind in IndicatorKind.values:
        parameters = {"min_members": 1} if kind == IndicatorKind.TOPIC_COVERAGE else {}
        for number in range(3):
            goal = _goal(
                lead_scope,
                staffed_network,
                title=f"Ziel {kind} {number}",
                indicator=kind,
                indicator_filter=parameters,
            )
            if kind == IndicatorKind.MANUAL:
                services.progress_entry_add(scope=lead_scope, goal=goal, value=Decimal(number))

    with django_assert_max_num_queries(16):
        response = client.get(reverse("steering:goal_list", args=[staffed_network.pk]))

    assert response.status_code == 200
    assert response.content.decode().count("/netzwerke/ziele/") >= 12


def test_goal_list_empty_state(client, lead, network):
    client.force_login(lead)
    client.cookies.load(EN)

    response = client.get(reverse("steering:goal_list", args=[network.pk]))

    assert "No goals yet." in response.content.decode()


def test_goal_create_page_saves_member_organisations_goal(client, lead, network):
    client.force_login(lead)
    response = client.post(
        reverse("steering:goal_create", args=[network.pk]),
        {
            "title": "Maschinenbau aus Gifhorn",
            "indicator": IndicatorKind.MEMBER_ORGANISATIONS,
            "target_value": "10",
            "unit": "Betriebe",
            "target_date": "2026-12-31",
            "kind": "company",
            "sector": "28",
            "district": "Landkreis Gifhorn",
            "size_class": "",
            "min_members": "5",
        },
    )

    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("steering:goal_detail", args=[goal.pk])
    assert goal.indicator_filter == {
        "kind": "company",
        "sector": "28",
        "district": "Landkreis Gifhorn",
    }


def test_goal_create_page_refresh_shows_parameters_without_saving(client, lead, network):
    client.force_login(lead)
    client.cookies.load(EN)

    response = client.post(
        reverse("steering:goal_create", args=[network.pk]),
        {"title": "", "indicator": IndicatorKind.TOPIC_COVERAGE, "refresh": "1"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="min_members"' in body
    assert 'name="sector"' not in body
    assert "errorlist" not in body
    assert not Goal.objects.exists()


def test_goal_create_page_shows_parameter_errors(client, lead, network):
    client.force_login(lead)
    client.cookies.load(EN)

    response = client.post(
        reverse("steering:goal_create", args=[network.pk]),
        {"title": "Themen", "indicator": IndicatorKind.TOPIC_COVERAGE, "target_value": "3"},
    )

    assert response.status_code == 200
    assert "members outside the project staff a topic needs" in response.content.decode()
    assert not Goal.objects.exists()


def test_goal_pages_are_the_teams(partner_client, lead_scope, network):
    goal = _goal(lead_scope, network)

    for url in (
        reverse("steering:goal_list", args=[network.pk]),
        reverse("steering:goal_detail", args=[goal.pk]),
        reverse("steering:goals_xlsx", args=[network.pk]),
    ):
        assert partner_client.get(url).status_code == 403


def test_goal_detail_records_progress_with_htmx(client, lead, lead_scope, network):
    client.force_login(lead)
    goal = _goal(lead_scope, network)

    response = client.post(
        reverse("steering:progress_entry_create", args=[goal.pk]),
        {
            "entry-recorded_on": timezone.localdate().isoformat(),
            "entry-value": "4",
            "entry-note": "",
        },
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert 'id="goal-progress"' in response.content.decode()
    assert ProgressEntry.objects.get().value == 4
    detail = client.get(reverse("steering:goal_detail", args=[goal.pk]))
    assert detail.status_code == 200


def test_goal_detail_snapshot_of_live_goal(client, lead, lead_scope, staffed_network):
    client.force_login(lead)
    goal = _goal(lead_scope, staffed_network, indicator=IndicatorKind.MEMBER_ORGANISATIONS)

    response = client.post(
        reverse("steering:progress_entry_create", args=[goal.pk]), {"entry-note": "Stand"}
    )

    assert response.status_code == 302
    assert ProgressEntry.objects.get().value == 3


def test_goal_and_entry_delete_pages(client, lead, lead_scope, network):
    client.force_login(lead)
    goal = _goal(lead_scope, network)
    entry = services.progress_entry_add(scope=lead_scope, goal=goal, value=Decimal(1))

    assert client.get(reverse("steering:progress_entry_delete", args=[entry.pk])).status_code == 200
    client.post(reverse("steering:progress_entry_delete", args=[entry.pk]))
    assert not ProgressEntry.objects.exists()
    response = client.post(reverse("steering:goal_delete", args=[goal.pk]))
    assert response.url == reverse("steering:goal_list", args=[network.pk])
    assert not Goal.objects.exists()


# -------------------------------------------------------------------------------- export


def test_goals_xlsx_reads_back_with_text_kept_as_text(client, lead, lead_scope, staffed_network):
    client.force_login(lead)
    client.cookies.load(EN)
    manual = _goal(lead_scope, staffed_network, title="=SUMME(A1:A9)", unit="Betriebe")
    services.progress_entry_add(
        scope=lead_scope,
        goal=manual,
        recorded_on=dt.date(2026, 1, 5),
        value=Decimal("2.5"),
        note="=HYPERLINK(1)",
    )
    _goal(
        lead_scope,
        staffed_network,
        title="Betriebe aus dem Maschinenbau",
        indicator=IndicatorKind.MEMBER_ORGANISATIONS,
        indicator_filter={"sector": "28"},
    )

    response = client.get(reverse("steering:goals_xlsx", args=[staffed_network.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(response.content))
    goals = list(workbook["Goals"].iter_rows(values_only=True))
    assert goals[0][:3] == ("Network", "Goal", "Description")
    by_title = {row[1]: row for row in goals[1:]}
    assert by_title["=SUMME(A1:A9)"][8] == 2.5
    assert by_title["=SUMME(A1:A9)"][5] == 10
    machines = by_title["Betriebe aus dem Maschinenbau"]
    assert machines[3] == "member organisations matching a filter"
    assert machines[4].startswith("sector: 28")
    assert machines[8] == 1
    assert machines[9] == 10
    cell = next(c for c in workbook["Goals"]["B"] if c.value == "=SUMME(A1:A9)")
    assert cell.data_type == "s"
    entries = list(workbook["Progress entries"].iter_rows(values_only=True))
    assert entries[1][0] == "=SUMME(A1:A9)"
    assert entries[1][2] == 2.5
    assert entries[1][3] == "=HYPERLINK(1)"
