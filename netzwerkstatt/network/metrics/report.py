"""The health page's lists, resolved to the current names and pages."""

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.scoping import Scope

from ..enums import NodeType
from ..graph import node_key
from ..models import MetricsSnapshot, Tie

# ------------------------------------------------------------------- the health page

# How many entries of each list the health page shows.
PAGE_LIST = 10


@dataclass(frozen=True)
class NodeLink:
    key: str
    label: str
    url: str


@dataclass
class HealthReport:
    """The named lists of a snapshot, resolved to the current names and pages.

    Entries whose person or organisation no longer exists are left out.
    """

    introductions: list[dict]  # node, via, to (NodeLink or None), only_team
    brokers: list[dict]  # node, team, cut_off, pairs [(NodeLink, NodeLink)]
    stale_ties: list[Tie]
    isolates: list[NodeLink]
    top_brokers: list[dict]  # node, betweenness, degree, team
    communities: list[dict]  # number, size, members [NodeLink]


def node_links(*, scope: Scope, keys: Iterable[str | None]) -> dict[str, NodeLink]:
    """Node key → name and page, with one query per node type."""
    wanted: dict[str, set[int]] = {NodeType.PERSON: set(), NodeType.ORGANISATION: set()}
    for key in keys:
        node_type, _colon, pk = (key or "").partition(":")
        if node_type in wanted and pk.isdigit():
            wanted[node_type].add(int(pk))
    links = {}
    if wanted[NodeType.PERSON]:
        for person in (
            scope.objects(Person)
            .filter(pk__in=wanted[NodeType.PERSON])
            .only("pk", "title", "first_name", "last_name")
        ):
            key = node_key(NodeType.PERSON, person.pk)
            links[key] = NodeLink(key, person.full_name, person.get_absolute_url())
    if wanted[NodeType.ORGANISATION]:
        for organisation in (
            scope.objects(Organisation)
            .filter(pk__in=wanted[NodeType.ORGANISATION])
            .only("pk", "name")
        ):
            key = node_key(NodeType.ORGANISATION, organisation.pk)
            links[key] = NodeLink(key, organisation.name, organisation.get_absolute_url())
    return links


def health_report(
    *, scope: Scope, snapshot: MetricsSnapshot, limit: int = PAGE_LIST
) -> HealthReport:
    """The first `limit` entries of each of the snapshot's lists, named (three queries)."""
    steps = snapshot.health.get("next_steps", {})
    introductions = steps.get("introductions", [])[:limit]
    brokers = steps.get("brokers", [])[:limit]
    isolates = steps.get("isolates", [])[:limit]
    top_brokers = (getattr(snapshot, "top_brokers", None) or [])[:limit]
    communities = (getattr(snapshot, "communities", None) or [])[:limit]
    links = node_links(
        scope=scope,
        keys=itertools.chain(
            *([step["key"], step["via"], step["to"]] for step in introductions),
            *([step["key"], *itertools.chain(*step["pairs"])] for step in brokers),
            isolates,
            (broker["key"] for broker in top_brokers),
            *(community["members"] for community in communities),
        ),
    )
    tie_ids = steps.get("stale_ties", [])[:limit]
    ties = (
        scope.objects(Tie)
        .filter(pk__in=tie_ids)
        .select_related(
            "source_person", "source_organisation", "target_person", "target_organisation"
        )
    )
    order = {pk: position for position, pk in enumerate(tie_ids)}
    return HealthReport(
        introductions=[
            {
                "node": links[step["key"]],
                "via": links.get(step["via"]),
                "to": links.get(step["to"]),
                "only_team": step["only_team"],
            }
            for step in introductions
            if step["key"] in links
        ],
        brokers=[
            {
                "node": links[step["key"]],
                "team": step["team"],
                "cut_off": step["cut_off"],
                "pairs": [
                    (links[first], links[second])
                    for first, second in step["pairs"]
                    if first in links and second in links
                ],
            }
            for step in brokers
            if step["key"] in links
        ],
        stale_ties=sorted(ties, key=lambda tie: order[tie.pk]),
        isolates=[links[key] for key in isolates if key in links],
        top_brokers=[
            {**broker, "node": links[broker["key"]]}
            for broker in top_brokers
            if broker["key"] in links
        ],
        communities=[
            {
                **community,
                "members": [links[key] for key in community["members"] if key in links],
            }
            for community in communities
        ],
    )
