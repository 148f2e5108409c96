"""Reading a World Café: who takes part, and the planner's problem built from the event.

Everything goes through `scope.objects(...)`. `world_cafe_problem` is what the
planning page, the swap check and `worldcafe-plan --event` all plan with, so
they agree: participants are invitation ids, colleagues of one organisation
never share a table (the planner's hard rule), strong ties count as having met,
brokers are spread, and the organiser's pairs to keep apart and topic wishes
are passed on.
"""

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Function
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import TIE_RULES, NodeType
from netzwerkstatt.network.graph import EMPLOYMENT, node_key
from netzwerkstatt.network.models import Tie

from ..enums import InvitationStatus
from ..models import CafeTable, Event, Invitation, TableRound, Topic, WorldCafe
from ..tableplanner import Participant, Problem, Table, balanced_tables

# A tie at least this strong ("stark" or "sehr eng") counts as having met before the
# event: the planner then seats the pair together only when it cannot avoid it.
STRONG_TIE_STRENGTH = 4
# Brokers: the participants with the highest betweenness (else: most ties), at most
# this many per table, so the planner can give each table its own.
BROKERS_PER_TABLE = 1
MIN_BROKER_TIES = 2  # without a metrics snapshot: bridging takes two ties at least
# Table sizes the defaults aim at.
DEFAULT_TABLE_SIZE = 5
MIN_TABLE_SIZE, MAX_TABLE_SIZE = 4, 6

REGISTERED = "registered"
CHECKED_IN = "checked_in"


@dataclass(frozen=True)
class CafeParticipant:
    """A participant as the planner and the printouts see them."""

    invitation_id: int
    person_id: int
    name: str
    organisation_id: int | None = None
    organisation: str = ""
    organisation_kind: str = ""

    @property
    def kind_label(self) -> str:
        if not self.organisation_kind:
            return ""
        return str(OrganisationKind(self.organisation_kind).label)


@dataclass(frozen=True)
class Constraints:
    """The organiser's wishes: pairs never to seat together, topics a participant wants."""

    keep_apart: tuple[tuple[int, int], ...] = ()
    preferences: dict[int, tuple[int, ...]] = field(default_factory=dict)  # invitation → topics


def world_cafe_of(*, scope: Scope, event: Event) -> WorldCafe | None:
    return scope.objects(WorldCafe).filter(event=event).first()


def participant_basis(*, scope: Scope, event: Event) -> str:
    """CHECKED_IN after the event when check-ins were recorded, else REGISTERED."""
    if event.ends_at < timezone.now() and (
        scope.objects(Invitation).filter(event=event, checked_in_at__isnull=False).exists()
    ):
        return CHECKED_IN
    return REGISTERED


def world_cafe_participants(*, scope: Scope, event: Event) -> list[CafeParticipant]:
    """Registered invitations (after the event: the checked-in ones), by name."""
    invitations = scope.objects(Invitation).filter(event=event)
    if participant_basis(scope=scope, event=event) == CHECKED_IN:
        invitations = invitations.filter(checked_in_at__isnull=False)
    else:
        invitations = invitations.filter(status=InvitationStatus.REGISTERED)
    return cafe_participants(scope=scope, invitations=invitations)


def cafe_participants(*, scope: Scope, invitations) -> list[CafeParticipant]:
    """These invitations as participants with their organisation; two queries."""
    rows = list(
        invitations.select_related("person").order_by(
            "person__last_name", "person__first_name", "pk"
        )
    )
    affiliation = affiliations(scope=scope, person_ids={row.person_id for row in rows})
    return [
        CafeParticipant(
            invitation_id=row.pk,
            person_id=row.person_id,
            name=row.person.full_name,
            **affiliation.get(row.person_id, {}),
        )
        for row in rows
    ]


