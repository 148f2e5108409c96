import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.selectors import data_versions
from netzwerkstatt.network import services
from netzwerkstatt.network.enums import TIE_RULES, NodeType, Provenance, TieKind
from netzwerkstatt.network.models import Tie
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamMemberFactory,
    TieFactory,
)

D = datetime.date


def network_version(workspace) -> int:
    return data_versions(workspace=workspace, topics=("network",))[0]


@pytest.fixture
def persons(workspace):
    return PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)


@pytest.fixture
def organisations(workspace):
    return OrganisationFactory(workspace=workspace), OrganisationFactory(workspace=workspace)


def end(kind_type: NodeType, workspace, index: int = 0):
    factory = PersonFactory if kind_type == NodeType.PERSON else OrganisationFactory
    return factory(workspace=workspace)


@pytest.mark.parametrize("kind", list(TieKind))
def test_tie_save_accepts_the_end_types_of_every_kind(scope, workspace, kind):
    rule = TIE_RULES[kind]
    source, target = end(rule.source, workspace), end(rule.target, workspace)

    tie, created = services.tie_save(
        scope=scope, kind=kind, source=source, target=target, strength=3
    )

    assert created
    assert (tie.source, tie.target) == (
        (source, target)
        if rule.directed or source.pk < target.pk or rule.source != rule.target
        else (target, source)
    )
    assert tie.recorded_by == scope.user
    assert tie.provenance == Provenance.CONVERSATION


@pytest.mark.parametrize("kind", list(TieKind))
def test_tie_save_refuses_wrong_end_types(scope, workspace, kind):
    rule = TIE_RULES[kind]
    other = NodeType.ORGANISATION if rule.source == NodeType.PERSON else NodeType.PERSON
    # Same-type kinds get a mixed pair; mixed kinds get two of the source's type.
    second = other if rule.source == rule.target else rule.source
    pair = (end(rule.source, workspace), end(second, workspace))

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.tie_save(scope=scope, kind=kind, source=pair[0], target=pair[1], strength=3)

    assert "is a tie between" in error.value.message_dict["kind"][0]
    assert not Tie.objects.exists()


def test_tie_save_swaps_person_and_organisation_into_rule_order(scope, workspace):
    person, organisation = (
        PersonFactory(workspace=workspace),
        OrganisationFactory(workspace=workspace),
    )

    tie, _ = services.tie_save(
        scope=scope, kind=TieKind.ADVISES, source=organisation, target=person, strength=2
    )

    assert (tie.source_person, tie.target_organisation) == (person, organisation)


def test_tie_save_keeps_direction_of_directed_kind_between_organisations(scope, organisations):
    member, association = sorted(organisations, key=lambda o: -o.pk)

    tie, _ = services.tie_save(
        scope=scope, kind=TieKind.MEMBERSHIP, source=member, target=association, strength=3
    )
    reverse, created = services.tie_save(
        scope=scope, kind=TieKind.MEMBERSHIP, source=association, target=member, strength=3
    )

    assert (tie.source, tie.target) == (member, association)
    assert created
    assert reverse.pk != tie.pk


def test_tie_save_undirected_both_orders_are_one_tie(scope, persons):
    first, second = persons

    tie, created = services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=second, target=first, strength=2
    )
    again, created_again = services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=first, target=second, strength=2
    )

    assert created
    assert not created_again
    assert again.pk == tie.pk
    assert tie.source_person.pk < tie.target_person.pk
    assert Tie.objects.count() == 1


