"""Reads of networks, their members, topics and the member × topic matrix, always
through the scope. Partners see none of it (`view_steering` is the team's, and the
steering models have no `partner_visible`).

A member is current while it has not left (`left_on` empty or in the future); the
matrix and the member counts take current members only.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope

from ..enums import MemberRole
from ..matrix import MatrixAnalysis, matrix_analyse
from ..models import Network, NetworkMember, NetworkTopic, TopicInterest

ROLE_ORDER = Case(
    When(role=MemberRole.COORDINATION, then=Value(0)),
    When(role=MemberRole.MEMBER, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class NetworkFilter:
    search: str = ""

    @classmethod
    def from_query(cls, query) -> "NetworkFilter":
        return cls(search=query.get("search", "").strip())

    @property
    def active(self) -> bool:
        return bool(self.search)


def _current(prefix: str = "", *, today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": today})


def network_list(*, scope: Scope, filters: NetworkFilter = NetworkFilter()) -> QuerySet[Network]:
    """The scope's networks by name with `member_count` (current members) and
    `topic_count`; every search word must occur in the name, region or purpose."""
    queryset = scope.objects(Network)
    for word in filters.search.split():
        queryset = queryset.filter(
            Q(name__icontains=word) | Q(region__icontains=word) | Q(purpose__icontains=word)
        )
    return queryset.annotate(
        member_count=Count("members", filter=_current("members__"), distinct=True),
        topic_count=Count("topics", distinct=True),
    ).order_by("name", "id")


def network_get(*, scope: Scope, pk) -> Network:
    """The network with its projects; Http404 for another workspace's."""
    try:
        return scope.objects(Network).prefetch_related("projects").get(pk=pk)
    except (Network.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Network._meta.verbose_name) from error


def network_members(
    *, scope: Scope, network: Network, current: bool | None = None
) -> QuerySet[NetworkMember]:
    """The network's members by role (coordination, member, guest) and name, with
    their organisation or person; `current=True` only those who have not left,
    `current=False` only those who have; each with `is_current`."""
    queryset = scope.objects(NetworkMember).filter(network=network)
    if current is True:
        queryset = queryset.filter(_current())
    elif current is False:
        queryset = queryset.exclude(_current())
    return (
        queryset.select_related("organisation", "person")
        .annotate(
            role_order=ROLE_ORDER,
            is_current=ExpressionWrapper(_current(), output_field=BooleanField()),
        )
        .order_by(
            "role_order", "organisation__name", "person__last_name", "person__first_name", "id"
        )
    )


def member_get(*, scope: Scope, pk) -> NetworkMember:
    """The member with its network, organisation or person; Http404 for another workspace's."""
    try:
        return (
            scope.objects(NetworkMember)
            .select_related("network", "organisation", "person")
            .get(pk=pk)
        )
    except (NetworkMember.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(NetworkMember._meta.verbose_name) from error


def network_topics(*, scope: Scope, network: Network) -> QuerySet[NetworkTopic]:
    """The network's topics by name, each with `member_count`: how many members have it
    (interest level 1 or more)."""
    return (
        scope.objects(NetworkTopic)
        .filter(network=network)
        .annotate(
            member_count=Count(
                "interests",
                filter=Q(interests__level__gte=1) & _current("interests__member__"),
                distinct=True,
            )
        )
        .order_by("name", "id")
    )


def topic_get(*, scope: Scope, pk) -> NetworkTopic:
    """The topic with its network; Http404 for another workspace's."""
    try:
        return scope.objects(NetworkTopic).select_related("network").get(pk=pk)
    except (NetworkTopic.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(NetworkTopic._meta.verbose_name) from error


@dataclass
class MatrixRow:
    member: NetworkMember
    cells: list[tuple[NetworkTopic, int]]
    isolated: bool
    partners: int


@dataclass
class Matrix:
    """The member × topic matrix of a network as the page shows it."""

    topics: list[NetworkTopic]
    rows: list[MatrixRow]
    analysis: MatrixAnalysis
    shared_topics: list[NetworkTopic] = field(default_factory=list)
    isolated_members: list[NetworkMember] = field(default_factory=list)


def network_matrix(*, scope: Scope, network: Network) -> Matrix:
    """The current members × the topics with each member's interest level, analysed
    (`matrix.matrix_analyse`); three queries whatever the size."""
    members = list(network_members(scope=scope, network=network, current=True))
    topics = list(scope.objects(NetworkTopic).filter(network=network).order_by("name", "id"))
    levels = {
        (member_id, topic_id): level
        for member_id, topic_id, level in scope.objects(TopicInterest)
        .filter(topic__network=network, member__in=[m.pk for m in members])
        .values_list("member_id", "topic_id", "level")
    }
    analysis = matrix_analyse(
        members=[m.pk for m in members], topics=[t.pk for t in topics], levels=levels
    )
    isolated = set(analysis.isolated_members)
    for topic in topics:
        topic.member_count = analysis.counts[topic.pk]
        topic.shared = topic.pk in analysis.shared_topics
    rows = [
        MatrixRow(
            member=member,
            cells=[(topic, levels.get((member.pk, topic.pk), 0)) for topic in topics],
            isolated=member.pk in isolated,
            partners=analysis.partners[member.pk],
        )
        for member in members
    ]
    return Matrix(
        topics=topics,
        rows=rows,
        analysis=analysis,
        shared_topics=[topic for topic in topics if topic.shared],
        isolated_members=[row.member for row in rows if row.isolated],
    )


def member_interests(*, scope: Scope, member: NetworkMember) -> list[tuple[NetworkTopic, int]]:
    """The topics of the member's network with the member's level in each (0 when none)."""
    levels = dict(
        scope.objects(TopicInterest).filter(member=member).values_list("topic_id", "level")
    )
    topics = scope.objects(NetworkTopic).filter(network_id=member.network_id).order_by("name", "id")
    return [(topic, levels.get(topic.pk, 0)) for topic in topics]


def subject_memberships(*, scope: Scope, subject: Organisation | Person) -> QuerySet[NetworkMember]:
    """The networks an organisation or person is (or was) a member of, by network name."""
    lookup = {"organisation": subject} if isinstance(subject, Organisation) else {"person": subject}
    return (
        scope.objects(NetworkMember)
        .filter(**lookup)
        .select_related("network")
        .order_by("network__name", "id")
    )


def project_choices(*, scope: Scope) -> QuerySet[Project]:
    return scope.objects(Project).order_by("name", "id")
