import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netzwerkstatt.contacts.enums import DoorOpener, OrganisationKind
from netzwerkstatt.contacts.services import person_update
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import NodeType, TieKind
from netzwerkstatt.network.graph import EMPLOYMENT, EMPLOYMENT_STRENGTH
from netzwerkstatt.network.loading import (
    cached_graph,
    cached_network_data,
    cached_path_graph,
    graph_cache_wait,
    graph_version,
    network_data,
)
from netzwerkstatt.network.paths import PathGraph
from netzwerkstatt.network.services import tie_save
from tests.factories import (
    FunctionFactory,
    OrganisationFactory,
    PersonFactory,
    TeamMemberFactory,
    TieFactory,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 4)


def edges_by_kind(data, kind):
    return [edge for edge in data.edges if edge.kind == kind]


def nodes(data):
    return {node.key: node for node in data.nodes}


def test_network_data_ties_with_their_values_and_direction(scope, workspace):
    tie = TieFactory(
        workspace=workspace,
        strength=4,
        trust=5,
        since=dt.date(2019, 3, 1),
        last_contact=dt.date(2026, 1, 15),
    )
    company = OrganisationFactory(workspace=workspace)
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)
    advice = TieFactory(
        workspace=workspace,
        kind=TieKind.ADVISES,
        target_person=None,
        target_organisation=company,
    )
    membership = TieFactory(
        workspace=workspace,
        kind=TieKind.MEMBERSHIP,
        source_person=None,
        source_organisation=company,
        target_person=None,
        target_organisation=chamber,
    )

    data = network_data(scope=scope, today=TODAY)

    by_id = {edge.tie_id: edge for edge in data.edges}
    knows = by_id[tie.pk]
    assert (knows.source, knows.target) == (
        f"person:{tie.source_person_id}",
        f"person:{tie.target_person_id}",
    )
    assert (knows.kind, knows.strength, knows.trust) == (TieKind.KNOWS, 4, 5)
    assert (knows.since, knows.last_contact) == (dt.date(2019, 3, 1), dt.date(2026, 1, 15))
    assert not knows.directed
    assert by_id[advice.pk].directed
    assert by_id[advice.pk].target == f"organisation:{company.pk}"
    assert by_id[membership.pk].directed
    assert (by_id[membership.pk].source, by_id[membership.pk].target) == (
        f"organisation:{company.pk}",
        f"organisation:{chamber.pk}",
    )
    assert nodes(data)[f"organisation:{chamber.pk}"].organisation_kind == OrganisationKind.CHAMBER


def test_network_data_current_functions_are_employment(scope, workspace):
    person = PersonFactory(workspace=workspace, title="Dr.", first_name="Anna", last_name="Meyer")
    first = OrganisationFactory(workspace=workspace, name="Metallbau Müller GmbH")
    second = OrganisationFactory(workspace=workspace, name="IG Metall")
    former = OrganisationFactory(workspace=workspace, name="Altbetrieb")
    FunctionFactory(workspace=workspace, person=person, organisation=first, role="Geschäftsführung")
    FunctionFactory(
        workspace=workspace,
        person=person,
        organisation=second,
        role="Beirat",
        end_date=TODAY + dt.timedelta(days=30),
    )
    FunctionFactory(workspace=workspace, person=person, organisation=first, role="Einkauf")
    FunctionFactory(
        workspace=workspace,
        person=person,
        organisation=former,
        start_date=dt.date(2010, 1, 1),
        end_date=dt.date(2020, 1, 1),
    )

    data = network_data(scope=scope, today=TODAY)

    employment = edges_by_kind(data, EMPLOYMENT)
    assert sorted(edge.target for edge in employment) == sorted(
        [f"organisation:{first.pk}", f"organisation:{second.pk}"]
    )
    assert {edge.strength for edge in employment} == {EMPLOYMENT_STRENGTH}
    assert all(edge.source == f"person:{person.pk}" and edge.tie_id is None for edge in employment)
    node = nodes(data)[f"person:{person.pk}"]
    assert node.type == NodeType.PERSON
    assert node.label == "Dr. Anna Meyer"
    # Open-ended functions first, then by start date and as recorded.
    assert (node.affiliation, node.role) == ("Metallbau Müller GmbH", "Geschäftsführung")


def test_network_data_team_and_door_opener(scope, workspace):
    member = TeamMemberFactory(workspace=workspace)
    TeamMemberFactory(workspace=workspace, until=TODAY - dt.timedelta(days=1))
    willing = PersonFactory(workspace=workspace, door_opener=DoorOpener.WILLING)

    data = network_data(scope=scope, today=TODAY)

    team = {node.key for node in data.nodes if node.team}
    assert team == {f"person:{member.person_id}"}
    assert nodes(data)[f"person:{willing.pk}"].door_opener == DoorOpener.WILLING