def affiliations(*, scope: Scope, person_ids: Iterable[int]) -> dict[int, dict]:
    """Per person their first current function's organisation: open-ended before ending,
    then the newest (as the person page and the relationship graph choose it)."""
    today = timezone.localdate()
    found: dict[int, dict] = {}
    for person_id, organisation_id, name, kind in (
        scope.objects(Function)
        .filter(person_id__in=list(person_ids))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .order_by(F("end_date").asc(nulls_first=True), F("start_date").desc(nulls_last=True), "pk")
        .values_list("person_id", "organisation_id", "organisation__name", "organisation__kind")
    ):
        found.setdefault(
            person_id,
            {"organisation_id": organisation_id, "organisation": name, "organisation_kind": kind},
        )
    return found


def constraints_of(world_cafe: WorldCafe | None) -> Constraints:
    """Pairs to keep apart and topic wishes (invitation id → topic ids); two queries."""
    if world_cafe is None:
        return Constraints()
    preferences = defaultdict(list)
    for invitation, topic in Invitation.topic_wishes.through.objects.filter(
        topic__world_cafe=world_cafe
    ).values_list("invitation_id", "topic_id"):
        preferences[invitation].append(topic)
    return Constraints(
        keep_apart=tuple(
            world_cafe.keep_apart.order_by("first_id", "second_id").values_list(
                "first_id", "second_id"
            )
        ),
        preferences={
            invitation: tuple(sorted(topics)) for invitation, topics in preferences.items()
        },
    )


def strong_tie_pairs(
    *, scope: Scope, participants: Sequence[CafeParticipant]
) -> list[tuple[int, int]]:
    """Pairs of participants (invitation ids) joined by a person-to-person tie of
    at least STRONG_TIE_STRENGTH; one query."""
    invitation_of = defaultdict(list)
    for participant in participants:
        invitation_of[participant.person_id].append(participant.invitation_id)
    persons = list(invitation_of)
    person_kinds = [kind for kind, rule in TIE_RULES.items() if rule.target == NodeType.PERSON]
    pairs = set()
    for source, target in (
        scope.objects(Tie)
        .filter(
            kind__in=person_kinds,
            strength__gte=STRONG_TIE_STRENGTH,
            source_person_id__in=persons,
            target_person_id__in=persons,
        )
        .values_list("source_person_id", "target_person_id")
    ):
        for a in invitation_of[source]:
            for b in invitation_of[target]:
                if a != b:
                    pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def broker_weights(
    *, scope: Scope, participants: Sequence[CafeParticipant], tables: int
) -> dict[int, float]:
    """Invitation id → broker weight in (0, 1] for the participants who bridge the most.

    The measure is betweenness from the newest metrics snapshot ("Vermittlungsrolle");
    without a snapshot, the number of recorded ties in the relationship graph
    (employment left out; at least MIN_BROKER_TIES). Brokers stand out: their
    measure is above the participants' median, and at most `BROKERS_PER_TABLE ×
    tables` of them (the highest) count, weighted by their measure relative to
    the highest.
    """
    from netzwerkstatt.network.loading import cached_network_data
    from netzwerkstatt.network.metrics.snapshots import metrics_node_values

    keys = {p.invitation_id: node_key(NodeType.PERSON, p.person_id) for p in participants}
    values = metrics_node_values(scope=scope)
    if values:
        score = {
            invitation: float(values.get(key, {}).get("betweenness") or 0)
            for invitation, key in keys.items()
        }
    else:
        wanted = set(keys.values())
        degree: dict[str, int] = defaultdict(int)
        for edge in cached_network_data(scope=scope).edges:
            if edge.kind == EMPLOYMENT:
                continue
            if edge.source in wanted:
                degree[edge.source] += 1
            if edge.target in wanted:
                degree[edge.target] += 1
        score = {
            invitation: float(degree[key]) if degree[key] >= MIN_BROKER_TIES else 0.0
            for invitation, key in keys.items()
        }
    if not score:
        return {}
    median = statistics.median(score.values())
    ranked = sorted(
        (invitation for invitation, value in score.items() if value > max(median, 0)),
        key=lambda invitation: (-score[invitation], invitation),
    )[: BROKERS_PER_TABLE * tables]
    if not ranked:
        return {}
    highest = score[ranked[0]]
    return {invitation: score[invitation] / highest for invitation in ranked}


