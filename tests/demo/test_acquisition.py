"""The demo's year of acquisition as `load-demo` writes it, loaded once for this module."""

from collections import Counter, defaultdict
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from netzwerkstatt.acquisition.defaults import DEFAULT_NEEDS
from netzwerkstatt.acquisition.enums import STAGE_PROGRESS, ActivityKind, Channel, StageKind
from netzwerkstatt.acquisition.models import (
    Activity,
    Approach,
    ApproachMeasure,
    BenefitTemplate,
    Dossier,
    Measure,
    Need,
    StageChange,
    TargetProfile,
)
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Function
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Project, User, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.demo.acquisition.plan import acquisition_plan
from netzwerkstatt.demo.acquisition.specs import PersonTie
from netzwerkstatt.demo.loader import DEMO_WORKSPACE_SLUG
from netzwerkstatt.demo.network.plan import network_plan
from netzwerkstatt.demo.plan import contacts_plan
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.demo.users import DEMO_USERS
from netzwerkstatt.network.models import TeamMember, Tie

pytestmark = pytest.mark.django_db
AGREED = (StageKind.AGREEMENT, StageKind.ACTIVE, StageKind.COMPLETED)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load-demo", stdout=StringIO())
        workspace = Workspace.objects.get(slug=DEMO_WORKSPACE_SLUG)
    yield Scope.system(workspace)
    with django_db_blocker.unblock():
        workspace.delete()  # with its approaches: their history goes with the workspace
        User.objects.filter(email__in=[user.email for user in DEMO_USERS]).delete()


@pytest.fixture
def approaches(demo):
    return list(demo.objects(Approach).select_related("organisation", "stage", "project"))


@pytest.fixture
def history(demo) -> dict[int, list[StageChange]]:
    changes = defaultdict(list)
    for change in demo.objects(StageChange).order_by("approach", "changed_at", "id"):
        changes[change.approach_id].append(change)
    return changes


def reached(history, approach, kinds) -> bool:
    return any(change.kind in kinds for change in history[approach.pk])


def test_demo_has_the_standard_needs_and_a_catalogue_per_project(demo):
    measures = demo.objects(Measure).prefetch_related("needs")

    assert set(demo.objects(Need).values_list("name", flat=True)) == {
        name for name, _description in DEFAULT_NEEDS
    }
    for project in demo.objects(Project):
        offered = [measure for measure in measures if measure.project_id == project.pk]
        assert 5 <= len(offered) <= 7
        for measure in offered:
            assert measure.description
            assert measure.target_group
            assert measure.effort
            assert measure.duration
            assert measure.needs.all()
            assert measure.funded or measure.cost is not None


def test_demo_projects_have_a_target_profile_and_a_german_benefit_template(demo):
    for project in demo.objects(Project):
        profile = demo.objects(TargetProfile).get(project=project)
        template = demo.objects(BenefitTemplate).get(project=project)

        assert profile.sectors
        assert profile.size_classes
        assert profile.warm_path_weight >= 3
        for placeholder in ("{firma}", "{bedarfe}", "{massnahmen}", "{einfuehrung}"):
            assert placeholder in template.text
        assert "[" in template.text


def test_demo_pipeline_holds_about_140_companies_of_every_channel(demo, approaches):
    channels = Counter(approach.channel for approach in approaches)

    assert 120 <= len(approaches) <= 160
    assert set(channels) == set(Channel)
    assert min(channels.values()) >= 15
    assert {approach.organisation.kind for approach in approaches} == {OrganisationKind.COMPANY}
    assert len({approach.project.name for approach in approaches}) == 2


def test_demo_approaches_cover_about_a_year(approaches, history):
    entered = sorted(approach.created_at for approach in approaches)
    last = max(change.changed_at for changes in history.values() for change in changes)

    assert timezone.localdate(entered[0]) <= REFERENCE_DATE - timedelta(days=330)
    assert timezone.localdate(last) < REFERENCE_DATE
    months = {timezone.localtime(moment).strftime("%Y-%m") for moment in entered}
    assert len(months) >= 11


