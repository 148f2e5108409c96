"""Warm paths as the pages, the API and the command show them: found, explained, linked.

The paths start at every current team member's person (the current user's own
person first when their login is linked to one) and run through the cached
graph of what the scope sees (`loading.cached_graph`); `paths.warm_paths` finds
them, `explain` puts them into words.
"""

from dataclasses import dataclass

from django.urls import reverse

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import User
from netzwerkstatt.core.scoping import Scope

from .enums import NodeType
from .explain import SEPARATOR, Step, path_steps
from .graph import node_key
from .loading import cached_graph
from .paths import MAX_HOPS, WarmPath, warm_paths
from .selectors import team_person_for_user, team_person_keys

DEFAULT_K = 3
MAX_K = 10
DETAIL_URLS = {
    NodeType.PERSON: "contacts:person_detail",
    NodeType.ORGANISATION: "contacts:organisation_detail",
}


@dataclass(frozen=True)
class ExplainedPath:
    path: WarmPath
    steps: tuple[Step, ...]

    @property
    def score(self) -> float:
        return self.path.score

    @property
    def percent(self) -> int:
        return round(self.path.score * 100)

    @property
    def explanation(self) -> str:
        return SEPARATOR.join(str(step) for step in self.steps)

    @property
    def unasked(self) -> list[Step]:
        return [step for step in self.steps if step.unasked]

    def nodes_json(self) -> list[dict]:
        return [
            {"type": str(step.node.type), "id": step.node.pk, "label": step.node.label}
            for step in self.steps
        ]


@dataclass(frozen=True)
class WarmPathResult:
    target: str
    paths: list[ExplainedPath]
    team_size: int  # current team members, the paths' possible starts
    target_in_team: bool
    max_hops: int = MAX_HOPS


def node_url(node) -> str:
    return reverse(DETAIL_URLS[node.type], args=[node.pk])


def warm_paths_to(
    *, scope: Scope, subject: Person | Organisation, k: int = DEFAULT_K, user: User | None = None
) -> WarmPathResult:
    """The k best warm paths from the team to the subject (a person or organisation in scope)."""
    node_type = NodeType.PERSON if isinstance(subject, Person) else NodeType.ORGANISATION
    target = node_key(node_type.value, subject.pk)
    sources = team_person_keys(scope=scope)
    you_person = team_person_for_user(scope=scope, user=user)
    you = node_key(NodeType.PERSON.value, you_person.pk) if you_person else None
    if you in sources:
        sources = [you, *(key for key in sources if key != you)]
    graph = cached_graph(scope=scope)
    found = warm_paths(graph.path_graph, sources=sources, target=target, k=max(1, min(k, MAX_K)))
    return WarmPathResult(
        target=target,
        paths=[
            ExplainedPath(path, tuple(path_steps(path, nodes=graph.nodes, you=you)))
            for path in found
        ],
        team_size=len(sources),
        target_in_team=target in sources,
    )


def paths_json(result: WarmPathResult, *, explanations: bool) -> dict:
    """`{"paths": [{"score": x, "nodes": [{"type", "id", "label"}, …]}, …]}` (+ "explanation")."""
    paths = []
    for path in result.paths:
        entry = {"score": path.score, "nodes": path.nodes_json()}
        if explanations:
            entry["explanation"] = path.explanation
            entry["unasked"] = [
                {"type": str(step.node.type), "id": step.node.pk, "label": step.node.label}
                for step in path.unasked
            ]
        paths.append(entry)
    return {"paths": paths}
