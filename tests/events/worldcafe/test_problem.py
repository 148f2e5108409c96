"""An event becomes the planner's problem: participants, organisations, tables, ties, wishes."""

import datetime

from django.utils import timezone

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.worldcafe import selectors, services
from netzwerkstatt.network.enums import TieKind
from tests.factories import FunctionFactory, InvitationFactory, OrganisationFactory, TieFactory

from .conftest import register


def problem_for(scope, event):
    world_cafe = services.world_cafe_ensure(scope=scope, event=event)
    participants = selectors.world_cafe_participants(scope=scope, event=event)
    return selectors.world_cafe_problem(
        scope=scope, world_cafe=world_cafe, participants=participants
    )


def test_participants_are_the_registered_invitations(lead_scope, event, participants):
    InvitationFactory(event=event, status=InvitationStatus.INVITED)
    InvitationFactory(event=event, status=InvitationStatus.WAITLISTED)
    InvitationFactory(event=event, status=InvitationStatus.CANCELLED)

    problem = problem_for(lead_scope, event)

    assert {p.id for p in problem.participants} == {i.pk for i in participants}


def test_participants_after_the_event_are_the_checked_in(lead_scope, past_event, organisations):
    came = register(past_event, organisation=organisations[0], checked_in_at=timezone.now())
    register(past_event, organisation=organisations[1])

    participants = selectors.world_cafe_participants(scope=lead_scope, event=past_event)

    assert [p.invitation_id for p in participants] == [came.pk]
    assert selectors.participant_basis(scope=lead_scope, event=past_event) == "checked_in"


def test_participants_after_the_event_without_check_in_are_the_registered(
    lead_scope, past_event, organisations
):
    register(past_event, organisation=organisations[0])

    assert selectors.participant_basis(scope=lead_scope, event=past_event) == "registered"


def test_problem_carries_organisation_and_kind(lead_scope, event, participants, organisations):
    problem = problem_for(lead_scope, event)
    by_id = {p.id: p for p in problem.participants}

    first, seventh = by_id[participants[0].pk], by_id[participants[6].pk]
    assert first.organisation == seventh.organisation == str(organisations[0].pk)
    assert first.organisation_kind == OrganisationKind.COMPANY
    assert by_id[participants[2].pk].organisation_kind == OrganisationKind.CHAMBER


def test_organisation_is_the_first_current_function(lead_scope, event, organisations):
    invitation = register(event, organisation=organisations[0])
    person = invitation.person
    person.functions.update(end_date=timezone.localdate() - datetime.timedelta(days=1))
    FunctionFactory(workspace=event.workspace, person=person, organisation=organisations[3])

    (participant,) = selectors.world_cafe_participants(scope=lead_scope, event=event)

    assert participant.organisation_id == organisations[3].pk
    assert participant.organisation_kind == OrganisationKind.UNION


def test_participant_without_organisation_has_no_constraint(lead_scope, event):
    register(event)

    (participant,) = problem_for(lead_scope, event).participants

    assert participant.organisation is None
    assert participant.organisation_kind is None


def test_strong_ties_count_as_already_met(lead_scope, event, participants):
    a, b, c, d = (invitation.person for invitation in participants[:4])
    TieFactory(workspace=event.workspace, source_person=a, target_person=b, strength=4)
    TieFactory(
        workspace=event.workspace,
        source_person=c,
        target_person=a,
        strength=5,
        kind=TieKind.WORKS_WITH,
    )
    TieFactory(workspace=event.workspace, source_person=a, target_person=d, strength=3)

    problem = problem_for(lead_scope, event)

    ids = [invitation.pk for invitation in participants[:4]]
    expected = {tuple(sorted(pair)) for pair in ((ids[0], ids[1]), (ids[0], ids[2]))}
    assert set(problem.already_met) == expected


def test_ties_to_people_outside_the_event_are_left_out(lead_scope, event, participants):
    TieFactory(workspace=event.workspace, source_person=participants[0].person, strength=5)

    assert problem_for(lead_scope, event).already_met == ()


def test_hosts_stay_with_their_tables(lead_scope, event, participants):
    services.world_cafe_settings_save(
        scope=lead_scope,
        event=event,
        rounds=3,
        round_minutes=20,
        table_count=3,
        hosts={2: participants[4]},
    )

    problem = problem_for(lead_scope, event)

    assert [table.host for table in problem.tables] == [None, participants[4].pk, None]
    assert [table.capacity for table in problem.tables] == [4, 4, 4]


