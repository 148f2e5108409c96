import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.network.enums import NodeType, TieKind
from netzwerkstatt.network.graph import EMPLOYMENT, Edge, NetworkData, Node
from netzwerkstatt.network.graphview import (
    GraphFilter,
    ego_distances,
    graph_filtered,
    map_elements,
    restrict,
)
from netzwerkstatt.network.metrics import NODE_FIELDS
from netzwerkstatt.network.models import MetricsSnapshot
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TagFactory,
    TieFactory,
)

pytestmark = pytest.mark.django_db
DATA_URL = reverse("network:map_data")


def keys(response) -> set[str]:
    return {node["data"]["id"] for node in response.json()["elements"]["nodes"]}


def key(obj) -> str:
    kind = "person" if obj._meta.model_name == "person" else "organisation"
    return f"{kind}:{obj.pk}"


def chain(length: int) -> NetworkData:
    """person:0 – person:1 – … – person:<length-1>."""
    nodes = [Node(f"person:{i}", NodeType.PERSON, i, f"P{i}") for i in range(length)]
    edges = [Edge(f"person:{i}", f"person:{i + 1}", TieKind.KNOWS, 3) for i in range(length - 1)]
    return NetworkData(nodes=nodes, edges=edges)


def test_ego_distances_within_depth():
    data = chain(6)

    assert ego_distances(data.edges, centre="person:2", depth=1) == {
        "person:2": 0,
        "person:1": 1,
        "person:3": 1,
    }
    assert set(ego_distances(data.edges, centre="person:0", depth=3)) == {
        "person:0",
        "person:1",
        "person:2",
        "person:3",
    }


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_restrict_ego_network_depth(depth):
    filtered = restrict(chain(9), filters=GraphFilter(centre="person:4", depth=depth))

    assert {node.key for node in filtered.data.nodes} == {
        f"person:{i}" for i in range(4 - depth, 5 + depth)
    }
    assert len(filtered.data.edges) == 2 * depth


def test_restrict_drops_isolates_unless_asked():
    data = chain(3)
    data.nodes.append(Node("person:9", NodeType.PERSON, 9, "Alone"))

    assert len(restrict(data, filters=GraphFilter()).data.nodes) == 3
    assert len(restrict(data, filters=GraphFilter(isolates=True)).data.nodes) == 4


def test_map_elements_capped_keeps_the_nearest_to_the_centre(scope):
    filtered = restrict(chain(9), filters=GraphFilter(centre="person:4", depth=3))

    result = map_elements(scope=scope, filtered=filtered, max_nodes=3)

    assert result["capped"]
    assert result["total"]["nodes"] == 7
    assert {node["data"]["id"] for node in result["elements"]["nodes"]} == {
        "person:3",
        "person:4",
        "person:5",
    }
    assert result["shown"] == {"nodes": 3, "edges": 2}
    assert result["message"]


@pytest.mark.parametrize(
    ("language", "shown", "total"), [("de", "3", "1.200"), ("en", "3", "1,200")]
)
def test_map_elements_capped_message_groups_the_digits_as_the_language_does(
    scope, language, shown, total
):
    filtered = restrict(chain(1200), filters=GraphFilter())

    with translation.override(language):
        result = map_elements(scope=scope, filtered=filtered, max_nodes=3)

    assert f" {shown} " in result["message"]
    assert f" {total} " in result["message"]


def test_map_elements_large_maps_come_with_positions(scope):
    data = chain(450)
    data.nodes.extend(Node(f"person:{i}", NodeType.PERSON, i, "Pair") for i in (900, 901))
    data.edges.append(Edge("person:900", "person:901", TieKind.KNOWS, 2))
    small = map_elements(scope=scope, filtered=restrict(chain(20), filters=GraphFilter()))

    first = map_elements(scope=scope, filtered=restrict(data, filters=GraphFilter()))

    assert small["layout"] == "browser"
    assert all("position" not in node for node in small["elements"]["nodes"])
    assert first["layout"] == "preset"
    positions = {node["data"]["id"]: node["position"] for node in first["elements"]["nodes"]}
    assert len(positions) == 452
    # The pair is packed beside the chain, not thrown far away.
    assert max(position["x"] for position in positions.values()) < 10_000
    assert max(position["y"] for position in positions.values()) < 10_000


