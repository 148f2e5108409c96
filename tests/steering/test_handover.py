"""Sustainability and handover: the overview, the services and the page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.network.enums import RecommendationOutcome, TieKind
from netzwerkstatt.network.models import Recommendation, Tie
from netzwerkstatt.steering import selectors, services
from netzwerkstatt.steering.models import Handover
from tests.factories import (
    FunctionFactory,
    NetworkFactory,
    NetworkMemberFactory,
    NetworkTopicFactory,
    PersonFactory,
    TeamMemberFactory,
    TieFactory,
    TopicInterestFactory,
)

HTMX = {"HX-Request": "true"}


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def handover_world(workspace, network, lead, today):
    """A network with a known answer.

    Staff: Sabine (current, linked to the lead), Lutz (leaves in a month).
    Kammer (member organisation, interested in Fachkräfte 3) with Karla working there;
    Paul (member person: Fachkräfte 2, Ausbildung 1), Petra (Ausbildung 2),
    Pia (Ausbildung 3). Ties: Sabine–Karla 5, Sabine–Paul 4, Paul–Petra 4.
    Karla depends on the staff alone; key relationships Sabine–Karla, Sabine–Paul;
    introductions: Karla–Paul 10, Petra–Pia 7, Paul–Pia 6.
    """
    person = {
        name: PersonFactory(workspace=workspace, first_name=name, last_name="Muster")
        for name in ("Sabine", "Lutz", "Karla", "Paul", "Petra", "Pia")
    }
    TeamMemberFactory(workspace=workspace, person=person["Sabine"], user=lead)
    TeamMemberFactory(
        workspace=workspace, person=person["Lutz"], until=today + dt.timedelta(days=30)
    )
    kammer = NetworkMemberFactory(network=network, organisation__name="IHK Lüneburg")
    FunctionFactory(workspace=workspace, person=person["Karla"], organisation=kammer.organisation)
    members = {
        name: NetworkMemberFactory(network=network, as_person=True, person=person[name])
        for name in ("Paul", "Petra", "Pia")
    }
    fachkraefte = NetworkTopicFactory(network=network, name="Fachkräfte")
    ausbildung = NetworkTopicFactory(network=network, name="Ausbildung")
    TopicInterestFactory(topic=fachkraefte, member=kammer, level=3)
    TopicInterestFactory(topic=fachkraefte, member=members["Paul"], level=2)
    TopicInterestFactory(topic=ausbildung, member=members["Paul"], level=1)
    TopicInterestFactory(topic=ausbildung, member=members["Petra"], level=2)
    TopicInterestFactory(topic=ausbildung, member=members["Pia"], level=3)
    TieFactory(
        workspace=workspace,
        source_person=person["Sabine"],
        target_person=person["Karla"],
        strength=5,
    )
    TieFactory(
        workspace=workspace,
        source_person=person["Sabine"],
        target_person=person["Paul"],
        strength=4,
    )
    TieFactory(
        workspace=workspace, source_person=person["Paul"], target_person=person["Petra"], strength=4
    )
    return person


def _names(persons):
    return [p.first_name for p in persons]


# ------------------------------------------------------------------------------ overview


def test_overview_finds_dependent_members_key_relationships_and_ranked_introductions(
    lead_scope, network, handover_world
):
    overview = selectors.handover_overview(scope=lead_scope, network=network)

    assert _names(overview.dependent) == ["Karla"]
    assert [(r.staff.first_name, r.member.first_name, r.status) for r in overview.rows] == [
        ("Sabine", "Karla", "open"),
        ("Sabine", "Paul", "open"),
    ]
    assert [
        (p.first.first_name, p.second.first_name, p.score, p.topics) for p in overview.proposals
    ] == [
        ("Karla", "Paul", 10, ["Fachkräfte"]),
        ("Petra", "Pia", 7, ["Ausbildung"]),
        ("Paul", "Pia", 6, ["Ausbildung"]),
    ]
    assert _names(overview.proposals[0].dependent) == ["Karla"]
    assert overview.member_count == 4
    assert "Lutz" not in _names(overview.successor_choices)
    assert "Sabine" in _names(overview.successor_choices)  # a colleague who stays


def test_overview_ignores_ended_functions_and_members_who_left(
    lead_scope, network, handover_world, today
):
    karla = handover_world["Karla"]
    karla.functions.update(end_date=today - dt.timedelta(days=1))
    network.members.filter(person=handover_world["Pia"]).update(
        left_on=today - dt.timedelta(days=1)
    )

    overview = selectors.handover_overview(scope=lead_scope, network=network)

    assert overview.dependent == []
    assert [(p.first.first_name, p.second.first_name) for p in overview.proposals] == []


def test_handover_status_follows_dates(today):
    planned = Handover(successor_id=1, introduce_on=today)
    overdue = Handover(successor_id=1, introduce_on=today - dt.timedelta(days=1))
    done = Handover(successor_id=1, introduce_on=today, introduced_on=today)

    assert selectors.handover_status(planned, today=today) == "planned"
    assert selectors.handover_status(overdue, today=today) == "overdue"
    assert selectors.handover_status(done, today=today) == "done"
    assert selectors.handover_status(Handover(), today=today) == "open"
    assert selectors.handover_status(None, today=today) == "open"


# ------------------------------------------------------------------------------ services


def test_plan_update_saves_successor_and_logs_field_names(
    lead_scope, network, handover_world, today
):
    services.network_handover_plan_update(
        scope=lead_scope,
        network=network,
        successor_coordinator=handover_world["Paul"],
        handover_on=today + dt.timedelta(days=90),
        handover_plan=" Paul lädt ein. ",
    )

    network.refresh_from_db()
    assert network.successor_coordinator == handover_world["Paul"]
    assert network.handover_plan == "Paul lädt ein."
    entry = ActivityEntry.objects.filter(object_id=network.pk).latest("pk")
    assert entry.details == {"fields": ["successor_coordinator", "handover_on", "handover_plan"]}


def test_plan_update_refuses_a_date_without_successor_and_staff_who_leave(
    lead_scope, network, handover_world, today
):
    with pytest.raises(ValidationError) as error:
        services.network_handover_plan_update(
            scope=lead_scope, network=network, successor_coordinator=None, handover_on=today
        )
    assert "successor_coordinator" in error.value.message_dict

    with pytest.raises(ValidationError) as error:
        services.network_handover_plan_update(
            scope=lead_scope,
            network=network,
            successor_coordinator=handover_world["Lutz"],
            handover_on=today + dt.timedelta(days=90),
        )
    assert "successor_coordinator" in error.value.message_dict

    with pytest.raises(ValidationError) as error:
        services.network_handover_plan_update(
            scope=lead_scope,
            network=network,
            successor_coordinator=handover_world["Paul"],
            handover_on=network.started_on - dt.timedelta(days=1),
        )
    assert "handover_on" in error.value.message_dict


def test_handover_save_creates_then_updates_one_row(lead_scope, network, handover_world, today):
    person = handover_world
    handover, created = services.handover_save(
        scope=lead_scope,
        network=network,
        staff=person["Sabine"],
        member=person["Karla"],
        successor=person["Paul"],
        introduce_on=today + dt.timedelta(days=14),
    )
    again, created_again = services.handover_save(
        scope=lead_scope,
        network=network,
        staff=person["Sabine"],
        member=person["Karla"],
        successor=person["Petra"],
        introduce_on=today + dt.timedelta(days=14),
    )

    assert created
    assert not created_again
    assert again.pk == handover.pk
    assert Handover.objects.get().successor == person["Petra"]


@pytest.mark.parametrize(
    ("successor", "field"),
    [("Sabine", "successor"), ("Karla", "successor"), ("Lutz", "successor")],
)
def test_handover_save_refuses_the_holder_the_member_and_leaving_staff(
    lead_scope, network, handover_world, today, successor, field
):
    with pytest.raises(ValidationError) as error:
        services.handover_save(
            scope=lead_scope,
            network=network,
            staff=handover_world["Sabine"],
            member=handover_world["Karla"],
            successor=handover_world[successor],
            introduce_on=today + dt.timedelta(days=60),
        )

    assert field in error.value.message_dict
    assert not Handover.objects.exists()


def test_handover_save_refuses_a_date_without_successor_and_members_outside(
    lead_scope, network, handover_world, workspace, today
):
    with pytest.raises(ValidationError) as error:
        services.handover_save(
            scope=lead_scope,
            network=network,
            staff=handover_world["Sabine"],
            member=handover_world["Karla"],
            introduce_on=today,
        )
    assert "successor" in error.value.message_dict

    with pytest.raises(ValidationError) as error:
        services.handover_save(
            scope=lead_scope,
            network=network,
            staff=handover_world["Sabine"],
            member=PersonFactory(workspace=workspace),
        )
    assert "member" in error.value.message_dict


def test_handover_introduced_marks_done_and_records_the_tie(
    lead_scope, network, handover_world, today
):
    person = handover_world
    handover, _ = services.handover_save(
        scope=lead_scope,
        network=network,
        staff=person["Sabine"],
        member=person["Karla"],
        successor=person["Pia"],
        introduce_on=today,
    )

    with pytest.raises(ValidationError):
        services.handover_introduced(
            scope=lead_scope, handover=handover, introduced_on=today + dt.timedelta(days=1)
        )
    services.handover_introduced(scope=lead_scope, handover=handover, introduced_on=today)

    handover.refresh_from_db()
    assert handover.introduced_on == today
    tie = Tie.objects.get(kind=TieKind.KNOWS, strength=2)
    assert {tie.source_person, tie.target_person} == {person["Pia"], person["Karla"]}
    overview = selectors.handover_overview(scope=lead_scope, network=network)
    assert [r.status for r in overview.rows if r.handover] == ["done"]


def test_introduction_record_is_an_open_recommendation_and_leaves_the_proposals(
    lead_scope, network, handover_world, today
):
    person = handover_world
    recommendation = services.introduction_record(
        scope=lead_scope,
        network=network,
        first=person["Karla"],
        second=person["Paul"],
        introducer=person["Sabine"],
        on=today,
    )

    assert recommendation.outcome == RecommendationOutcome.OPEN
    assert recommendation.recommender == person["Sabine"]
    overview = selectors.handover_overview(scope=lead_scope, network=network)
    assert overview.planned == [recommendation]
    assert ("Karla", "Paul") not in [
        (p.first.first_name, p.second.first_name) for p in overview.proposals
    ]
    with pytest.raises(ValidationError):
        services.introduction_record(
            scope=lead_scope,
            network=network,
            first=person["Paul"],
            second=person["Karla"],
            introducer=person["Sabine"],
            on=today,
        )


def test_introduction_record_refuses_staff_and_tied_pairs(
    lead_scope, network, handover_world, today
):
    person = handover_world
    with pytest.raises(ValidationError) as error:
        services.introduction_record(
            scope=lead_scope,
            network=network,
            first=person["Sabine"],
            second=person["Paul"],
            introducer=person["Sabine"],
            on=today,
        )
    assert "first" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.introduction_record(
            scope=lead_scope,
            network=network,
            first=person["Paul"],
            second=person["Petra"],
            introducer=person["Sabine"],
            on=today,
        )
    assert not Recommendation.objects.exists()


def test_services_refuse_partners(partner_scope, network, handover_world, today):
    with pytest.raises(PermissionDenied):
        services.network_handover_plan_update(
            scope=partner_scope, network=network, successor_coordinator=None, handover_on=None
        )
    with pytest.raises(PermissionDenied):
        services.handover_save(
            scope=partner_scope,
            network=network,
            staff=handover_world["Sabine"],
            member=handover_world["Karla"],
        )


def test_services_refuse_another_workspaces_network(lead_scope, other_workspace, handover_world):
    foreign = NetworkFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.network_handover_plan_update(
            scope=lead_scope, network=foreign, successor_coordinator=None, handover_on=None
        )
    with pytest.raises(ValidationError):
        services.handover_save(
            scope=lead_scope,
            network=foreign,
            staff=handover_world["Sabine"],
            member=handover_world["Karla"],
        )


# --------------------------------------------------------------------------------- views


def _url(name, network):
    return reverse(f"steering:{name}", args=[network.pk])


def test_page_lists_dependents_handovers_and_proposals_in_bounded_queries(
    lead_client, network, handover_world, workspace, django_assert_max_num_queries
):
    lead_client.cookies["django_language"] = "en"
    with django_assert_max_num_queries(15) as counted:
        response = lead_client.get(_url("network_handover", network))
    baseline = len(counted.captured_queries)

    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Sustainability & handover</h1>" in body
    assert "Karla Muster" in body
    assert "Fachkräfte" in body
    assert f'href="{_url("network_detail", network)}"' in body  # back to the hub and its tabs
    # More members, topics and ties: the same number of queries.
    topic = network.topics.get(name="Ausbildung")
    for index in range(8):
        member = NetworkMemberFactory(network=network, as_person=True)
        TopicInterestFactory(topic=topic, member=member, level=1 + index % 3)
        TieFactory(
            workspace=workspace,
            source_person=handover_world["Sabine"],
            target_person=member.person,
            strength=4,
        )
    with django_assert_max_num_queries(baseline):
        lead_client.get(_url("network_handover", network))


def test_page_is_refused_to_partners(partner_client, network):
    assert partner_client.get(_url("network_handover", network)).status_code == 403


def test_page_of_another_workspaces_network_is_not_found(lead_client, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)

    assert lead_client.get(_url("network_handover", foreign)).status_code == 404


def test_plan_post_answers_with_the_section(lead_client, network, handover_world, today):
    lead_client.cookies["django_language"] = "en"
    response = lead_client.post(
        _url("network_handover_plan", network),
        {
            "plan-successor_coordinator": handover_world["Pia"].pk,
            "plan-handover_on": (today + dt.timedelta(days=30)).isoformat(),
            "plan-handover_plan": "Pia übernimmt.",
        },
        headers=HTMX,
    )

    assert response.status_code == 200
    assert "The coordination plan has been saved." in response.content.decode()
    network.refresh_from_db()
    assert network.successor_coordinator == handover_world["Pia"]


def test_plan_post_shows_the_services_error(lead_client, network, handover_world, today):
    lead_client.cookies["django_language"] = "en"
    response = lead_client.post(
        _url("network_handover_plan", network),
        {"plan-handover_on": today.isoformat()},
        headers=HTMX,
    )

    assert "Name who takes over the coordination" in response.content.decode()
    network.refresh_from_db()
    assert network.handover_on is None


def test_handover_post_saves_the_row_and_done_marks_it(lead_client, network, handover_world, today):
    person = handover_world
    prefix = f"h{person['Sabine'].pk}-{person['Karla'].pk}"
    response = lead_client.post(
        _url("handover_save", network),
        {
            "prefix": prefix,
            f"{prefix}-staff": person["Sabine"].pk,
            f"{prefix}-member": person["Karla"].pk,
            f"{prefix}-successor": person["Paul"].pk,
            f"{prefix}-introduce_on": today.isoformat(),
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    handover = Handover.objects.get()
    assert handover.successor == person["Paul"]

    response = lead_client.post(
        reverse("steering:handover_done", args=[handover.pk]),
        {"done-introduced_on": today.isoformat()},
    )

    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.introduced_on == today


def test_handover_post_with_the_holder_as_successor_shows_the_error(
    lead_client, network, handover_world, today
):
    lead_client.cookies["django_language"] = "en"
    person = handover_world
    prefix = f"h{person['Sabine'].pk}-{person['Karla'].pk}"
    response = lead_client.post(
        _url("handover_save", network),
        {
            "prefix": prefix,
            f"{prefix}-staff": person["Sabine"].pk,
            f"{prefix}-member": person["Karla"].pk,
            f"{prefix}-successor": person["Sabine"].pk,
        },
        headers=HTMX,
    )

    assert "someone other than the staff member" in response.content.decode()
    assert not Handover.objects.exists()


def test_introduction_post_records_a_recommendation(lead_client, network, handover_world, today):
    person = handover_world
    prefix = f"i{person['Karla'].pk}-{person['Paul'].pk}"
    response = lead_client.post(
        _url("introduction_create", network),
        {
            "prefix": prefix,
            f"{prefix}-first": person["Karla"].pk,
            f"{prefix}-second": person["Paul"].pk,
            f"{prefix}-introducer": person["Sabine"].pk,
            f"{prefix}-on": today.isoformat(),
        },
        headers=HTMX,
    )

    assert response.status_code == 200
    recommendation = Recommendation.objects.get()
    assert recommendation.subject_person == person["Karla"]
    assert recommendation.recipient_person == person["Paul"]


def test_handover_delete_removes_the_row(lead_client, network, handover_world, lead_scope):
    handover, _ = services.handover_save(
        scope=lead_scope,
        network=network,
        staff=handover_world["Sabine"],
        member=handover_world["Paul"],
    )

    response = lead_client.post(reverse("steering:handover_delete", args=[handover.pk]))

    assert response.status_code == 302
    assert not Handover.objects.exists()
