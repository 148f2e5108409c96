"""Planning and storing a World Café; swaps, topics, settings and results."""

from collections import Counter
from itertools import combinations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.templatetags.netzwerkstatt import activity_summary
from netzwerkstatt.events.models import TableRound, WorldCafe
from netzwerkstatt.events.worldcafe import services
from netzwerkstatt.events.worldcafe.selectors import affiliations
from netzwerkstatt.events.worldcafe.topics import topic_repeats
from tests.factories import EventFactory, TieFactory

from .conftest import register

TOPICS = ["Akquise zum Projektstart", "Gemischte Gruppen", "Nachhaltige Netzwerke"]


def set_up(scope, event, *, tables=3, rounds=3, hosts=None):
    world_cafe = services.world_cafe_ensure(scope=scope, event=event)
    services.world_cafe_settings_save(
        scope=scope,
        event=event,
        rounds=rounds,
        round_minutes=20,
        table_count=tables,
        hosts=hosts or {},
    )
    for votes, title in enumerate(TOPICS):
        services.topic_create(scope=scope, event=event, title=title, votes=votes)
    services.topics_deal(scope=scope, world_cafe=world_cafe)
    world_cafe.refresh_from_db()
    return world_cafe


def stored(world_cafe) -> dict[int, dict[int, set[int]]]:
    """round → table number → invitation ids, read straight from the table rounds."""
    seating: dict[int, dict[int, set[int]]] = {}
    for row in TableRound.objects.filter(table__world_cafe=world_cafe).prefetch_related(
        "participants"
    ):
        seating.setdefault(row.round, {})[row.table.number] = {p.pk for p in row.participants.all()}
    return seating


def problems_with(world_cafe, invitations, scope) -> list[str]:
    """An independent judge of the stored plan, from the database alone."""
    found = []
    seating = stored(world_cafe)
    everyone = Counter(i.pk for i in invitations)
    organisation = {
        person: data["organisation_id"]
        for person, data in affiliations(
            scope=scope, person_ids=[i.person_id for i in invitations]
        ).items()
    }
    organisation_of = {i.pk: organisation.get(i.person_id) for i in invitations}
    tables = {t.number: t for t in world_cafe.tables.all()}
    if sorted(seating) != list(range(1, world_cafe.rounds + 1)):
        return [f"rounds {sorted(seating)}"]
    for number, round_tables in seating.items():
        if Counter(pid for people in round_tables.values() for pid in people) != everyone:
            found.append(f"round {number}: not everyone exactly once")
        sizes = [len(people) for people in round_tables.values()]
        if max(sizes) - min(sizes) > 1:
            found.append(f"round {number}: sizes {sizes}")
        for table_number, people in round_tables.items():
            table = tables[table_number]
            if len(people) > table.capacity:
                found.append(f"round {number}, table {table_number}: over capacity")
            if table.host_id and table.host_id not in people:
                found.append(f"round {number}: host left table {table_number}")
            for a, b in combinations(people, 2):
                if organisation_of[a] and organisation_of[a] == organisation_of[b]:
                    found.append(f"round {number}: colleagues {a}, {b} at table {table_number}")
    return found


def test_stored_plan_keeps_every_hard_rule(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event, hosts={1: participants[0]})

    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    world_cafe.refresh_from_db()
    assert problems_with(world_cafe, participants, lead_scope) == []
    assert world_cafe.planned_at is not None
    assert world_cafe.report["quality"]["violations"] == []
    assert world_cafe.report["quality"]["participants"] == 12


def test_stored_plan_keeps_pairs_apart(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    pairs = [(participants[0], participants[1]), (participants[2], participants[3])]
    for first, second in pairs:
        services.keep_apart_add(scope=lead_scope, world_cafe=world_cafe, first=first, second=second)

    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    for round_tables in stored(world_cafe).values():
        for people in round_tables.values():
            for first, second in pairs:
                assert not {first.pk, second.pk} <= people


def test_strong_ties_are_seated_apart_when_possible(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event, tables=4, rounds=2)
    TieFactory(
        workspace=event.workspace,
        source_person=participants[0].person,
        target_person=participants[1].person,
        strength=5,
    )

    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    world_cafe.refresh_from_db()
    quality = world_cafe.report["quality"]
    assert quality["already_met_pairs"] == 1
    assert quality["acquainted_seated"] == 0
    assert quality["repeated_pairs"] == 0


def test_plan_is_the_same_for_the_same_seed(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)

    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe, seed=7)
    first = stored(world_cafe)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe, seed=7)

    assert stored(world_cafe) == first
    assert WorldCafe.objects.get(pk=world_cafe.pk).seed == 7


