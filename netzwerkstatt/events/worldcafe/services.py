"""Writing a World Café: settings and tables, topics, the organiser's wishes, the plan, swaps, results.

Every function takes the scope, checks "change_events", validates and records
the action in the activity log with ids and counts only.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..models import CafeTable, Event, Invitation, TableRound, Topic, WorldCafe
from ..tableplanner import (
    Plan,
    PlanningError,
    Problem,
    Reason,
    Seating,
    ViolationKind,
    plan_tables,
    violations,
)
from . import selectors
from .report import report_data
from .topics import seat_for_topics, topic_rotation

PERMISSION = "change_events"
# The planner's time budget on the planning page: realistic events (up to about
# 60 participants) settle well within it; the search stops early once it cannot
# improve any more.
PLAN_SECONDS = 4.0
MAX_ROUNDS = 10
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    seating: Seating  # after seating groups at topics new to them
    problem: Problem
    participants: list[selectors.CafeParticipant]


def _require(scope: Scope) -> None:
    if not scope.can(PERMISSION):
        raise PermissionDenied(PERMISSION)


def _check_workspace(scope: Scope, *objects) -> None:
    for obj in objects:
        if obj is not None and obj.workspace_id != scope.workspace.pk:
            raise PermissionDenied("workspace")


def world_cafe_ensure(*, scope: Scope, event: Event) -> WorldCafe:
    """The event's World Café, created with the defaults and its tables on first use."""
    _require(scope)
    _check_workspace(scope, event)
    world_cafe = selectors.world_cafe_of(scope=scope, event=event)
    if world_cafe is not None:
        return world_cafe
    with transaction.atomic():
        world_cafe = WorldCafe(workspace=scope.workspace, event=event)
        world_cafe.full_clean()
        world_cafe.save()
        count = len(selectors.world_cafe_participants(scope=scope, event=event))
        _tables_sync(scope, world_cafe, selectors.default_table_count(count), hosts={})
        _rounds_sync(scope, world_cafe)
        activity_record(scope=scope, action=Action.CREATED, target=world_cafe)
    return world_cafe


@transaction.atomic
def world_cafe_settings_save(
    *,
    scope: Scope,
    event: Event,
    rounds: int,
    round_minutes: int,
    table_count: int | None = None,
    table_size: int | None = None,
    hosts: Mapping[int, Invitation | None] | None = None,
) -> WorldCafe:
    """Rounds, minutes per round and the tables: a number of tables, or a table size that
    gives the number for the current participants; `hosts` maps table numbers to hosts.

    Changing the number of tables or rounds drops the seating (it no longer fits)
    and deals the topics out again; it is refused when results were recorded at a
    table round that would go.
    """
    world_cafe = world_cafe_ensure(scope=scope, event=event)
    participants = selectors.world_cafe_participants(scope=scope, event=event)
    if (table_count is None) == (table_size is None):
        raise ValidationError(_("Give either the number of tables or the table size."))
    if table_count is None:
        table_count = max(1, -(-len(participants) // table_size))
    if not 1 <= rounds <= MAX_ROUNDS:
        raise ValidationError(
            {"rounds": _("Plan between 1 and %(max)d rounds.") % {"max": MAX_ROUNDS}}
        )
    hosts = {number: host for number, host in (hosts or {}).items() if host is not None}
    _check_hosts(scope, event, participants, hosts, table_count)
    if participants and len(participants) < 2 * table_count:
        raise ValidationError(
            _("%(count)d participants are too few for %(tables)d tables of at least two.")
            % {"count": len(participants), "tables": table_count}
        )
    before = selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
    shape_changed = rounds != world_cafe.rounds or table_count != len(before)
    hosts_changed = {t.number: t.host_id for t in before if t.host_id} != {
        number: host.pk for number, host in hosts.items()
    }
    world_cafe.rounds = rounds
    world_cafe.round_minutes = round_minutes
    world_cafe.full_clean()
    world_cafe.save()
    _tables_sync(scope, world_cafe, table_count, hosts=hosts)
    _rounds_sync(scope, world_cafe)
    if shape_changed or hosts_changed:
        _plan_drop(world_cafe)
        _topics_deal(scope, world_cafe)
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"tables": table_count, "rounds": rounds, "hosts": len(hosts)},
    )
    return world_cafe


