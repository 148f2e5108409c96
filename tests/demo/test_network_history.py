"""The demo graph as it stood at a past month's end, from which the health trend is computed."""

from datetime import date

from netzwerkstatt.demo.network.history import history_months, month_end, network_as_of
from netzwerkstatt.network.enums import NodeType
from netzwerkstatt.network.graph import EMPLOYMENT, Edge, NetworkData, Node

END = date(2026, 3, 31)


def graph(*edges: Edge) -> NetworkData:
    keys = sorted({key for edge in edges for key in (edge.source, edge.target)})
    nodes = [
        Node(
            key=key, type=NodeType(key.partition(":")[0]), pk=int(key.partition(":")[2]), label=key
        )
        for key in keys
    ]
    return NetworkData(nodes=nodes, edges=list(edges))


def test_history_months_are_the_twelve_before_the_reference_month():
    months = history_months(reference=date(2026, 11, 1))

    assert months[0] == date(2025, 11, 1)
    assert months[-1] == date(2026, 10, 1)
    assert len(months) == 12


def test_month_end_is_the_last_day_of_the_month():
    assert month_end(date(2026, 2, 1)) == date(2026, 2, 28)
    assert month_end(date(2025, 12, 1)) == date(2025, 12, 31)


def test_network_as_of_leaves_out_ties_and_functions_that_began_later():
    earlier = Edge("person:1", "person:2", "knows", 3, since=date(2026, 3, 31))
    later = Edge("person:1", "person:3", "knows", 3, since=date(2026, 4, 1))
    job = Edge("person:3", "organisation:1", EMPLOYMENT, 4, since=date(2026, 5, 1))
    undated = Edge("person:2", "person:3", "knows", 2)

    data = graph(earlier, later, job, undated)

    past = network_as_of(data, END)

    assert past.edges == [earlier, undated]
    assert past.nodes == data.nodes


def test_network_as_of_moves_later_contacts_to_the_day():
    later_contact = Edge(
        "person:1", "person:2", "knows", 3, since=date(2020, 1, 1), last_contact=date(2026, 9, 1)
    )
    old_contact = Edge(
        "person:1", "person:3", "knows", 3, since=date(2020, 1, 1), last_contact=date(2025, 1, 1)
    )

    past = network_as_of(graph(later_contact, old_contact), END)

    assert [edge.last_contact for edge in past.edges] == [END, date(2025, 1, 1)]
    assert past.edges[0].since == date(2020, 1, 1)
