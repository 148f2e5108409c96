"""The demo's two regional networks as `load-demo` writes them, loaded once for this module."""

import itertools
from collections import Counter, defaultdict
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry, User, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.demo.loader import DEMO_WORKSPACE_SLUG
from netzwerkstatt.demo.network.plan import network_plan
from netzwerkstatt.demo.plan import contacts_plan
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.demo.steering.plan import steering_plan
from netzwerkstatt.demo.users import DEMO_USERS
from netzwerkstatt.events.models import Event
from netzwerkstatt.network.models import TeamMember, Tie
from netzwerkstatt.steering.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    IndicatorKind,
    MemberRole,
)
from netzwerkstatt.steering.models import (
    ActionItem,
    Goal,
    Handover,
    Meeting,
    Network,
    NetworkMember,
    NetworkTopic,
    TopicInterest,
)

pytestmark = pytest.mark.django_db
SEED = 2026


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load-demo", stdout=StringIO())
        workspace = Workspace.objects.get(slug=DEMO_WORKSPACE_SLUG)
    yield Scope.system(workspace)
    with django_db_blocker.unblock():
        workspace.delete()
        User.objects.filter(email__in=[user.email for user in DEMO_USERS]).delete()


@pytest.fixture
def networks(demo):
    return list(demo.objects(Network).prefetch_related("projects"))


def test_demo_has_two_regional_networks_with_projects_behind_them(demo, networks):
    assert len(networks) == 2
    for network in networks:
        assert network.purpose
        assert network.region
        assert network.started_on < REFERENCE_DATE - timedelta(days=300)
        assert {project.name for project in network.projects.all()} <= {"TraM", "FluGs"}
        assert network.projects.exists()


def test_demo_networks_have_12_to_20_organisations_and_some_persons(demo, networks):
    for network in networks:
        members = list(
            demo.objects(NetworkMember).filter(network=network).select_related("organisation")
        )
        organisations = [member.organisation for member in members if member.organisation]
        kinds = Counter(organisation.kind for organisation in organisations)
        roles = Counter(member.role for member in members)

        assert 12 <= len(organisations) <= 20
        assert 2 <= len(members) - len(organisations) <= 4
        assert kinds[OrganisationKind.COMPANY] >= 5
        assert kinds[OrganisationKind.EMPLOYMENT_AGENCY] >= 1
        assert kinds[OrganisationKind.CHAMBER] >= 1
        assert set(roles) == set(MemberRole)


def test_demo_meetings_come_every_six_to_eight_weeks_over_the_year(demo, networks):
    for network in networks:
        meetings = list(demo.objects(Meeting).filter(network=network).order_by("held_on"))
        held = [meeting for meeting in meetings if meeting.held_on < REFERENCE_DATE]
        gaps = [(b.held_on - a.held_on).days for a, b in itertools.pairwise(held)]

        assert 6 <= len(held) <= 9
        assert held[0].held_on <= REFERENCE_DATE - timedelta(days=300)
        assert held[-1].held_on >= REFERENCE_DATE - timedelta(days=30)
        assert all(42 <= gap <= 56 for gap in gaps)
        assert all(meeting.agenda and meeting.minutes for meeting in held)
        assert all(meeting.decisions.exists() for meeting in held)
        assert all(meeting.attendees.count() >= 5 for meeting in held)
        planned = [meeting for meeting in meetings if meeting.held_on >= REFERENCE_DATE]
        assert len(planned) == 1
        assert planned[0].agenda
        assert not planned[0].minutes


def test_demo_links_one_meeting_to_the_reflection_workshop(demo):
    event = demo.objects(Event).get()
    linked = list(demo.objects(Meeting).filter(event__isnull=False))

    assert [meeting.event_id for meeting in linked] == [event.pk]
    assert linked[0].held_on == timezone.localdate(event.starts_at)


def test_demo_action_items_are_owned_by_persons_of_the_workspace(demo):
    items = list(demo.objects(ActionItem).select_related("owner", "meeting"))
    persons = set(demo.objects(Person).values_list("pk", flat=True))

    assert len(items) >= 30
    assert all(item.owner_id in persons for item in items)
    assert all(item.meeting is not None and item.due_on > item.meeting.held_on for item in items)
    old = [item for item in items if item.due_on < REFERENCE_DATE - timedelta(days=30)]
    done = [item for item in old if item.status == ActionStatus.DONE]
    assert len(done) >= 2 / 3 * len(old)
    assert all(item.done_at is not None for item in done)
    assert all(item.done_at is None for item in items if item.status != ActionStatus.DONE)