def test_tie_save_strengthens_instead_of_duplicating(scope, workspace, persons):
    first, second = persons
    project = ProjectFactory(workspace=workspace)
    services.tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=first,
        target=second,
        strength=4,
        trust=None,
        since=D(2020, 5, 1),
        last_contact=D(2025, 1, 1),
        note="Kennen sich aus dem Sportverein.",
    )

    tie, created = services.tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=second,
        target=first,
        strength=2,
        trust=3,
        since=D(2019, 1, 1),
        last_contact=D(2024, 1, 1),
        provenance=Provenance.EVENT,
        purpose="Akquise",
        project=project,
        note="Beide beim Netzwerktreffen.",
    )

    assert not created
    tie.refresh_from_db()
    assert tie.strength == 4
    assert tie.trust == 3
    assert tie.since == D(2019, 1, 1)
    assert tie.last_contact == D(2025, 1, 1)
    assert tie.provenance == Provenance.CONVERSATION
    assert tie.purpose == "Akquise"
    assert tie.project == project
    assert tie.note == "Kennen sich aus dem Sportverein.\n\nBeide beim Netzwerktreffen."


def test_tie_save_same_values_again_changes_nothing(scope, workspace, persons):
    services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=3,
        note="Notiz",
    )  # fmt: skip
    version = network_version(workspace)
    entries = ActivityEntry.objects.count()

    services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=3,
        note="Notiz",
    )  # fmt: skip

    assert network_version(workspace) == version
    assert ActivityEntry.objects.count() == entries


def test_tie_save_different_kinds_between_same_ends_are_separate(scope, persons):
    services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=3
    )
    services.tie_save(
        scope=scope, kind=TieKind.WORKS_WITH, source=persons[0], target=persons[1], strength=3
    )

    assert Tie.objects.count() == 2


def test_tie_save_refuses_a_tie_to_itself(scope, persons):
    with pytest.raises(ValidationError) as error:
        services.tie_save(
            scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[0], strength=3
        )

    assert "target" in error.value.message_dict
    assert not Tie.objects.exists()


def test_tie_save_refuses_ends_of_another_workspace(scope, workspace, other_workspace):
    mine, foreign = PersonFactory(workspace=workspace), PersonFactory(workspace=other_workspace)

    with pytest.raises(ValidationError) as error:
        services.tie_save(scope=scope, kind=TieKind.KNOWS, source=mine, target=foreign, strength=3)

    assert "target" in error.value.message_dict
    assert not Tie.objects.exists()


def test_tie_save_refuses_project_of_another_workspace(scope, persons, other_workspace):
    with pytest.raises(ValidationError):
        services.tie_save(
            scope=scope,
            kind=TieKind.KNOWS,
            source=persons[0],
            target=persons[1],
            strength=3,
            project=ProjectFactory(workspace=other_workspace),
        )


@pytest.mark.parametrize(("strength", "trust"), [(0, None), (6, None), (3, 0), (3, 6)])
def test_tie_save_refuses_values_outside_one_to_five(scope, persons, strength, trust):
    with pytest.raises(ValidationError):
        services.tie_save(
            scope=scope,
            kind=TieKind.KNOWS,
            source=persons[0],
            target=persons[1],
            strength=strength,
            trust=trust,
        )


def test_tie_save_refuses_out_of_range_strength_when_strengthening(scope, persons):
    services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=3
    )

    with pytest.raises(ValidationError):
        services.tie_save(
            scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=9
        )


def test_tie_save_refuses_unknown_kind(scope, persons):
    with pytest.raises(ValidationError) as error:
        services.tie_save(
            scope=scope, kind="kennt", source=persons[0], target=persons[1], strength=3
        )

    assert "kind" in error.value.message_dict


def test_tie_save_logs_ids_only_and_bumps_network_version(scope, workspace, persons):
    version = network_version(workspace)

    tie, _ = services.tie_save(
        scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=3,
        note="Vertraulich: Herr X wechselt bald.",
    )  # fmt: skip

    entry = ActivityEntry.objects.get(object_id=tie.pk)
    assert entry.details == {}
    assert network_version(workspace) == version + 1


def test_tie_save_refused_to_partner(workspace, partner, persons):
    scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        services.tie_save(
            scope=scope, kind=TieKind.KNOWS, source=persons[0], target=persons[1], strength=3
        )


