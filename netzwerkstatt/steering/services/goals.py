"""Writes of a network's goals and their progress entries.

Every service checks `change_steering`, validates with `full_clean` and the
indicator's parameters per kind (`indicator_parameters_clean`), and records the
action in the activity log (ids and field names only). A snapshot of a live
indicator is computed here, not taken from the form, so an entry always holds the
value the network had.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import IndicatorKind
from ..models import Goal, Network, ProgressEntry
from ..selectors.goals import goal_current_value

GOAL_FIELDS = (
    "title", "description", "indicator", "indicator_filter", "target_value", "unit",
    "target_date",
)  # fmt: skip
MAX_MIN_MEMBERS = 100


def indicator_parameters_clean(kind: str, parameters: dict | None) -> dict:
    """The parameters a kind takes, checked and normalised; unknown keys are dropped.

    Raises a ValidationError keyed by parameter name ("sector", "min_members" …).
    """
    parameters = parameters or {}
    if kind == IndicatorKind.MEMBER_ORGANISATIONS:
        errors = {}
        organisation_kind = (parameters.get("kind") or "").strip()
        if organisation_kind and organisation_kind not in OrganisationKind.values:
            errors["kind"] = _("Choose one of the organisation kinds.")
        sector = (parameters.get("sector") or "").strip().upper()
        if sector and (wz2008.get(sector) is None):
            errors["sector"] = _(
                "Enter a WZ 2008 section letter (e.g. C) or division code (e.g. 28)."
            )
        size_class = (parameters.get("size_class") or "").strip()
        if size_class and size_class not in SizeClass.values:
            errors["size_class"] = _("Choose one of the size classes.")
        district = " ".join((parameters.get("district") or "").split())
        if errors:
            raise ValidationError(errors)
        values = {
            "kind": organisation_kind,
            "sector": sector,
            "district": district,
            "size_class": size_class,
        }
        return {name: value for name, value in values.items() if value}
    if kind == IndicatorKind.TOPIC_COVERAGE:
        raw = parameters.get("min_members")
        try:
            min_members = int(raw)
        except (TypeError, ValueError):
            min_members = 0
        if not 1 <= min_members <= MAX_MIN_MEMBERS:
            raise ValidationError(
                {
                    "min_members": _(
                        "Enter how many members outside the project staff a topic needs "
                        "(1 to %(max)d)."
                    )
                    % {"max": MAX_MIN_MEMBERS}
                }
            )
        cleaned = {"min_members": min_members}
        if parameters.get("all_topics"):
            cleaned["all_topics"] = True
        return cleaned
    return {}


def _goal_clean(goal: Goal) -> None:
    goal.title = goal.title.strip()
    goal.unit = goal.unit.strip()
    goal.description = goal.description.strip()
    goal.indicator_filter = indicator_parameters_clean(goal.indicator, goal.indicator_filter)
    goal.full_clean()
    if (
        goal.target_value is not None
        and goal.target_value <= 0
        and not (goal.indicator_filter.get("all_topics"))
    ):
        raise ValidationError({"target_value": _("Enter a target above zero.")})


@transaction.atomic
def goal_create(
    *,
    scope: Scope,
    network: Network,
    title: str,
    target_value: Decimal,
    indicator: str = IndicatorKind.MANUAL,
    indicator_filter: dict | None = None,
    description: str = "",
    unit: str = "",
    target_date: date | None = None,
) -> Goal:
    require(scope, "change_steering")
    check_workspace(scope, network)
    goal = Goal(
        workspace=scope.workspace,
        network=network,
        title=title,
        description=description,
        indicator=indicator,
        indicator_filter=indicator_filter or {},
        target_value=target_value,
        unit=unit,
        target_date=target_date,
    )
    _goal_clean(goal)
    goal.save()
    activity_record(
        scope=scope, action=Action.CREATED, target=goal, details={"network": network.pk}
    )
    return goal


@transaction.atomic
def goal_update(*, scope: Scope, goal: Goal, **fields) -> Goal:
    """Change a goal; the activity log names the changed fields."""
    require(scope, "change_steering")
    check_workspace(scope, goal)
    unknown = set(fields) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown goal fields: {sorted(unknown)}")
    before = {name: getattr(goal, name) for name in GOAL_FIELDS}
    for name, value in fields.items():
        setattr(goal, name, value)
    _goal_clean(goal)
    changed = [name for name in GOAL_FIELDS if getattr(goal, name) != before[name]]
    if changed:
        goal.save()
        activity_record(
            scope=scope, action=Action.UPDATED, target=goal, details={"fields": changed}
        )
    return goal


@transaction.atomic
def goal_delete(*, scope: Scope, goal: Goal) -> int:
    """Delete a goal with its progress entries; returns how many entries went with it."""
    require(scope, "change_steering")
    check_workspace(scope, goal)
    entries = goal.progress.count()
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=goal,
        details={"network": goal.network_id, "progress_entries": entries},
    )
    goal.delete()
    return entries


@transaction.atomic
def progress_entry_add(
    *,
    scope: Scope,
    goal: Goal,
    recorded_on: date | None = None,
    value: Decimal | None = None,
    note: str = "",
) -> ProgressEntry:
    """Record a measured value (manual goals) or a note on a goal's progress.

    Live goals take no typed value: their snapshot comes from `progress_snapshot_record`.
    """
    require(scope, "change_steering")
    check_workspace(scope, goal)
    note = note.strip()
    if goal.indicator != IndicatorKind.MANUAL and value is not None:
        raise ValidationError(
            {"value": _("This goal is measured on the network; record a snapshot instead.")}
        )
    if value is None and not note:
        raise ValidationError(_("Enter a value or a note."))
    return _entry_save(
        scope,
        ProgressEntry(
            workspace=scope.workspace,
            goal=goal,
            recorded_on=recorded_on or timezone.localdate(),
            value=value,
            note=note,
            recorded_by=scope.user,
        ),
    )


@transaction.atomic
def progress_snapshot_record(*, scope: Scope, goal: Goal, note: str = "") -> ProgressEntry:
    """Keep today's value of a live indicator as a progress entry, with an optional note."""
    require(scope, "change_steering")
    check_workspace(scope, goal)
    if goal.indicator == IndicatorKind.MANUAL:
        raise ValidationError(_("This goal is recorded by hand; enter its value."))
    today = timezone.localdate()
    value = goal_current_value(scope=scope, goal=goal, today=today)
    if value is None:
        raise ValidationError(_("There is nothing to measure yet."))
    return _entry_save(
        scope,
        ProgressEntry(
            workspace=scope.workspace,
            goal=goal,
            recorded_on=today,
            value=value,
            note=note.strip(),
            recorded_by=scope.user,
        ),
    )


def _entry_save(scope: Scope, entry: ProgressEntry) -> ProgressEntry:
    entry.full_clean()
    if entry.recorded_on > timezone.localdate():
        raise ValidationError({"recorded_on": _("Progress cannot be recorded in the future.")})
    entry.save()
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=entry,
        details={"goal": entry.goal_id, "fields": ["value"] if entry.value is not None else []},
    )
    return entry


@transaction.atomic
def progress_entry_delete(*, scope: Scope, entry: ProgressEntry) -> None:
    require(scope, "change_steering")
    check_workspace(scope, entry)
    activity_record(
        scope=scope, action=Action.DELETED, target=entry, details={"goal": entry.goal_id}
    )
    entry.delete()