def test_plan_again_takes_the_next_seed(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    assert WorldCafe.objects.get(pk=world_cafe.pk).seed == 0

    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe, seed=None)

    world_cafe.refresh_from_db()
    assert world_cafe.seed == 1
    assert problems_with(world_cafe, participants, lead_scope) == []


def test_plan_is_logged_with_counts_only(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)

    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    world_cafe.refresh_from_db()
    entry = ActivityEntry.objects.filter(object_id=world_cafe.pk).latest("pk")
    assert entry.details == {
        "participants": 12,
        "tables": 3,
        "rounds": 3,
        "repeated_pairs": world_cafe.report["quality"]["repeated_pairs"],
    }
    with translation.override("en"):
        assert activity_summary(entry) == (
            "participants: 12 · tables: 3 · rounds: 3 · "
            f"repeated pairs: {entry.details['repeated_pairs']}"
        )


def test_too_many_colleagues_for_the_tables_is_explained(lead_scope, event, organisations):
    for _ in range(3):
        register(event, organisation=organisations[0])
    for organisation in organisations[1:4]:
        register(event, organisation=organisation)
    world_cafe = set_up(lead_scope, event, tables=2)

    with pytest.raises(ValidationError) as error:
        services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    assert "Organisation 1" in str(error.value)
    assert WorldCafe.objects.get(pk=world_cafe.pk).planned_at is None


def test_too_few_participants_for_the_tables_is_refused(lead_scope, event, participants):
    with pytest.raises(ValidationError):
        services.world_cafe_settings_save(
            scope=lead_scope, event=event, rounds=3, round_minutes=20, table_count=7
        )


def test_host_must_be_a_participant(lead_scope, event, participants, other_workspace):
    outsider = register(event)
    outsider.status = "cancelled"
    outsider.save()

    with pytest.raises(ValidationError):
        services.world_cafe_settings_save(
            scope=lead_scope,
            event=event,
            rounds=3,
            round_minutes=20,
            table_count=3,
            hosts={1: outsider},
        )


def test_topics_rotate_and_hosted_tables_keep_theirs(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event, hosts={3: participants[2]})

    topics = {
        (row.round, row.table.number): row.topic.title
        for row in TableRound.objects.filter(table__world_cafe=world_cafe)
    }

    # Most votes first: the rotation starts with the last topic added.
    assert [topics[(1, t)] for t in (1, 2, 3)] == [TOPICS[2], TOPICS[1], TOPICS[0]]
    assert [topics[(2, t)] for t in (1, 2, 3)] == [TOPICS[1], TOPICS[0], TOPICS[0]]
    assert {topics[(r, 3)] for r in (1, 2, 3)} == {TOPICS[0]}


def test_deal_uses_the_most_voted_topics(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)

    services.topics_deal(scope=lead_scope, world_cafe=world_cafe, count=2)

    used = set(
        TableRound.objects.filter(table__world_cafe=world_cafe).values_list(
            "topic__title", flat=True
        )
    )
    assert used == {TOPICS[2], TOPICS[1]}


def test_plan_seats_people_at_topics_new_to_them_where_it_can(lead_scope, event, organisations):
    # 18 people at 6 tables, 3 topics, 3 rounds: groups can move to topics new to them.
    invitations = [register(event, organisation=organisations[n % 6]) for n in range(18)]
    world_cafe = set_up(lead_scope, event, tables=6)

    result = services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    world_cafe.refresh_from_db()
    assert world_cafe.report["quality"]["topic_repeats"] == topic_repeats(
        result.problem, result.seating
    )
    assert topic_repeats(result.problem, result.seating) <= topic_repeats(
        result.problem, result.plan.rounds
    )
    assert problems_with(world_cafe, invitations, lead_scope) == []


def test_changing_the_tables_discards_the_plan(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)

    services.world_cafe_settings_save(
        scope=lead_scope, event=event, rounds=3, round_minutes=20, table_count=2
    )

    world_cafe.refresh_from_db()
    assert world_cafe.planned_at is None
    assert "quality" not in world_cafe.report
    assert TableRound.objects.filter(table__world_cafe=world_cafe).count() == 6
    assert not TableRound.participants.through.objects.filter(
        tableround__table__world_cafe=world_cafe
    ).exists()


