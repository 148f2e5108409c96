"""Reads of ties, recommendations and the team, always through the scope.

Partners see ties whose two ends are both shared with them (`Tie.partner_visible`);
recommendations and the team are not shared with partners at all.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership, User
from netzwerkstatt.core.scoping import Scope

from .enums import TIE_RULES, NodeType, RecommendationOutcome, TieKind
from .graph import node_key
from .models import Recommendation, TeamMember, Tie

Node = Person | Organisation
TIE_RELATED = (
    "source_person", "source_organisation", "target_person", "target_organisation",
    "recorded_by", "project",
)  # fmt: skip
RECOMMENDATION_RELATED = (
    "recommender", "subject_person", "subject_organisation", "recipient_person",
    "recipient_organisation", "recorded_by", "project",
)  # fmt: skip


def node_type(node: Node) -> NodeType:
    return NodeType.PERSON if isinstance(node, Person) else NodeType.ORGANISATION


def node_key_of(node: Node) -> str:
    """The node's key as the graph uses it: "person:<pk>" or "organisation:<pk>"."""
    return node_key(node_type(node).value, node.pk)


def node_from_key(*, scope: Scope, key: str) -> Node:
    """The person or organisation a key names, in this scope; Http404 otherwise."""
    kind, _, pk = key.partition(":")
    model = {NodeType.PERSON.value: Person, NodeType.ORGANISATION.value: Organisation}.get(kind)
    if model is None or not pk.isdigit():
        raise Http404(key)
    return scope.get(model, pk=int(pk))


def _involving(node: Node) -> Q:
    field = node_type(node).value
    return Q(**{f"source_{field}": node}) | Q(**{f"target_{field}": node})


# ---------------------------------------------------------------------------------- ties


@dataclass(frozen=True)
class TieFilter:
    person: int | None = None
    organisation: int | None = None
    kind: str = ""
    min_strength: int | None = None

    @classmethod
    def from_query(cls, query) -> "TieFilter":
        person, organisation, min_strength = (
            _number(query, name) for name in ("person", "organisation", "min_strength")
        )
        kind = query.get("kind", "").strip()
        return cls(
            person=person,
            organisation=organisation,
            kind=kind if kind in TieKind.values else "",
            min_strength=min_strength,
        )


def _number(query, name: str) -> int | None:
    raw = query.get(name, "").strip()
    return int(raw) if raw.isdigit() else None


def tie_list(*, scope: Scope, filters: TieFilter = TieFilter()) -> QuerySet[Tie]:
    """The scope's ties with their ends, newest change first; filtered by end, kind, strength."""
    queryset = scope.objects(Tie)
    if filters.person is not None:
        queryset = queryset.filter(
            Q(source_person_id=filters.person) | Q(target_person_id=filters.person)
        )
    if filters.organisation is not None:
        queryset = queryset.filter(
            Q(source_organisation_id=filters.organisation)
            | Q(target_organisation_id=filters.organisation)
        )
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.min_strength is not None:
        queryset = queryset.filter(strength__gte=filters.min_strength)
    return queryset.select_related(*TIE_RELATED).order_by("-updated_at", "-id")


def tie_get(*, scope: Scope, pk) -> Tie:
    """The tie with its ends; Http404 for another workspace's (or, for partners, unshared) tie."""
    try:
        return tie_list(scope=scope).get(pk=pk)
    except (Tie.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Tie._meta.verbose_name) from error


@dataclass(frozen=True)
class NodeTie:
    """A tie seen from one of its ends: the other end, and which way a directed tie runs."""

    tie: Tie
    other: Node
    # "out": from this node to the other; "in": from the other to this node; "": undirected.
    direction: str

    @property
    def other_type(self) -> str:
        return node_type(self.other).value


def node_ties(*, scope: Scope, node: Node, limit: int | None = None) -> list[NodeTie]:
    """The node's ties in both directions, each with the other end; strongest first."""
    ties = tie_list(scope=scope).filter(_involving(node))
    ties = ties.order_by("-strength", "-last_contact", "-id")
    if limit is not None:
        ties = ties[:limit]
    return [node_tie(tie, node) for tie in ties]