def _check_hosts(scope, event, participants, hosts, table_count) -> None:
    present = {p.invitation_id for p in participants}
    seen = set()
    for number, host in hosts.items():
        _check_workspace(scope, host)
        if host.event_id != event.pk or host.pk not in present:
            raise ValidationError(_("A host must be one of the participants."))
        if host.pk in seen:
            raise ValidationError(_("A participant can host only one table."))
        if not 1 <= number <= table_count:
            raise ValidationError(_("There is no table %(number)d.") % {"number": number})
        seen.add(host.pk)


def _tables_sync(scope, world_cafe, count: int, *, hosts: Mapping[int, Invitation]) -> None:
    """Tables 1 … count with their hosts; capacities even for the current participants."""
    participants = selectors.world_cafe_participants(scope=scope, event=world_cafe.event)
    scope.objects(CafeTable).filter(world_cafe=world_cafe, number__gt=count).delete()
    existing = {t.number: t for t in selectors.cafe_tables(scope=scope, world_cafe=world_cafe)}
    base, extra = divmod(max(len(participants), 2 * count), count)
    for number in range(1, count + 1):
        table = existing.get(number) or CafeTable(
            workspace=scope.workspace, world_cafe=world_cafe, number=number
        )
        table.capacity = base + (number <= extra)
        host = hosts.get(number)
        table.host = host
        table.full_clean()
        table.save()


def _rounds_sync(scope, world_cafe) -> None:
    """A table round for every table and round; those beyond are removed unless they hold results."""
    rows = list(
        scope.objects(TableRound)
        .filter(table__world_cafe=world_cafe)
        .select_related("table")
        .prefetch_related("photos")
    )
    # Tables beyond the count are gone already (their rounds with them, by cascade).
    beyond = [row for row in rows if row.round > world_cafe.rounds]
    if any(row.key_points or row.photos.all() for row in beyond):
        raise ValidationError(
            _(
                "Results were recorded in a round that would be removed. "
                "Keep the number of rounds, or remove the results first."
            )
        )
    TableRound.objects.filter(pk__in=[row.pk for row in beyond]).delete()
    have = {(row.table_id, row.round) for row in rows}
    TableRound.objects.bulk_create(
        TableRound(workspace=scope.workspace, table=table, round=number)
        for table in selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
        for number in range(1, world_cafe.rounds + 1)
        if (table.pk, number) not in have
    )


def _plan_drop(world_cafe: WorldCafe) -> None:
    for table_round in TableRound.objects.filter(table__world_cafe=world_cafe):
        table_round.participants.clear()
    world_cafe.planned_at = None
    world_cafe.report = {key: value for key, value in world_cafe.report.items() if key != "quality"}
    world_cafe.save(update_fields=["planned_at", "report"])


# ------------------------------------------------------------------------------ topics


@transaction.atomic
def topic_create(
    *,
    scope: Scope,
    event: Event,
    title: str,
    description: str = "",
    proposed_by: Person | None = None,
    votes: int = 0,
) -> Topic:
    world_cafe = world_cafe_ensure(scope=scope, event=event)
    _check_workspace(scope, proposed_by)
    topic = Topic(
        workspace=scope.workspace,
        world_cafe=world_cafe,
        title=title,
        description=description,
        proposed_by=proposed_by,
        votes=votes,
    )
    topic.full_clean()
    topic.save()
    activity_record(scope=scope, action=Action.CREATED, target=topic)
    return topic