def test_map_data_whole_network(staff_client, introduction, workspace):
    alone = PersonFactory(workspace=workspace)

    response = staff_client.get(DATA_URL)

    assert response.status_code == 200
    body = response.json()
    assert keys(response) == {
        key(introduction.you.person),
        key(introduction.colleague.person),
        key(introduction.meyer),
        key(introduction.schulz),
        key(introduction.union),
        key(introduction.company),
    }
    assert body["shown"] == {"nodes": 6, "edges": 5}
    assert not body["capped"]
    assert body["size_by"] == "degree"
    you = key(introduction.you.person)
    node = next(n["data"] for n in body["elements"]["nodes"] if n["data"]["id"] == you)
    assert node["team"]
    assert node["url"] == introduction.you.person.get_absolute_url()
    company = next(
        n["data"] for n in body["elements"]["nodes"] if n["data"]["id"] == key(introduction.company)
    )
    assert company["kind"] == OrganisationKind.COMPANY
    assert company["url"] == introduction.company.get_absolute_url()
    assert key(alone) in keys(staff_client.get(DATA_URL, {"isolates": "on"}))


def test_map_data_filters_by_organisation_kind(staff_client, introduction):
    response = staff_client.get(DATA_URL, {"organisation_kind": OrganisationKind.UNION})

    assert key(introduction.union) in keys(response)
    assert key(introduction.company) not in keys(response)


def test_map_data_filters_by_tie_kind(staff_client, introduction):
    employment = staff_client.get(DATA_URL, {"tie_kind": EMPLOYMENT}).json()
    knows = staff_client.get(DATA_URL, {"tie_kind": TieKind.KNOWS}).json()

    assert {e["data"]["kind"] for e in employment["elements"]["edges"]} == {EMPLOYMENT}
    assert employment["shown"]["edges"] == 2
    assert {e["data"]["kind"] for e in knows["elements"]["edges"]} == {TieKind.KNOWS}
    assert knows["shown"]["edges"] == 3


def test_map_data_filters_by_minimum_strength(staff_client, introduction):
    response = staff_client.get(DATA_URL, {"min_strength": 4})

    assert {e["data"]["strength"] for e in response.json()["elements"]["edges"]} == {4}
    # Kai Kollege's only tie (strength 1) is gone, and with it Kai.
    assert key(introduction.colleague.person) not in keys(response)


def test_map_data_filters_by_tag(staff_client, introduction, workspace):
    tag = TagFactory(workspace=workspace, name="Metall")
    introduction.company.tags.add(tag)
    introduction.schulz.tags.add(tag)

    response = staff_client.get(DATA_URL, {"tag": tag.pk})

    assert keys(response) == {key(introduction.company), key(introduction.schulz)}


def test_map_data_filters_by_project(staff_client, introduction, workspace):
    project = ProjectFactory(workspace=workspace)
    tie = TieFactory(workspace=workspace, project=project, strength=5)

    response = staff_client.get(DATA_URL, {"project": project.pk})

    assert keys(response) == {key(tie.source_person), key(tie.target_person)}


def test_map_data_ego_network(staff_client, introduction):
    centre = key(introduction.meyer)

    one = staff_client.get(DATA_URL, {"centre": centre, "depth": 1})
    two = staff_client.get(DATA_URL, {"centre": centre, "depth": 2})

    assert keys(one) == {
        centre,
        key(introduction.you.person),
        key(introduction.union),
        key(introduction.schulz),
    }
    assert keys(two) == keys(one) | {key(introduction.company), key(introduction.colleague.person)}
    assert [n["data"]["centre"] for n in one.json()["elements"]["nodes"]].count(True) == 1