def test_capacities_follow_the_participants(lead_scope, event, participants, organisations):
    services.world_cafe_settings_save(
        scope=lead_scope, event=event, rounds=3, round_minutes=20, table_count=3
    )
    register(event, organisation=organisations[0])

    problem = problem_for(lead_scope, event)

    assert sorted(table.capacity for table in problem.tables) == [4, 4, 5]


def test_table_size_gives_the_number_of_tables(lead_scope, event, participants):
    services.world_cafe_settings_save(
        scope=lead_scope, event=event, rounds=2, round_minutes=20, table_size=5
    )

    problem = problem_for(lead_scope, event)

    assert len(problem.tables) == 3
    assert problem.rounds == 2


def test_keep_apart_and_wishes_reach_the_problem(lead_scope, event, participants):
    world_cafe = services.world_cafe_ensure(scope=lead_scope, event=event)
    services.world_cafe_settings_save(
        scope=lead_scope, event=event, rounds=3, round_minutes=20, table_count=3
    )
    topic = services.topic_create(scope=lead_scope, event=event, title="Nachhaltigkeit")
    services.topics_deal(scope=lead_scope, world_cafe=world_cafe)
    services.keep_apart_add(
        scope=lead_scope, world_cafe=world_cafe, first=participants[3], second=participants[1]
    )
    services.topic_wishes_save(
        scope=lead_scope, world_cafe=world_cafe, wishes={participants[5].pk: [topic.pk]}
    )

    problem = problem_for(lead_scope, event)

    assert problem.keep_apart == ((participants[1].pk, participants[3].pk),)
    wishes = {p.id: p.topic_preferences for p in problem.participants}
    assert wishes[participants[5].pk] == (str(topic.pk),)
    assert problem.topics[0] == (str(topic.pk),) * 3


def test_keep_apart_of_someone_no_longer_registered_is_ignored(lead_scope, event, participants):
    world_cafe = services.world_cafe_ensure(scope=lead_scope, event=event)
    services.keep_apart_add(
        scope=lead_scope, world_cafe=world_cafe, first=participants[0], second=participants[1]
    )
    participants[1].status = InvitationStatus.CANCELLED
    participants[1].save()

    assert problem_for(lead_scope, event).keep_apart == ()


def test_brokers_without_snapshot_are_the_best_connected(lead_scope, event, participants):
    hub = participants[0].person
    for invitation in participants[1:4]:
        TieFactory(workspace=event.workspace, source_person=hub, target_person=invitation.person)
    TieFactory(workspace=event.workspace, source_person=participants[5].person)
    TieFactory(workspace=event.workspace, source_person=participants[5].person)

    weights = {p.id: p.broker_weight for p in problem_for(lead_scope, event).participants}

    assert weights[participants[0].pk] == 1.0
    assert weights[participants[5].pk] == 2 / 3
    # One tie is no bridge; the others have none.
    assert weights[participants[1].pk] == 0.0
    assert sum(1 for weight in weights.values() if weight > 0) == 2


def test_brokers_from_a_metrics_snapshot_use_betweenness(lead_scope, event, participants):
    from netzwerkstatt.network.metrics.snapshots import metrics_compute

    # A chain 1 – 0 – 2 – 3: 0 and 2 bridge, 0 and 2 have the same betweenness.
    people = [invitation.person for invitation in participants[:4]]
    for a, b in ((people[1], people[0]), (people[0], people[2]), (people[2], people[3])):
        TieFactory(workspace=event.workspace, source_person=a, target_person=b)
    metrics_compute(scope=lead_scope)

    weights = {p.id: p.broker_weight for p in problem_for(lead_scope, event).participants}

    assert weights[participants[0].pk] > 0
    assert weights[participants[2].pk] > 0
    assert weights[participants[1].pk] == weights[participants[3].pk] == 0


def test_default_table_count_keeps_sizes_between_four_and_six():
    for count in range(8, 200):
        tables = selectors.default_table_count(count)
        assert count // tables >= 4
        assert -(-count // tables) <= 6
    assert selectors.default_table_count(25) == 5
    assert selectors.default_table_count(5) == 1
    assert selectors.default_table_count(7) == 2


def test_organisation_kinds_of_other_workspaces_stay_out(lead_scope, event, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace, kind=OrganisationKind.UNION)
    invitation = register(event)
    FunctionFactory(workspace=other_workspace, person=invitation.person, organisation=foreign)

    (participant,) = selectors.world_cafe_participants(scope=lead_scope, event=event)

    assert participant.organisation_id is None