def test_demo_stage_history_starts_at_entry_and_runs_forward(approaches, history):
    for approach in approaches:
        changes = history[approach.pk]
        moments = [change.changed_at for change in changes]
        kinds = [change.kind for change in changes]

        assert moments[0] == approach.created_at
        assert moments == sorted(moments)
        assert len(set(moments)) == len(moments)
        assert changes[-1].stage_id == approach.stage_id
        assert moments[-1] == approach.stage_changed_at
        progress = [kind for kind in kinds if kind != StageKind.DECLINED]
        assert progress == list(STAGE_PROGRESS[: len(progress)])
        assert StageKind.DECLINED not in kinds[:-1]
        assert all(change.changed_by_id == approach.owner_id for change in changes)


def test_demo_cards_are_numbered_in_each_stage(approaches):
    positions = defaultdict(list)
    for approach in approaches:
        positions[approach.stage_id].append(approach.position)
    for numbers in positions.values():
        assert sorted(numbers) == list(range(len(numbers)))


def test_demo_conversion_mirrors_the_practitioners_lesson(approaches, history):
    share = {}
    for channel in Channel:
        of_channel = [approach for approach in approaches if approach.channel == channel]
        share[channel] = sum(reached(history, a, AGREED) for a in of_channel) / len(of_channel)

    assert 0.04 <= share[Channel.COLD] <= 0.12
    assert 0.33 <= share[Channel.WARM] <= 0.47
    assert 0.43 <= share[Channel.RECOMMENDATION] <= 0.57
    assert 0.18 <= share[Channel.EVENT] <= 0.32
    assert share[Channel.RECOMMENDATION] > share[Channel.WARM] > share[Channel.EVENT]
    assert share[Channel.EVENT] > share[Channel.COLD]


def test_demo_introducers_know_the_companys_people(demo, approaches):
    staff = defaultdict(set)
    for organisation, person in demo.objects(Function).values_list("organisation", "person"):
        staff[organisation].add(person)
    ties = set()
    for first, second in (
        demo.objects(Tie)
        .filter(source_person__isnull=False, target_person__isnull=False)
        .values_list("source_person", "target_person")
    ):
        ties |= {(first, second), (second, first)}

    for approach in approaches:
        assert approach.contact_person_id in staff[approach.organisation_id]
        if approach.channel in (Channel.WARM, Channel.RECOMMENDATION):
            assert approach.introducer_id is not None
            known = {(approach.introducer_id, person) for person in staff[approach.organisation_id]}
            assert known & ties, approach
        else:
            assert approach.introducer_id is None


def test_demo_declined_approaches_say_why(approaches):
    declined = [a for a in approaches if a.stage.kind == StageKind.DECLINED]

    assert len(declined) >= 10
    assert all(approach.closing_note for approach in declined)
    assert not any(a.closing_note for a in approaches if a.stage.kind != StageKind.DECLINED)


def test_demo_agreed_measures_are_dated_by_the_agreement(demo, approaches, history):
    agreements = defaultdict(list)
    for agreement in demo.objects(ApproachMeasure).select_related("measure"):
        agreements[agreement.approach_id].append(agreement)

    for approach in approaches:
        agreed = [c for c in history[approach.pk] if c.kind == StageKind.AGREEMENT]
        if not agreed:
            assert not agreements[approach.pk]
            continue
        assert agreements[approach.pk]
        for agreement in agreements[approach.pk]:
            assert agreement.measure.project_id == approach.project_id
            assert agreement.agreed_on == timezone.localdate(agreed[0].changed_at)
            if approach.stage.kind == StageKind.COMPLETED:
                assert agreement.delivered_on is not None
            if agreement.delivered_on:
                assert agreement.agreed_on <= agreement.delivered_on < REFERENCE_DATE


def test_demo_dossiers_of_companies_in_later_stages(demo, approaches, history):
    dossiers = {
        (dossier.project_id, dossier.organisation_id): dossier
        for dossier in demo.objects(Dossier).prefetch_related(
            "research_notes", "needs", "decision_makers"
        )
    }

    for approach in approaches:
        dossier = dossiers.get((approach.project_id, approach.organisation_id))
        if not reached(history, approach, (StageKind.RESEARCHED,)):
            assert dossier is None
            continue
        assert dossier.research_notes.all()
        assert dossier.needs.all()
        assert all(
            note.source and note.noted_on < REFERENCE_DATE for note in dossier.research_notes.all()
        )
        if reached(history, approach, (StageKind.CONVERSATION,)):
            assert dossier.situation
            assert dossier.decision_makers.all()