def test_network_data_partner_sees_shared_rows_without_trust_or_team(
    scope, partner_scope, workspace
):
    shared_a = PersonFactory(workspace=workspace, is_shared=True)
    shared_b = PersonFactory(workspace=workspace, is_shared=True)
    hidden = PersonFactory(workspace=workspace)
    shared_org = OrganisationFactory(workspace=workspace, is_shared=True)
    hidden_org = OrganisationFactory(workspace=workspace)
    visible_tie = TieFactory(
        workspace=workspace, source_person=shared_a, target_person=shared_b, trust=5
    )
    TieFactory(workspace=workspace, source_person=shared_a, target_person=hidden)
    FunctionFactory(workspace=workspace, person=shared_a, organisation=shared_org)
    FunctionFactory(workspace=workspace, person=shared_b, organisation=hidden_org)
    TeamMemberFactory(workspace=workspace, person=shared_a)

    data = network_data(scope=partner_scope, today=TODAY)

    assert set(nodes(data)) == {
        f"person:{shared_a.pk}",
        f"person:{shared_b.pk}",
        f"organisation:{shared_org.pk}",
    }
    ties = [edge for edge in data.edges if edge.tie_id is not None]
    assert [(edge.tie_id, edge.trust) for edge in ties] == [(visible_tie.pk, None)]
    assert len(edges_by_kind(data, EMPLOYMENT)) == 1
    assert not any(node.team for node in data.nodes)
    # The team's view of the same workspace has all of it.
    team_data = network_data(scope=scope, today=TODAY)
    assert len(team_data.nodes) == 5
    assert {edge.trust for edge in team_data.edges if edge.tie_id == visible_tie.pk} == {5}


def test_network_data_never_holds_another_workspace(scope, workspace, other_workspace):
    TieFactory(workspace=workspace)
    TieFactory(workspace=other_workspace)
    FunctionFactory(workspace=other_workspace)

    data = network_data(scope=scope, today=TODAY)

    assert len(data.nodes) == 2
    assert len(data.edges) == 1


def _queries(scope) -> int:
    with CaptureQueriesContext(connection) as context:
        network_data(scope=scope, today=TODAY)
    return len(context)


def test_network_data_query_count_does_not_grow_with_the_graph(scope, workspace):
    TieFactory(workspace=workspace)
    FunctionFactory(workspace=workspace)
    small = _queries(scope)
    for _ in range(15):
        TieFactory(workspace=workspace)
        FunctionFactory(workspace=workspace)
    TeamMemberFactory(workspace=workspace)

    assert _queries(scope) == small == 5


def test_cached_network_data_one_query_while_unchanged(scope, workspace, django_assert_num_queries):
    TieFactory(workspace=workspace)
    first = cached_network_data(scope=scope)

    with django_assert_num_queries(1):
        assert cached_network_data(scope=scope) is first


def test_cached_network_data_rebuilt_after_a_tie_is_recorded(scope, workspace):
    tie = TieFactory(workspace=workspace)
    before = cached_network_data(scope=scope)
    version = graph_version(scope=scope)

    tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=tie.source_person,
        target=PersonFactory(workspace=workspace),
        strength=2,
    )

    after = cached_network_data(scope=scope)
    assert graph_version(scope=scope) != version
    assert after is not before
    assert len(after.edges) == 2


def test_cached_network_data_rebuilt_after_a_contact_changes(scope, workspace):
    person = PersonFactory(workspace=workspace, last_name="Meyer")
    before = cached_network_data(scope=scope)

    person_update(scope=scope, person=person, last_name="Schulz")

    after = cached_network_data(scope=scope)
    assert after is not before
    assert nodes(after)[f"person:{person.pk}"].label.endswith("Schulz")


def test_cached_network_data_apart_for_partners(scope, partner_scope, workspace):
    PersonFactory(workspace=workspace, is_shared=True)
    PersonFactory(workspace=workspace)

    assert len(cached_network_data(scope=scope).nodes) == 2
    assert len(cached_network_data(scope=partner_scope).nodes) == 1
    assert len(cached_network_data(scope=scope).nodes) == 2


def test_cached_network_data_apart_per_workspace(scope, workspace, other_workspace):
    PersonFactory(workspace=workspace)
    foreign = Scope.system(other_workspace)
    PersonFactory.create_batch(3, workspace=other_workspace)

    assert len(cached_network_data(scope=scope).nodes) == 1
    assert len(cached_network_data(scope=foreign).nodes) == 3


def test_graph_version_names_the_day(scope):
    assert graph_version(scope=scope).endswith(timezone.localdate().isoformat())


def test_cached_path_graph_built_once_per_version(scope, workspace):
    TieFactory(workspace=workspace)

    graph = cached_path_graph(scope=scope)

    assert isinstance(graph, PathGraph)
    assert cached_path_graph(scope=scope) is graph


@pytest.mark.django_db(transaction=True)
def test_cached_graph_large_rebuilt_in_the_background(settings, scope, workspace):
    settings.NETZWERKSTATT_GRAPH_BACKGROUND_EDGES = 1
    tie = TieFactory(workspace=workspace)
    first = cached_graph(scope=scope)
    first.path_graph  # noqa: B018 - derived, so the rebuild derives it too

    tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=tie.source_person,
        target=PersonFactory(workspace=workspace),
        strength=2,
    )

    # The previous version answers at once while the new one is built …
    assert cached_graph(scope=scope) is first
    graph_cache_wait(timeout=30)
    # … and replaces it, with its warm-path index ready.
    fresh = cached_graph(scope=scope)
    assert fresh is not first
    assert len(fresh.data.edges) == 2
    assert "path_graph" in fresh.builders()
