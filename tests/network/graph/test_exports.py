import csv
import datetime as dt
import io

import networkx as nx
import pytest
from django.urls import reverse

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.graph import EMPLOYMENT
from netzwerkstatt.network.loading import network_data
from tests.factories import MembershipFactory, TieFactory

pytestmark = pytest.mark.django_db


def export(client, file_format: str, **params):
    return client.get(reverse("network:graph_export", args=[file_format]), params)


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def rows(response) -> list[dict]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def directed_tie(workspace, introduction):
    return TieFactory(
        workspace=workspace,
        kind=TieKind.ADVISES,
        source_person=introduction.meyer,
        target_person=None,
        target_organisation=introduction.company,
        strength=2,
        trust=3,
        since=dt.date(2022, 2, 2),
    )


@pytest.mark.parametrize(
    ("file_format", "read"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)]
)
def test_graph_export_read_again_by_networkx(
    staff_client, scope, workspace, introduction, directed_tie, file_format, read
):
    # Beside her function, Ms Schulz works together with her company: two parallel edges.
    TieFactory(
        workspace=workspace,
        kind=TieKind.COLLABORATES,
        source_person=introduction.schulz,
        target_person=None,
        target_organisation=introduction.company,
    )

    response = export(staff_client, file_format)

    assert response.status_code == 200
    assert f".{file_format}" in response["Content-Disposition"]
    graph = read(io.BytesIO(body(response)))
    data = network_data(scope=scope)
    assert not graph.is_directed()
    assert graph.is_multigraph()
    assert set(graph.nodes) == {node.key for node in data.nodes}
    assert graph.number_of_edges() == len(data.edges) == 7
    schulz = graph.nodes[f"person:{introduction.schulz.pk}"]
    assert (schulz["label"], schulz["type"], schulz["team"]) == ("Anna Schulz", "person", False)
    assert graph.nodes[f"person:{introduction.you.person_id}"]["team"] is True
    company = graph.nodes[f"organisation:{introduction.company.pk}"]
    assert company["organisation_kind"] == "company"
    edges = {(data_["kind"], data_.get("tie")): data_ for _u, _v, data_ in graph.edges(data=True)}
    advice = edges[(TieKind.ADVISES, directed_tie.pk)]
    assert advice["strength"] == 2
    assert advice["trust"] == 3
    assert advice["since"] == "2022-02-02"
    assert advice["directed"] is True
    assert advice["from"] == f"person:{introduction.meyer.pk}"
    employment = [data_ for (kind, _tie), data_ in edges.items() if kind == EMPLOYMENT]
    assert employment
    assert all(e["directed"] is False and "trust" not in e for e in employment)


def test_graph_export_gexf_is_version_1_3(staff_client, introduction):
    content = body(export(staff_client, "gexf")).decode()

    assert 'xmlns="http://gexf.net/1.3"' in content
    assert 'version="1.3"' in content


def test_graph_export_csv_node_and_edge_lists(staff_client, scope, introduction, directed_tie):
    data = network_data(scope=scope)

    nodes = rows(export(staff_client, "nodes.csv"))
    edges = rows(export(staff_client, "edges.csv"))

    assert {row["Id"] for row in nodes} == {node.key for node in data.nodes}
    company = next(row for row in nodes if row["Id"] == f"organisation:{introduction.company.pk}")
    assert company == {
        "Id": f"organisation:{introduction.company.pk}",
        "Label": "Metallbau Müller GmbH",
        "type": "organisation",
        "organisation_kind": "company",
        "team": "",
    }
    assert len(edges) == len(data.edges)
    advice = next(row for row in edges if row["tie"] == str(directed_tie.pk))
    assert advice == {
        "Source": f"person:{introduction.meyer.pk}",
        "Target": f"organisation:{introduction.company.pk}",
        "Type": "Directed",
        "Weight": "2",
        "kind": "advises",
        "strength": "2",
        "trust": "3",
        "since": "2022-02-02",
        "last_contact": "",
        "directed": "true",
        "tie": str(directed_tie.pk),
    }
    assert {row["Type"] for row in edges if row["kind"] == EMPLOYMENT} == {"Undirected"}


def test_graph_export_applies_the_map_filters(staff_client, introduction):
    edges = rows(export(staff_client, "edges.csv", tie_kind=EMPLOYMENT))
    ego = nx.read_graphml(
        io.BytesIO(
            body(
                export(
                    staff_client,
                    "graphml",
                    centre=f"organisation:{introduction.company.pk}",
                    depth=1,
                )
            )
        )
    )

    assert {row["kind"] for row in edges} == {EMPLOYMENT}
    assert set(ego.nodes) == {
        f"organisation:{introduction.company.pk}",
        f"person:{introduction.schulz.pk}",
    }


def test_graph_export_logged_with_counts_only(staff_client, introduction):
    export(staff_client, "nodes.csv")

    entry = ActivityEntry.objects.get(action=Action.EXPORTED)
    assert entry.details == {"model": "network.tie", "format": "nodes.csv", "nodes": 6, "edges": 5}


def test_graph_export_not_for_partners(client, partner, introduction):
    client.force_login(partner)

    for file_format in ("gexf", "graphml", "nodes.csv", "edges.csv"):
        assert export(client, file_format).status_code == 403


def test_graph_export_anonymous_goes_to_login(client, introduction):
    assert export(client, "gexf").status_code == 302


def test_graph_export_never_holds_another_workspace(client, introduction, other_workspace):
    foreigner = MembershipFactory(workspace=other_workspace).user
    tie = TieFactory(workspace=other_workspace)
    client.force_login(foreigner)

    nodes = rows(export(client, "nodes.csv"))
    graph = nx.read_gexf(io.BytesIO(body(export(client, "gexf"))))

    assert {row["Id"] for row in nodes} == {
        f"person:{tie.source_person_id}",
        f"person:{tie.target_person_id}",
    }
    assert set(graph.nodes) == {row["Id"] for row in nodes}


def test_graph_export_foreign_centre_not_found(client, introduction, other_workspace):
    foreigner = MembershipFactory(workspace=other_workspace).user
    client.force_login(foreigner)

    response = export(client, "gexf", centre=f"person:{introduction.meyer.pk}")

    assert response.status_code == 404
