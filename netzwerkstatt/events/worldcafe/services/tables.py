"""The World Café itself: created on first use, its rounds, tables and hosts, one table round per table and round."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ...models import CafeTable, Event, Invitation, TableRound, WorldCafe
from .. import selectors
from ..topics import topic_rotation
from .common import check_workspace, require

MAX_ROUNDS = 10


def world_cafe_ensure(*, scope: Scope, event: Event) -> WorldCafe:
    """The event's World Café, created with the defaults and its tables on first use."""
    require(scope)
    check_workspace(scope, event)
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
        topics_deal_in_rotation(scope, world_cafe)
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
        check_workspace(scope, host)
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


def topics_deal_in_rotation(scope, world_cafe, count: int | None = None) -> int:
    """Deal the topics out without checks or logging (for the services that do both)."""
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
