import datetime

import pytest
from django.http import Http404

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network import selectors
from netzwerkstatt.network.enums import TieKind
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
)

D = datetime.date


@pytest.fixture
def partner_scope(workspace, partner):
    return Scope(workspace=workspace, role=Role.PARTNER, user=partner)


def test_node_ties_both_directions_with_other_end(scope, workspace):
    person = PersonFactory(workspace=workspace)
    organisation = OrganisationFactory(workspace=workspace)
    other = PersonFactory(workspace=workspace)
    knows = TieFactory(workspace=workspace, source_person=other, target_person=person, strength=2)
    advises = TieFactory(
        workspace=workspace,
        kind=TieKind.ADVISES,
        source_person=person,
        target_person=None,
        target_organisation=organisation,
        strength=5,
    )
    TieFactory(workspace=workspace)  # not the person's

    rows = selectors.node_ties(scope=scope, node=person)

    assert [(row.tie, row.other, row.direction) for row in rows] == [
        (advises, organisation, "out"),
        (knows, other, ""),
    ]
    (row,) = selectors.node_ties(scope=scope, node=organisation)
    assert (row.other, row.direction) == (person, "in")
    assert selectors.node_tie_count(scope=scope, node=person) == 2


def test_node_ties_never_foreign(scope, workspace, other_workspace):
    person = PersonFactory(workspace=workspace)
    TieFactory(workspace=other_workspace)

    assert selectors.node_ties(scope=scope, node=person) == []
    assert not selectors.tie_list(scope=scope).exists()


def test_tie_list_filters(scope, workspace):
    person = PersonFactory(workspace=workspace)
    strong = TieFactory(workspace=workspace, source_person=person, strength=5)
    TieFactory(workspace=workspace, source_person=person, strength=1)
    TieFactory(workspace=workspace, kind=TieKind.WORKS_WITH, strength=5)

    filters = selectors.TieFilter.from_query(
        {"person": str(person.pk), "min_strength": "4", "kind": "knows"}
    )

    assert list(selectors.tie_list(scope=scope, filters=filters)) == [strong]


def test_tie_filter_from_query_ignores_garbage():
    filters = selectors.TieFilter.from_query(
        {"person": "x", "kind": "nonsense", "min_strength": "-1"}
    )

    assert filters == selectors.TieFilter()


def test_tie_list_partner_sees_only_ties_between_shared_ends(partner_scope, workspace):
    shared = TieFactory(
        workspace=workspace, source_person__is_shared=True, target_person__is_shared=True
    )
    TieFactory(workspace=workspace, source_person__is_shared=True)

    assert list(selectors.tie_list(scope=partner_scope)) == [shared]


def test_tie_get_foreign_is_404(scope, other_workspace):
    with pytest.raises(Http404):
        selectors.tie_get(scope=scope, pk=TieFactory(workspace=other_workspace).pk)


def test_node_recommendations_involving_node(scope, workspace):
    person = PersonFactory(workspace=workspace)
    given = RecommendationFactory(workspace=workspace, recommender=person, date=D(2026, 1, 1))
    received = RecommendationFactory(
        workspace=workspace, recipient_person=person, date=D(2026, 2, 1)
    )
    about = RecommendationFactory(
        workspace=workspace, subject_organisation=None, subject_person=person, date=D(2026, 3, 1)
    )
    RecommendationFactory(workspace=workspace)

    assert list(selectors.node_recommendations(scope=scope, node=person)) == [
        about,
        received,
        given,
    ]
    assert list(selectors.node_recommendations(scope=scope, node=given.subject_organisation)) == [
        given
    ]


def test_recommendation_list_filters_outcome_and_project(scope, workspace):
    done = RecommendationFactory(workspace=workspace, outcome="cooperation")
    RecommendationFactory(workspace=workspace)

    filters = selectors.RecommendationFilter.from_query({"outcome": "cooperation"})

    assert list(selectors.recommendation_list(scope=scope, filters=filters)) == [done]


def test_recommendations_invisible_to_partner(partner_scope, workspace):
    RecommendationFactory(
        workspace=workspace,
        recommender__is_shared=True,
        subject_organisation__is_shared=True,
        recipient_person__is_shared=True,
    )

    assert not selectors.recommendation_list(scope=partner_scope).exists()


def test_team_person_keys_current_members_sorted(scope, workspace):
    members = [TeamMemberFactory(workspace=workspace) for _ in range(2)]
    TeamMemberFactory(workspace=workspace, until=D(2020, 1, 1))
    TeamMemberFactory(workspace=workspace, since=D(2999, 1, 1))

    keys = selectors.team_person_keys(scope=scope)

    assert keys == sorted(f"person:{member.person.pk}" for member in members)


def test_team_person_keys_empty_for_partner(partner_scope, workspace):
    TeamMemberFactory(workspace=workspace, person__is_shared=True)

    assert selectors.team_person_keys(scope=partner_scope) == []


def test_team_person_for_user(scope, workspace, staff, lead):
    member = TeamMemberFactory(workspace=workspace, user=staff)

    assert selectors.team_person_for_user(scope=scope, user=staff) == member.person
    assert selectors.team_person_for_user(scope=scope, user=lead) is None
    assert selectors.team_person_for_user(scope=scope, user=None) is None


def test_team_person_for_user_only_in_this_workspace(scope, other_workspace, staff):
    TeamMemberFactory(workspace=other_workspace, user=staff)

    assert selectors.team_person_for_user(scope=scope, user=staff) is None


def test_node_from_key(scope, workspace, other_workspace):
    person = PersonFactory(workspace=workspace)

    assert selectors.node_from_key(scope=scope, key=f"person:{person.pk}") == person
    for key in ("person:x", "firma:1", "", f"person:{PersonFactory(workspace=other_workspace).pk}"):
        with pytest.raises(Http404):
            selectors.node_from_key(scope=scope, key=key)