def test_tie_update_changes_fields_and_logs_names(scope, workspace, persons):
    tie = TieFactory(workspace=workspace, source_person=persons[0], target_person=persons[1])

    services.tie_update(scope=scope, tie=tie, strength=5, note="  neu ")

    tie.refresh_from_db()
    assert (tie.strength, tie.note) == (5, "neu")
    entry = ActivityEntry.objects.get(object_id=tie.pk)
    assert entry.details == {"fields": ["strength", "note"]}


def test_tie_update_kind_reorders_and_refuses_duplicates(scope, workspace, organisations):
    high, low = sorted(organisations, key=lambda o: -o.pk)
    tie = TieFactory(
        workspace=workspace,
        kind=TieKind.MEMBERSHIP,
        source_person=None,
        target_person=None,
        source_organisation=high,
        target_organisation=low,
    )

    services.tie_update(scope=scope, tie=tie, kind=TieKind.COOPERATION)

    tie.refresh_from_db()
    assert (tie.source_organisation, tie.target_organisation) == (low, high)
    other = TieFactory(
        workspace=workspace,
        kind=TieKind.MEMBERSHIP,
        source_person=None,
        target_person=None,
        source_organisation=high,
        target_organisation=low,
    )
    with pytest.raises(ValidationError):
        services.tie_update(scope=scope, tie=other, kind=TieKind.COOPERATION)


def test_tie_update_refuses_kind_that_does_not_fit(scope, workspace):
    tie = TieFactory(workspace=workspace)

    with pytest.raises(ValidationError):
        services.tie_update(scope=scope, tie=tie, kind=TieKind.COOPERATION)

    assert Tie.objects.get().kind == TieKind.KNOWS


def test_tie_update_refuses_unknown_field(scope, workspace):
    with pytest.raises(TypeError):
        services.tie_update(scope=scope, tie=TieFactory(workspace=workspace), workspace=None)


def test_tie_delete_removes_and_bumps(scope, workspace):
    tie = TieFactory(workspace=workspace)
    version = network_version(workspace)

    services.tie_delete(scope=scope, tie=tie)

    assert not Tie.objects.exists()
    assert network_version(workspace) == version + 1


def test_ties_contacted_sets_last_contact_among_persons_and_team(scope, workspace):
    a, b, c, outsider = (PersonFactory(workspace=workspace) for _ in range(4))
    colleague = TeamMemberFactory(workspace=workspace).person
    among = TieFactory(workspace=workspace, source_person=a, target_person=b)
    with_team = TieFactory(workspace=workspace, source_person=colleague, target_person=c)
    to_outsider = TieFactory(workspace=workspace, source_person=a, target_person=outsider)
    newer = TieFactory(
        workspace=workspace, source_person=b, target_person=c, last_contact=D(2026, 9, 1)
    )

    count = services.ties_contacted(scope=scope, persons=[a, b, c], on=D(2026, 6, 1))

    assert count == 2
    for tie in (among, with_team, to_outsider, newer):
        tie.refresh_from_db()
    assert among.last_contact == with_team.last_contact == D(2026, 6, 1)
    assert to_outsider.last_contact is None
    assert newer.last_contact == D(2026, 9, 1)


def test_ties_contacted_ignores_former_team_members(scope, workspace):
    person = PersonFactory(workspace=workspace)
    former = TeamMemberFactory(workspace=workspace, until=D(2025, 12, 31)).person
    tie = TieFactory(workspace=workspace, source_person=former, target_person=person)

    assert services.ties_contacted(scope=scope, persons=[person], on=D(2026, 6, 1)) == 0
    tie.refresh_from_db()
    assert tie.last_contact is None


def test_ties_contacted_refuses_foreign_persons(scope, other_workspace):
    with pytest.raises(ValidationError):
        services.ties_contacted(
            scope=scope, persons=[PersonFactory(workspace=other_workspace)], on=D(2026, 1, 1)
        )


def test_ties_contacted_nothing_changed_no_version_bump(scope, workspace):
    version = network_version(workspace)

    assert services.ties_contacted(scope=scope, persons=[], on=D(2026, 1, 1)) == 0
    assert network_version(workspace) == version