def test_demo_users_have_open_items_overdue_due_this_week_and_later(demo):
    week = REFERENCE_DATE + timedelta(days=7)
    for role in (Role.LEAD, Role.STAFF):
        person = demo.objects(TeamMember).get(user__email=_email(role)).person
        due = [
            item.due_on
            for item in demo.objects(ActionItem).filter(
                owner=person, status__in=OPEN_ACTION_STATUSES
            )
        ]

        assert sum(day < REFERENCE_DATE for day in due) >= 2
        assert sum(REFERENCE_DATE <= day <= week for day in due) >= 2
        assert sum(day > week for day in due) >= 2


def test_demo_topic_matrix_has_shared_topics_and_members_without_one(demo, networks):
    for network in networks:
        topics = list(demo.objects(NetworkTopic).filter(network=network))
        members = list(demo.objects(NetworkMember).filter(network=network))
        interested = defaultdict(set)  # topic → members
        for topic_id, member_id in (
            demo.objects(TopicInterest)
            .filter(topic__network=network, level__gt=0)
            .values_list("topic_id", "member_id")
        ):
            interested[topic_id].add(member_id)
        shared = {topic for topic, who in interested.items() if len(who) >= 2}
        with_shared = set().union(*(interested[topic] for topic in shared))

        assert 5 <= len(topics) <= 7
        assert max(len(who) for who in interested.values()) >= len(members) / 2
        assert len(shared) >= 4
        assert 1 <= len(members) - len(with_shared) <= 3


def test_demo_goals_cover_every_kind_of_indicator(demo, networks):
    goals = list(demo.objects(Goal).prefetch_related("progress"))

    assert {goal.indicator for goal in goals} == set(IndicatorKind)
    for network in networks:
        assert 3 <= sum(goal.network_id == network.pk for goal in goals) <= 4
    for goal in goals:
        assert goal.target_value > 0
        assert goal.target_date > REFERENCE_DATE
        entries = list(goal.progress.all())
        if goal.indicator == IndicatorKind.MANUAL:
            values = [entry.value for entry in entries]
            assert len(entries) >= 3
            assert values == sorted(values)
            assert all(entry.recorded_on < REFERENCE_DATE for entry in entries)
        else:
            assert not entries
        if goal.indicator == IndicatorKind.MEMBER_ORGANISATIONS:
            assert goal.indicator_filter


def test_demo_hands_one_network_over_with_strong_ties_and_successors(demo, networks):
    planned = [network for network in networks if network.handover_plan]
    handovers = list(demo.objects(Handover).select_related("network"))
    team = set(demo.objects(TeamMember).values_list("person_id", flat=True))

    assert len(planned) == 1
    assert planned[0].successor_coordinator is not None
    assert planned[0].handover_on is not None
    assert 3 <= len(handovers) <= 6
    assert any(handover.introduced_on for handover in handovers)
    assert any(handover.introduced_on is None for handover in handovers)
    for handover in handovers:
        assert handover.network == planned[0]
        assert handover.staff_id in team
        assert handover.member_id not in team
        assert handover.successor_id not in team
        tie = demo.objects(Tie).filter(
            source_person__in=[handover.staff_id, handover.member_id],
            target_person__in=[handover.staff_id, handover.member_id],
        )
        assert max(tie.values_list("strength", flat=True)) >= 4


def test_demo_steering_counts_are_logged(demo):
    counts = demo.objects(ActivityEntry).get(action=Action.IMPORTED).details["counts"]

    assert counts["networks"] == 2
    assert 24 <= counts["network_members"] <= 48
    assert 12 <= counts["meetings"] <= 20
    assert counts["action_items"] >= 30
    assert counts["open_action_items"] >= 12


def test_steering_plan_is_the_same_for_the_same_seed():
    contacts = contacts_plan(seed=SEED)
    network = network_plan(seed=SEED, contacts=contacts)

    first = steering_plan(seed=SEED, contacts=contacts, network=network)
    again = steering_plan(seed=SEED, contacts=contacts, network=network)
    other = steering_plan(seed=SEED + 1, contacts=contacts, network=network)

    assert first == again
    assert first != other


def _email(role: Role) -> str:
    return next(user.email for user in DEMO_USERS if user.role == role)