def test_map_data_sizes_by_betweenness_of_the_snapshot(staff_client, introduction, workspace):
    MetricsSnapshot.objects.create(
        workspace=workspace,
        computed_at=timezone.now(),
        graph_version="x",
        month=dt.date.today().replace(day=1),
        metrics={
            "network": {},
            "nodes": {
                "fields": list(NODE_FIELDS),
                "values": {
                    key(introduction.meyer): [3, 11, 0.6, 0.0, 0],
                    key(introduction.schulz): [3, 8, 0.2, 0.0, 0],
                },
            },
        },
    )

    body = staff_client.get(DATA_URL).json()

    assert body["size_by"] == "betweenness"
    assert NODE_FIELDS.index("betweenness") == 2
    sizes = {n["data"]["id"]: n["data"]["size"] for n in body["elements"]["nodes"]}
    assert sizes[key(introduction.meyer)] == max(sizes.values())
    assert sizes[key(introduction.meyer)] > sizes[key(introduction.schulz)]
    assert sizes[key(introduction.company)] == min(sizes.values())


def test_map_data_rejects_invalid_filters(staff_client, introduction, other_workspace):
    foreign_tag = TagFactory(workspace=other_workspace)

    assert staff_client.get(DATA_URL, {"depth": 4}).status_code == 400
    assert staff_client.get(DATA_URL, {"centre": "firma:1"}).status_code == 400
    assert staff_client.get(DATA_URL, {"tag": foreign_tag.pk}).status_code == 400


def test_map_data_foreign_centre_not_found(staff_client, introduction, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    assert staff_client.get(DATA_URL, {"centre": key(foreign)}).status_code == 404
    assert staff_client.get(DATA_URL, {"centre": "person:999999"}).status_code == 404
    assert staff_client.get(reverse("network:map"), {"centre": key(foreign)}).status_code == 404


def test_map_data_never_shows_another_workspace(client, introduction, other_workspace):
    foreigner = MembershipFactory(workspace=other_workspace).user
    TieFactory(workspace=other_workspace)
    client.force_login(foreigner)

    response = client.get(DATA_URL)

    assert len(keys(response)) == 2
    assert not keys(response) & {key(introduction.meyer), key(introduction.company)}


def test_map_data_partner_sees_the_shared_part(client, partner, introduction):
    client.force_login(partner)

    body = client.get(DATA_URL).json()

    assert {n["data"]["id"] for n in body["elements"]["nodes"]} == {
        key(introduction.meyer),
        key(introduction.union),
    }
    assert not any(n["data"]["team"] for n in body["elements"]["nodes"])
    assert not any("trust" in e["data"] for e in body["elements"]["edges"])


def test_map_data_queries_bounded(staff_client, introduction, django_assert_max_num_queries):
    staff_client.get(DATA_URL)

    # Session, user, membership, data versions, the centre, the snapshot.
    with django_assert_max_num_queries(7):
        staff_client.get(DATA_URL, {"centre": key(introduction.meyer), "depth": 2})


def test_map_page_for_staff(staff_client, introduction):
    staff_client.cookies["django_language"] = "en"

    response = staff_client.get(reverse("network:map"), {"organisation_kind": "company"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "vendor/cytoscape/cytoscape.min.js" in content
    assert 'id="map-config"' in content
    assert f"{reverse('network:graph_export', args=['gexf'])}?organisation_kind=company" in content
    assert f'href="{reverse("network:map")}"' in content  # the navigation entry


def test_map_page_gives_the_script_both_forms_of_each_count(staff_client, introduction):
    response = staff_client.get(reverse("network:map"))

    labels = response.context["config"]["labels"]
    assert labels["status"] == "{contacts} und {ties} angezeigt."
    assert labels["contacts"] == {"one": "{count} Kontakt", "other": "{count} Kontakte"}
    assert labels["ties"] == {"one": "{count} Beziehung", "other": "{count} Beziehungen"}


def test_map_page_partner_without_exports(client, partner, workspace):
    client.force_login(partner)

    response = client.get(reverse("network:map"))

    assert response.status_code == 200
    assert reverse("network:graph_export", args=["gexf"]) not in response.content.decode()


def test_map_page_centre_shown_as_chosen(staff_client, introduction):
    response = staff_client.get(reverse("network:map"), {"centre": key(introduction.company)})

    assert f'value="{key(introduction.company)}" selected' in response.content.decode()


def test_graph_filtered_centre_outside_the_scope(scope, other_workspace):
    from django.http import Http404

    foreign = OrganisationFactory(workspace=other_workspace)

    with pytest.raises(Http404):
        graph_filtered(scope=scope, filters=GraphFilter(centre=key(foreign)))