def test_demo_benefit_statements_are_rendered_for_approached_companies(approaches, history):
    for approach in approaches:
        if not reached(history, approach, (StageKind.APPROACHED,)):
            assert not approach.benefit_statement
            continue
        assert approach.organisation.name in approach.benefit_statement
        assert approach.benefit_template_id is not None
        assert not any(mark in approach.benefit_statement for mark in "{}[]")


def test_demo_activities_follow_each_approach_before_the_reference_date(demo, approaches):
    activities = list(demo.objects(Activity).prefetch_related("participants"))
    by_approach = defaultdict(list)
    for activity in activities:
        by_approach[activity.approach_id].append(activity)

    assert 300 <= len(activities) <= 700
    assert len({activity.kind for activity in activities}) == 4
    assert all(activity.occurred_on < REFERENCE_DATE for activity in activities)
    with_participants = sum(bool(activity.participants.all()) for activity in activities)
    assert with_participants >= 0.9 * len(activities)
    for approach in approaches:
        for activity in by_approach[approach.pk]:
            assert activity.organisation_id == approach.organisation_id
            entered = timezone.localdate(approach.created_at)
            if activity.kind == ActivityKind.EVENT_CONTACT:  # met at a weekend, entered on Monday
                entered -= timedelta(days=2)
            assert activity.occurred_on >= entered
            assert activity.summary
            assert activity.outcome


def test_demo_activities_leave_the_ties_as_the_network_history_has_them(demo):
    """Logging an activity would set the last contact of the ties among its participants and
    to the team (`ties_contacted`); the demo's are all in contact on that day or later."""
    team = list(demo.objects(TeamMember).values_list("person", "since", "until"))
    ties = defaultdict(list)
    for first, second, last_contact in (
        demo.objects(Tie)
        .filter(source_person__isnull=False, target_person__isnull=False)
        .values_list("source_person", "target_person", "last_contact")
    ):
        ties[first].append((second, last_contact))
        ties[second].append((first, last_contact))

    for activity in demo.objects(Activity).prefetch_related("participants"):
        day = activity.occurred_on
        present = {person.pk for person in activity.participants.all()}
        present |= {
            person
            for person, since, until in team
            if (since is None or since <= day) and (until is None or until >= day)
        }
        for person in activity.participants.all():
            for other, last_contact in ties[person.pk]:
                if other in present:
                    assert last_contact is not None
                    assert last_contact >= day


def test_demo_users_have_follow_ups_around_the_reference_date(demo):
    for role in (Role.LEAD, Role.STAFF):
        user = User.objects.get(email=next(u.email for u in DEMO_USERS if u.role == role))
        open_ones = demo.objects(Activity).filter(follow_up_by=user, follow_up_done_at__isnull=True)
        due = list(open_ones.exclude(follow_up_on=None).values_list("follow_up_on", flat=True))

        assert 1 <= sum(day < REFERENCE_DATE for day in due) <= 3
        assert sum(day == REFERENCE_DATE for day in due) >= 1
        assert sum(REFERENCE_DATE < day <= REFERENCE_DATE + timedelta(days=7) for day in due) >= 2
        assert demo.objects(Approach).filter(owner=user, next_step_on__gte=REFERENCE_DATE).exists()
    closed = demo.objects(Activity).filter(
        Q(approach__stage__kind=StageKind.DECLINED) | Q(approach__stage__kind=StageKind.COMPLETED),
        follow_up_on__isnull=False,
        follow_up_done_at__isnull=True,
    )
    assert not closed.exists()


def test_demo_acquisition_plan_is_the_same_for_the_same_seed():
    contacts = contacts_plan(seed=7)
    network = network_plan(seed=7, contacts=contacts)
    persons = {spec.key for spec in (*contacts.persons, *network.team.persons)}
    ties = [
        PersonTie(tie.source, tie.target, tie.kind, tie.since, tie.last_contact)
        for tie in network.ties
        if tie.source in persons and tie.target in persons
    ]

    first = acquisition_plan(seed=7, contacts=contacts, network=network, ties=ties)
    again = acquisition_plan(seed=7, contacts=contacts, network=network, ties=ties)
    other = acquisition_plan(seed=8, contacts=contacts, network=network, ties=ties)

    assert first == again
    assert first != other
    assert 120 <= len(first.approaches) <= 160