def default_table_count(participants: int) -> int:
    """Tables for sizes of MIN_TABLE_SIZE to MAX_TABLE_SIZE, near DEFAULT_TABLE_SIZE
    (never more than MAX_TABLE_SIZE at a table: 7 participants get two tables)."""
    if participants <= MAX_TABLE_SIZE:
        return 1
    count = max(1, round(participants / DEFAULT_TABLE_SIZE))
    while -(-participants // count) > MAX_TABLE_SIZE:
        count += 1
    while (
        count > 1
        and participants // count < MIN_TABLE_SIZE
        and -(-participants // (count - 1)) <= MAX_TABLE_SIZE
    ):
        count -= 1
    return count


def cafe_tables(*, scope: Scope, world_cafe: WorldCafe) -> list[CafeTable]:
    return list(scope.objects(CafeTable).filter(world_cafe=world_cafe).order_by("number"))


def table_rounds(*, scope: Scope, world_cafe: WorldCafe):
    """Every table round of the World Café with its table, topic and participants."""
    return (
        scope.objects(TableRound)
        .filter(table__world_cafe=world_cafe)
        .select_related("table", "topic")
        .prefetch_related("participants")
        .order_by("round", "table__number")
    )


def topics_of(*, scope: Scope, world_cafe: WorldCafe | None):
    if world_cafe is None:
        return scope.objects(Topic).none()
    return scope.objects(Topic).filter(world_cafe=world_cafe).select_related("proposed_by")


def topic_key(topic_id: int | None) -> str | None:
    """A topic as the planner knows it."""
    return None if topic_id is None else str(topic_id)


def world_cafe_problem(
    *,
    scope: Scope,
    world_cafe: WorldCafe,
    participants: Sequence[CafeParticipant],
    rebalance: bool = True,
    tables: Sequence[CafeTable] | None = None,
    rounds: Sequence[TableRound] | None = None,
) -> Problem:
    """The planner's problem for these participants at the World Café's tables.

    `rebalance`: capacities spread the participants evenly over the tables (for
    planning); otherwise the stored capacities (for checking a stored plan).
    Hosts who are not among the participants are left out. Pass the tables and
    table rounds if you have them at hand.
    """
    tables = list(tables) if tables is not None else cafe_tables(scope=scope, world_cafe=world_cafe)
    rounds = (
        list(rounds)
        if rounds is not None
        else list(table_rounds(scope=scope, world_cafe=world_cafe))
    )
    present = {p.invitation_id for p in participants}
    hosts = [table.host_id if table.host_id in present else None for table in tables]
    if rebalance:
        capacities = [
            table.capacity
            for table in balanced_tables(len(participants), count=len(tables), hosts=hosts)
        ]
    else:
        capacities = [table.capacity for table in tables]
    constraints = constraints_of(world_cafe)
    brokers = broker_weights(scope=scope, participants=participants, tables=len(tables))
    position = {table.pk: index for index, table in enumerate(tables)}
    topic_grid = [[None] * len(tables) for _ in range(world_cafe.rounds)]
    for table_round in rounds:
        if table_round.round <= world_cafe.rounds and table_round.table_id in position:
            topic_grid[table_round.round - 1][position[table_round.table_id]] = topic_key(
                table_round.topic_id
            )
    has_topics = any(topic for row in topic_grid for topic in row)
    return Problem(
        participants=tuple(
            Participant(
                id=p.invitation_id,
                organisation=str(p.organisation_id) if p.organisation_id else None,
                organisation_kind=p.organisation_kind or None,
                topic_preferences=tuple(
                    topic_key(topic) for topic in constraints.preferences.get(p.invitation_id, ())
                )
                if has_topics
                else (),
                broker_weight=brokers.get(p.invitation_id, 0.0),
            )
            for p in participants
        ),
        tables=tuple(
            Table(id=table.number, capacity=capacity, host=host)
            for table, capacity, host in zip(tables, capacities, hosts, strict=True)
        ),
        rounds=world_cafe.rounds,
        topics=tuple(tuple(row) for row in topic_grid) if has_topics else (),
        already_met=tuple(strong_tie_pairs(scope=scope, participants=participants)),
        keep_apart=tuple(
            (a, b) for a, b in constraints.keep_apart if a in present and b in present
        ),
    )
