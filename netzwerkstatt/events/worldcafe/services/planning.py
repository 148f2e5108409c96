"""The seating plan: plan and store it, swap two people by hand, say in words why not."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ...models import Invitation, TableRound, WorldCafe
from ...tableplanner import (
    Plan,
    PlanningError,
    Problem,
    Reason,
    Seating,
    ViolationKind,
    plan_tables,
    violations,
)
from .. import selectors
from ..report import report_data
from ..topics import seat_for_topics
from .common import check_workspace, require

# The planner's time budget on the planning page: realistic events (up to about
# 60 participants) settle well within it; the search stops early once it cannot
# improve any more.
PLAN_SECONDS = 4.0
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    seating: Seating  # after seating groups at topics new to them
    problem: Problem
    participants: list[selectors.CafeParticipant]


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
    require(scope)
    check_workspace(scope, world_cafe)
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
    require(scope)
    check_workspace(scope, world_cafe)
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