def node_tie(tie: Tie, node: Node) -> NodeTie:
    """The tie seen from `node`, one of its ends."""
    outgoing = tie.source == node
    return NodeTie(
        tie=tie,
        other=tie.target if outgoing else tie.source,
        direction=("out" if outgoing else "in") if TIE_RULES[TieKind(tie.kind)].directed else "",
    )


def node_tie_count(*, scope: Scope, node: Node) -> int:
    return scope.objects(Tie).filter(_involving(node)).count()


# ------------------------------------------------------------------------ recommendations


@dataclass(frozen=True)
class RecommendationFilter:
    outcome: str = ""
    project: int | None = None
    person: int | None = None
    organisation: int | None = None

    @classmethod
    def from_query(cls, query) -> "RecommendationFilter":
        outcome = query.get("outcome", "").strip()
        return cls(
            outcome=outcome if outcome in RecommendationOutcome.values else "",
            project=_number(query, "project"),
            person=_number(query, "person"),
            organisation=_number(query, "organisation"),
        )


def recommendation_list(
    *, scope: Scope, filters: RecommendationFilter = RecommendationFilter()
) -> QuerySet[Recommendation]:
    """The scope's recommendations, newest first (partners get none)."""
    queryset = scope.objects(Recommendation)
    if filters.outcome:
        queryset = queryset.filter(outcome=filters.outcome)
    if filters.project is not None:
        queryset = queryset.filter(project_id=filters.project)
    if filters.person is not None:
        queryset = queryset.filter(
            Q(recommender_id=filters.person)
            | Q(subject_person_id=filters.person)
            | Q(recipient_person_id=filters.person)
        )
    if filters.organisation is not None:
        queryset = queryset.filter(
            Q(subject_organisation_id=filters.organisation)
            | Q(recipient_organisation_id=filters.organisation)
        )
    return queryset.select_related(*RECOMMENDATION_RELATED).order_by("-date", "-id")


def recommendation_get(*, scope: Scope, pk) -> Recommendation:
    return scope.get(Recommendation, pk=pk)


def node_recommendations(
    *, scope: Scope, node: Node, limit: int | None = None
) -> QuerySet[Recommendation]:
    """Recommendations the node gave, was the subject of or received; newest first."""
    filters = (
        RecommendationFilter(person=node.pk)
        if isinstance(node, Person)
        else RecommendationFilter(organisation=node.pk)
    )
    queryset = recommendation_list(scope=scope, filters=filters)
    return queryset[:limit] if limit is not None else queryset


# ---------------------------------------------------------------------------------- team


def _current(on: dt.date) -> Q:
    return (Q(since__isnull=True) | Q(since__lte=on)) & (Q(until__isnull=True) | Q(until__gte=on))


def team_members(*, scope: Scope, current_only: bool = False) -> QuerySet[TeamMember]:
    """The project team with persons and linked users, by name; partners see no team."""
    queryset = scope.objects(TeamMember).select_related("person", "user")
    if current_only:
        queryset = queryset.filter(_current(timezone.localdate()))
    return queryset.order_by("person__last_name", "person__first_name", "id")


def team_person_ids(*, scope: Scope, on: dt.date | None = None) -> set[int]:
    """Ids of the persons in the team on `on` (default today)."""
    return set(
        scope.objects(TeamMember)
        .filter(_current(on or timezone.localdate()))
        .values_list("person_id", flat=True)
    )


def team_person_keys(*, scope: Scope, on: dt.date | None = None) -> list[str]:
    """Graph keys ("person:<pk>") of the team today, where warm paths start; sorted."""
    return [
        node_key(NodeType.PERSON.value, pk) for pk in sorted(team_person_ids(scope=scope, on=on))
    ]


def team_person_for_user(*, scope: Scope, user: User | None) -> Person | None:
    """The person record the user is linked to in this workspace (the "Sie" of warm paths)."""
    if user is None or not user.is_authenticated:
        return None
    member = scope.objects(TeamMember).filter(user=user).select_related("person").first()
    return member.person if member is not None else None


def workspace_users(*, scope: Scope) -> QuerySet[User]:
    """The users who are members of the workspace (lead and staff), to link to team persons."""
    return User.objects.filter(
        pk__in=Membership.objects.filter(
            workspace=scope.workspace, role__in=(Role.LEAD, Role.STAFF)
        ).values("user")
    ).order_by("last_name", "first_name", "email")