@transaction.atomic
def topic_update(*, scope: Scope, topic: Topic, **fields) -> Topic:
    _require(scope)
    _check_workspace(scope, topic, fields.get("proposed_by"))
    changed = []
    for name in ("title", "description", "proposed_by", "votes"):
        if name in fields and getattr(topic, name) != fields[name]:
            setattr(topic, name, fields[name])
            changed.append(name)
    topic.full_clean()
    topic.save()
    activity_record(scope=scope, action=Action.UPDATED, target=topic, details={"fields": changed})
    return topic


@transaction.atomic
def topic_delete(*, scope: Scope, topic: Topic) -> None:
    """Remove a topic; its table rounds keep their people and results, without a topic."""
    _require(scope)
    _check_workspace(scope, topic)
    world_cafe = topic.world_cafe
    activity_record(scope=scope, action=Action.DELETED, target=topic)
    topic.delete()
    _wishes_prune(scope, world_cafe)


@transaction.atomic
def topics_deal(*, scope: Scope, world_cafe: WorldCafe, count: int | None = None) -> int:
    """Deal the `count` most voted topics (default: as many as there are tables) to
    the tables in rotation; return how many topics were dealt."""
    _require(scope)
    _check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    dealt = _topics_deal(scope, world_cafe, count)
    activity_record(
        scope=scope, action=Action.UPDATED, target=world_cafe, details={"topics": dealt}
    )
    return dealt


def _topics_deal(scope, world_cafe, count: int | None = None) -> int:
    tables = selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
    topics = list(selectors.topics_of(scope=scope, world_cafe=world_cafe).order_by("-votes", "pk"))
    count = len(tables) if count is None else count
    chosen = topics[: max(0, min(count, len(topics)))]
    grid = topic_rotation(
        chosen,
        tables=len(tables),
        rounds=world_cafe.rounds,
        hosted=[table.host_id is not None for table in tables],
    )
    position = {table.pk: index for index, table in enumerate(tables)}
    rows = list(scope.objects(TableRound).filter(table__world_cafe=world_cafe))
    for row in rows:
        row.topic = grid[row.round - 1][position[row.table_id]]
    TableRound.objects.bulk_update(rows, ["topic"])
    return len(chosen)


@transaction.atomic
def table_round_topic_set(*, scope: Scope, table_round: TableRound, topic: Topic | None) -> None:
    _require(scope)
    _check_workspace(scope, table_round, topic)
    if topic is not None and topic.world_cafe_id != table_round.table.world_cafe_id:
        raise ValidationError(_("Choose a topic of this World Café."))
    table_round.topic = topic
    table_round.save(update_fields=["topic"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=table_round, details={"fields": ["topic"]}
    )


# ------------------------------------------------------------------------------ wishes


def _constraints_store(world_cafe: WorldCafe, constraints: selectors.Constraints) -> None:
    world_cafe.report = {
        **(world_cafe.report or {}),
        "constraints": {
            "keep_apart": [list(pair) for pair in constraints.keep_apart],
            "preferences": {
                str(invitation): list(topics)
                for invitation, topics in sorted(constraints.preferences.items())
                if topics
            },
        },
    }
    world_cafe.save(update_fields=["report"])


def _wishes_prune(scope, world_cafe) -> None:
    topics = set(
        selectors.topics_of(scope=scope, world_cafe=world_cafe).values_list("pk", flat=True)
    )
    current = selectors.constraints_of(world_cafe)
    _constraints_store(
        world_cafe,
        selectors.Constraints(
            keep_apart=current.keep_apart,
            preferences={
                invitation: tuple(t for t in wanted if t in topics)
                for invitation, wanted in current.preferences.items()
            },
        ),
    )


@transaction.atomic
def keep_apart_add(
    *, scope: Scope, world_cafe: WorldCafe, first: Invitation, second: Invitation
) -> None:
    """Never seat these two participants at one table."""
    _require(scope)
    _check_workspace(scope, world_cafe, first, second)
    if first.pk == second.pk:
        raise ValidationError(_("Choose two different participants."))
    if first.event_id != world_cafe.event_id or second.event_id != world_cafe.event_id:
        raise ValidationError(_("Both must be invited to this event."))
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    current = selectors.constraints_of(world_cafe)
    pair = (min(first.pk, second.pk), max(first.pk, second.pk))
    if pair not in current.keep_apart:
        _constraints_store(
            world_cafe,
            selectors.Constraints(
                keep_apart=(*current.keep_apart, pair), preferences=current.preferences
            ),
        )
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"keep_apart": len(current.keep_apart) + 1},
    )


