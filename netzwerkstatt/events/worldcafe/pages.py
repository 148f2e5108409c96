"""What the World-Café pages and printouts show, read in a fixed number of queries.

`world_cafe_page` gathers the event's World Café: participants, tables, topics,
the stored plan per round and table, each participant's route through the
rounds, the quality report and the organiser's wishes, ready for templates.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from netzwerkstatt.core.scoping import Scope

from ..models import Event, Invitation, Photo, TableRound, Topic, WorldCafe
from . import selectors
from .report import KindCount, kinds_display
from .selectors import CafeParticipant


@dataclass(frozen=True)
class Seat:
    participant: CafeParticipant
    is_host: bool = False


@dataclass
class TableView:
    table_round: TableRound
    number: int
    topic: Topic | None
    seats: list[Seat]
    kinds: list[KindCount] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)


@dataclass
class RoundView:
    number: int
    tables: list[TableView]


@dataclass(frozen=True)
class Stop:
    round: int
    table: int
    topic: Topic | None
    hosting: bool = False


@dataclass(frozen=True)
class Route:
    participant: CafeParticipant
    stops: list[Stop]


@dataclass(frozen=True)
class PairView:
    first: CafeParticipant
    second: CafeParticipant


@dataclass
class WorldCafePage:
    event: Event
    world_cafe: WorldCafe | None
    participants: list[CafeParticipant]
    basis: str
    tables: list = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    rounds: list[RoundView] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    keep_apart: list[PairView] = field(default_factory=list)
    wishes: dict[int, tuple[int, ...]] = field(default_factory=dict)
    quality: dict = field(default_factory=dict)
    joined_since: list[CafeParticipant] = field(default_factory=list)
    left_since: list[CafeParticipant] = field(default_factory=list)

    @property
    def planned(self) -> bool:
        return bool(self.world_cafe and self.world_cafe.planned_at and self.quality)

    @property
    def participant_by_invitation(self) -> dict[int, CafeParticipant]:
        return {p.invitation_id: p for p in self.participants}

    @property
    def topic_used(self) -> set[int]:
        return {t.topic.pk for r in self.rounds for t in r.tables if t.topic is not None}

    @property
    def has_results(self) -> bool:
        """Whether key points are recorded: a new plan would seat others under them."""
        return any(t.table_round.key_points.strip() for r in self.rounds for t in r.tables)

    @property
    def wishes_count(self) -> int:
        return sum(1 for topics in self.wishes.values() if topics)

    @property
    def violation_count(self) -> int:
        return len(self.quality.get("violations", ()))


def world_cafe_page(*, scope: Scope, event: Event, with_photos: bool = False) -> WorldCafePage:
    """Everything the planning, results and printout pages show for the event's World Café."""
    world_cafe = selectors.world_cafe_of(scope=scope, event=event)
    participants = selectors.world_cafe_participants(scope=scope, event=event)
    page = WorldCafePage(
        event=event,
        world_cafe=world_cafe,
        participants=participants,
        basis=selectors.participant_basis(scope=scope, event=event),
    )
    if world_cafe is None:
        return page
    page.tables = selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
    page.topics = list(selectors.topics_of(scope=scope, world_cafe=world_cafe))
    page.quality = (world_cafe.report or {}).get("quality", {}) if world_cafe.planned_at else {}
    constraints = selectors.constraints_of(world_cafe)
    page.wishes = constraints.preferences
    table_rounds = list(
        scope.objects(TableRound)
        .filter(table__world_cafe=world_cafe)
        .select_related("table", "topic")
        .prefetch_related(
            Prefetch("participants", queryset=Invitation.objects.only("pk", "person_id"))
        )
        .order_by("round", "table__number")
    )
    seated_ids = {p.pk for row in table_rounds for p in row.participants.all()}
    known = {p.invitation_id: p for p in participants}
    missing = seated_ids - set(known)
    gone = (
        selectors.cafe_participants(
            scope=scope, invitations=scope.objects(Invitation).filter(pk__in=missing)
        )
        if missing
        else []
    )
    everyone = {**known, **{p.invitation_id: p for p in gone}}
    if page.planned:
        page.left_since = gone
        page.joined_since = [p for p in participants if p.invitation_id not in seated_ids]
    page.keep_apart = [
        PairView(everyone[a], everyone[b])
        for a, b in constraints.keep_apart
        if a in everyone and b in everyone
    ]
    photos = _photos_by_table_round(scope, table_rounds) if with_photos else {}
    page.rounds = _rounds(page, table_rounds, everyone, photos)
    page.routes = _routes(page)
    return page


def _photos_by_table_round(scope: Scope, table_rounds) -> dict[int, list[Photo]]:
    found: dict[int, list[Photo]] = {}
    for photo in scope.objects(Photo).filter(table_round__in=table_rounds).order_by("pk"):
        found.setdefault(photo.table_round_id, []).append(photo)
    return found


def _rounds(page: WorldCafePage, table_rounds, everyone, photos) -> list[RoundView]:
    hosts = {table.pk: table.host_id for table in page.tables}
    kinds = page.quality.get("table_kinds", [])
    position = {table.pk: index for index, table in enumerate(page.tables)}
    rounds: dict[int, RoundView] = {}
    for row in table_rounds:
        host = hosts.get(row.table_id)
        seated = sorted(
            (everyone[p.pk] for p in row.participants.all() if p.pk in everyone),
            key=lambda p: (p.invitation_id != host, p.name.casefold()),
        )
        table_kinds = (
            kinds[row.round - 1][position[row.table_id]]
            if row.round <= len(kinds)
            and position.get(row.table_id, 99) < len(kinds[row.round - 1])
            else []
        )
        view = TableView(
            table_round=row,
            number=row.table.number,
            topic=row.topic,
            seats=[Seat(p, is_host=p.invitation_id == host) for p in seated],
            kinds=kinds_display(table_kinds),
            photos=photos.get(row.pk, []),
        )
        rounds.setdefault(row.round, RoundView(row.round, [])).tables.append(view)
    return [rounds[number] for number in sorted(rounds)]


def _routes(page: WorldCafePage) -> list[Route]:
    if not page.planned:
        return []
    stops: dict[int, list[Stop]] = {}
    for round_view in page.rounds:
        for table in round_view.tables:
            for seat in table.seats:
                stops.setdefault(seat.participant.invitation_id, []).append(
                    Stop(round_view.number, table.number, table.topic, hosting=seat.is_host)
                )
    seated = [p for p in page.participants if p.invitation_id in stops] + page.left_since
    return [Route(p, stops[p.invitation_id]) for p in seated]