def test_changing_only_the_minutes_keeps_the_plan(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    before = stored(world_cafe)

    services.world_cafe_settings_save(
        scope=lead_scope, event=event, rounds=3, round_minutes=30, table_count=3
    )

    world_cafe.refresh_from_db()
    assert world_cafe.planned_at is not None
    assert stored(world_cafe) == before


def test_fewer_rounds_refused_when_results_would_go(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    row = TableRound.objects.get(table__world_cafe=world_cafe, table__number=1, round=3)
    services.table_round_results_save(scope=lead_scope, table_round=row, key_points="Ergebnis")

    with pytest.raises(ValidationError):
        services.world_cafe_settings_save(
            scope=lead_scope, event=event, rounds=2, round_minutes=20, table_count=3
        )

    assert TableRound.objects.filter(pk=row.pk).exists()


def seat_of(world_cafe, round_number):
    return {
        pid: table for table, people in stored(world_cafe)[round_number].items() for pid in people
    }


def test_swap_moves_two_people_and_recomputes_the_report(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    seats = seat_of(world_cafe, 2)
    kind = {i.pk: n % 6 for n, i in enumerate(participants)}
    first = participants[0].pk
    # Someone at another table whose colleague does not sit at the first one's table, and
    # vice versa: a swap that keeps the rules.
    tables = stored(world_cafe)[2]
    second = next(
        pid
        for pid, table in seats.items()
        if table != seats[first]
        and all(kind[other] != kind[pid] for other in tables[seats[first]] - {first})
        and all(kind[other] != kind[first] for other in tables[table] - {pid})
    )

    services.world_cafe_swap(
        scope=lead_scope, world_cafe=world_cafe, round_number=2, first=first, second=second
    )

    after = seat_of(world_cafe, 2)
    assert after[first] == seats[second]
    assert after[second] == seats[first]
    world_cafe.refresh_from_db()
    assert world_cafe.report["quality"]["method"] == "manual"
    assert problems_with(world_cafe, participants, lead_scope) == []


def test_swap_that_seats_colleagues_together_is_refused(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    before = stored(world_cafe)
    seats = seat_of(world_cafe, 1)
    first, colleague = participants[0].pk, participants[6].pk
    # Someone at the colleague's table (not the colleague): swapping brings colleagues together.
    second = next(
        pid for pid, table in seats.items() if table == seats[colleague] and pid != colleague
    )

    with pytest.raises(ValidationError) as error:
        services.world_cafe_swap(
            scope=lead_scope, world_cafe=world_cafe, round_number=1, first=first, second=second
        )

    assert participants[0].person.last_name in str(error.value)
    assert stored(world_cafe) == before


def test_swap_that_moves_a_host_is_refused(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event, hosts={1: participants[0]})
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    seats = seat_of(world_cafe, 1)
    other = next(pid for pid, table in seats.items() if table != 1)

    with pytest.raises(ValidationError):
        services.world_cafe_swap(
            scope=lead_scope,
            world_cafe=world_cafe,
            round_number=1,
            first=participants[0].pk,
            second=other,
        )


def test_swap_at_the_same_table_is_refused(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    table = stored(world_cafe)[1][1]
    first, second = sorted(table)[:2]

    with pytest.raises(ValidationError):
        services.world_cafe_swap(
            scope=lead_scope, world_cafe=world_cafe, round_number=1, first=first, second=second
        )


def test_results_are_saved_per_table_round(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    row = TableRound.objects.get(table__world_cafe=world_cafe, table__number=2, round=1)

    services.table_round_results_save(
        scope=lead_scope, table_round=row, key_points="  Früh Vertrauen aufbauen\nNutzen zeigen "
    )

    row.refresh_from_db()
    assert row.key_points == "Früh Vertrauen aufbauen\nNutzen zeigen"
    entry = ActivityEntry.objects.latest("pk")
    assert entry.details == {"fields": ["key_points"]}


def test_partner_may_not_plan(workspace, partner, event, participants):
    scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        services.world_cafe_ensure(scope=scope, event=event)


def test_services_refuse_another_workspaces_objects(
    lead_scope, event, participants, other_workspace
):
    foreign_scope = Scope.system(other_workspace)
    foreign = EventFactory(workspace=other_workspace)
    world_cafe = set_up(lead_scope, event)

    with pytest.raises(PermissionDenied):
        services.world_cafe_ensure(scope=lead_scope, event=foreign)
    with pytest.raises(PermissionDenied):
        services.world_cafe_plan(scope=foreign_scope, world_cafe=world_cafe)
    with pytest.raises(PermissionDenied):
        services.table_round_results_save(
            scope=foreign_scope,
            table_round=TableRound.objects.filter(table__world_cafe=world_cafe).first(),
            key_points="x",
        )


def test_deal_after_changing_the_rounds_reaches_every_round(lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event, rounds=4)

    assert not TableRound.objects.filter(table__world_cafe=world_cafe, topic=None).exists()
    assert TableRound.objects.filter(table__world_cafe=world_cafe, round=4).count() == 3