@transaction.atomic
def keep_apart_remove(*, scope: Scope, world_cafe: WorldCafe, pair: tuple[int, int]) -> None:
    _require(scope)
    _check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    current = selectors.constraints_of(world_cafe)
    pair = (min(pair), max(pair))
    remaining = tuple(p for p in current.keep_apart if p != pair)
    _constraints_store(
        world_cafe, selectors.Constraints(keep_apart=remaining, preferences=current.preferences)
    )
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"keep_apart": len(remaining)},
    )


@transaction.atomic
def topic_wishes_save(
    *, scope: Scope, world_cafe: WorldCafe, wishes: Mapping[int, Sequence[int]]
) -> None:
    """Topic wishes per participant: invitation id → topic ids (empty: no wishes)."""
    _require(scope)
    _check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    invitations = set(
        scope.objects(Invitation).filter(event_id=world_cafe.event_id).values_list("pk", flat=True)
    )
    topics = set(
        selectors.topics_of(scope=scope, world_cafe=world_cafe).values_list("pk", flat=True)
    )
    if set(wishes) - invitations or {t for wanted in wishes.values() for t in wanted} - topics:
        raise ValidationError(_("Choose participants and topics of this World Café."))
    current = selectors.constraints_of(world_cafe)
    preferences = {
        invitation: tuple(sorted(set(wanted))) for invitation, wanted in wishes.items() if wanted
    }
    _constraints_store(
        world_cafe, selectors.Constraints(keep_apart=current.keep_apart, preferences=preferences)
    )
    activity_record(
        scope=scope, action=Action.UPDATED, target=world_cafe, details={"wishes": len(preferences)}
    )


# ------------------------------------------------------------------------------ the plan


def world_cafe_plan_compute(
    *,
    scope: Scope,
    world_cafe: WorldCafe,
    seed: int = 0,
    seconds: float = PLAN_SECONDS,
    progress=None,
) -> PlanResult:
    """Plan the World Café for its current participants without storing anything.

    Raises ValidationError with a German message when it cannot be planned.
    """
    participants = selectors.world_cafe_participants(scope=scope, event=world_cafe.event)
    tables = selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
    if len(participants) < 2:
        raise ValidationError(_("At least two participants are needed to plan tables."))
    if not tables:
        raise ValidationError(_("Set up the tables first."))
    if len(participants) < 2 * len(tables):
        raise ValidationError(
            _("%(count)d participants are too few for %(tables)d tables of at least two.")
            % {"count": len(participants), "tables": len(tables)}
        )
    problem = selectors.world_cafe_problem(
        scope=scope, world_cafe=world_cafe, participants=participants, tables=tables
    )
    try:
        plan = plan_tables(problem, seconds=seconds, seed=seed, progress=progress)
    except PlanningError as error:
        raise ValidationError(planning_error_message(error, participants)) from error
    seating = seat_for_topics(problem, plan.rounds)
    return PlanResult(plan=plan, seating=seating, problem=problem, participants=participants)


@transaction.atomic
def world_cafe_plan(
    *,
    scope: Scope,
    world_cafe: WorldCafe,
    seed: int | None = None,
    seconds: float = PLAN_SECONDS,
) -> PlanResult:
    """Plan and store the seating: who sits at which table round, the quality report,
    when and with which seed. Without a seed, the next one after the stored seed
    (so "plan again" gives another plan); the first plan uses 0."""
    _require(scope)
    _check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    if seed is None:
        seed = (world_cafe.seed + 1) % MAX_SEED if world_cafe.planned_at else world_cafe.seed
    result = world_cafe_plan_compute(scope=scope, world_cafe=world_cafe, seed=seed, seconds=seconds)
    tables = selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
    for table, spec in zip(tables, result.problem.tables, strict=True):
        if table.capacity != spec.capacity:
            table.capacity = spec.capacity
            table.save(update_fields=["capacity"])
    _seating_store(scope, world_cafe, tables, result.seating)
    world_cafe.seed = seed
    world_cafe.planned_at = timezone.now()
    world_cafe.report = {
        **world_cafe.report,
        "quality": report_data(
            result.problem,
            result.seating,
            method=result.plan.method,
            optimal=result.plan.optimal,
            seconds=result.plan.seconds,
        ),
    }
    world_cafe.full_clean()
    world_cafe.save()
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={
            "participants": len(result.participants),
            "tables": len(tables),
            "rounds": world_cafe.rounds,
            "repeated_pairs": world_cafe.report["quality"]["repeated_pairs"],
        },
    )
    return result


def _seating_store(scope, world_cafe, tables, seating: Seating) -> None:
    position = {table.pk: index for index, table in enumerate(tables)}
    rows = list(scope.objects(TableRound).filter(table__world_cafe=world_cafe))
    through = TableRound.participants.through
    through.objects.filter(tableround__in=rows).delete()
    through.objects.bulk_create(
        through(tableround_id=row.pk, invitation_id=invitation)
        for row in rows
        for invitation in seating[row.round - 1][position[row.table_id]]
    )


def stored_seating(*, scope: Scope, world_cafe: WorldCafe, tables, rounds) -> Seating:
    """The stored plan as the planner's seating (invitation ids per round and table)."""
    position = {table.pk: index for index, table in enumerate(tables)}
    grid = [[() for _ in tables] for _ in range(world_cafe.rounds)]
    for row in rounds:
        if row.round <= world_cafe.rounds and row.table_id in position:
            grid[row.round - 1][position[row.table_id]] = tuple(
                sorted(p.pk for p in row.participants.all())
            )
    return tuple(tuple(row) for row in grid)


@transaction.atomic
def world_cafe_swap(
    *, scope: Scope, world_cafe: WorldCafe, round_number: int, first: int, second: int
) -> None:
    """Swap two participants (invitation ids) between their tables in one round, and
    recompute the quality report. Refused with a German message if it would break
    a hard rule (colleagues at one table, a pair to keep apart, a host moved)."""
    _require(scope)
    _check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    if world_cafe.planned_at is None:
        raise ValidationError(_("Plan the tables first."))
    tables = selectors.cafe_tables(scope=scope, world_cafe=world_cafe)
    rounds = list(selectors.table_rounds(scope=scope, world_cafe=world_cafe))
    seating = stored_seating(scope=scope, world_cafe=world_cafe, tables=tables, rounds=rounds)
    if not 1 <= round_number <= world_cafe.rounds:
        raise ValidationError(_("There is no round %(number)d.") % {"number": round_number})
    where = {person: t for t, table in enumerate(seating[round_number - 1]) for person in table}
    if first not in where or second not in where:
        raise ValidationError(_("Both must sit at a table in this round."))
    if where[first] == where[second]:
        raise ValidationError(_("The two already sit at the same table."))
    swapped = [list(table) for table in seating[round_number - 1]]
    swapped[where[first]] = [second if p == first else p for p in swapped[where[first]]]
    swapped[where[second]] = [first if p == second else p for p in swapped[where[second]]]
    new_seating = tuple(
        tuple(tuple(table) for table in swapped) if r == round_number - 1 else tables_r
        for r, tables_r in enumerate(seating)
    )
    seated = scope.objects(Invitation).filter(
        pk__in={p for tables_r in seating for table in tables_r for p in table}
    )
    participants = selectors.cafe_participants(scope=scope, invitations=seated)
    problem = selectors.world_cafe_problem(
        scope=scope,
        world_cafe=world_cafe,
        participants=participants,
        rebalance=False,
        tables=tables,
        rounds=rounds,
    )
    broken = set(violations(problem, new_seating)) - set(violations(problem, seating))
    if broken:
        raise ValidationError(violation_message(min(broken, key=_violation_order), participants))
    _seating_store(scope, world_cafe, tables, new_seating)
    world_cafe.report = {
        **world_cafe.report,
        "quality": report_data(
            problem,
            new_seating,
            method="manual",
            optimal=False,
            seconds=world_cafe.report.get("quality", {}).get("seconds", 0.0),
        ),
    }
    world_cafe.save(update_fields=["report"])
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"round": round_number, "swapped": 2},
    )


def _violation_order(violation) -> tuple:
    return (str(violation.kind), violation.round or 0, violation.table or 0, violation.participants)


def violation_message(violation, participants: Sequence[selectors.CafeParticipant]) -> str:
    """A broken hard rule in German words, naming the people."""
    names = {p.invitation_id: p.name for p in participants}
    people = [names.get(pid, str(pid)) for pid in violation.participants]
    if violation.kind == ViolationKind.SAME_ORGANISATION:
        return _(
            "%(first)s and %(second)s work for the same organisation and must not sit at one table."
        ) % {"first": people[0], "second": people[1]}
    if violation.kind == ViolationKind.KEPT_APART:
        return _("%(first)s and %(second)s are to be kept apart.") % {
            "first": people[0],
            "second": people[1],
        }
    if violation.kind == ViolationKind.HOST_MOVED:
        return _("%(name)s hosts a table and stays there in every round.") % {"name": people[0]}
    if violation.kind == ViolationKind.OVER_CAPACITY:
        return _("The table would have more people than seats.")
    return _("The change would break the seating rules.")


def planning_error_message(
    error: PlanningError, participants: Sequence[selectors.CafeParticipant]
) -> str:
    """Why the World Café cannot be planned, in German words."""
    if error.reason == Reason.ORGANISATION_TOO_LARGE:
        names = {str(p.organisation_id): p.organisation for p in participants}
        return ngettext(
            "%(organisation)s has %(members)d participants but there is only %(tables)d table; "
            "colleagues never sit at one table. Add tables.",
            "%(organisation)s has %(members)d participants but there are only %(tables)d tables; "
            "colleagues never sit at one table. Add tables.",
            error.params.get("tables", 0),
        ) % {
            "organisation": names.get(str(error.params.get("organisation")), "?"),
            "members": error.params.get("members", 0),
            "tables": error.params.get("tables", 0),
        }
    if error.reason in {Reason.NO_SEATING, Reason.NO_SEATING_FOUND}:
        return _(
            "No seating keeps colleagues and the pairs to keep apart at separate tables. "
            "Add tables or remove pairs to keep apart."
        )
    if error.reason == Reason.TOO_MANY_PARTICIPANTS:
        return _("There are more participants than seats. Add tables.")
    return _("The World Café cannot be planned with these settings.")


# ------------------------------------------------------------------------------ results


@transaction.atomic
def table_round_results_save(
    *, scope: Scope, table_round: TableRound, key_points: str
) -> TableRound:
    """The key points a table worked out in a round (during or after the event)."""
    _require(scope)
    _check_workspace(scope, table_round)
    table_round.key_points = key_points.strip()
    table_round.full_clean()
    table_round.save(update_fields=["key_points"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=table_round, details={"fields": ["key_points"]}
    )
    return table_round
