"""Writes to the measures catalogue and the needs vocabulary.

Every service checks the scope's permission, validates with `full_clean` (German
messages), keeps the folded name and search keys current and records the action in
the activity log (ids, counts and field names only).

Who may write: the team (lead and staff) keeps its projects' measures; the needs
vocabulary is shared by every project of the workspace, so the project lead keeps
it (`manage_needs`), see `core/rules.py`.

Deleting a need that measures answer is allowed: the measures stay and only lose
that need (the entry in the activity log counts them). Renaming keeps the links.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.contacts.normalise import fold, name_key
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..defaults import DEFAULT_NEEDS
from ..models import ApproachMeasure, Measure, Need

NEED_FIELDS = ("name", "description")
MEASURE_FIELDS = (
    "project", "name", "description", "target_group", "effort", "effort_note", "cost",
    "funded", "duration",
)  # fmt: skip


# -------------------------------------------------------------------------------- needs


@transaction.atomic
def need_create(*, scope: Scope, name: str, description: str = "") -> Need:
    require(scope, "manage_needs")
    need = Need(workspace=scope.workspace, name=name.strip(), description=description.strip())
    _need_clean(scope, need)
    need.save()
    activity_record(scope=scope, action=Action.CREATED, target=need)
    return need


@transaction.atomic
def need_update(*, scope: Scope, need: Need, **fields) -> Need:
    """Rename or describe a need; the measures that answer it keep it."""
    require(scope, "manage_needs")
    fields = {name: value.strip() for name, value in fields.items()}
    changed = assign(need, fields, allowed=NEED_FIELDS)
    if changed:
        _need_clean(scope, need)
        need.save()
        activity_record(
            scope=scope, action=Action.UPDATED, target=need, details={"fields": changed}
        )
    return need


@transaction.atomic
def need_delete(*, scope: Scope, need: Need) -> int:
    """Delete a need; the measures answering it stay and lose it. Returns how many did."""
    require(scope, "manage_needs")
    measures = need.measures.count()
    activity_record(scope=scope, action=Action.DELETED, target=need, details={"measures": measures})
    need.delete()
    return measures


@transaction.atomic
def needs_create_defaults(*, scope: Scope) -> list[Need]:
    """Add the standard needs the vocabulary lacks (compared by folded name); idempotent."""
    require(scope, "manage_needs")
    existing = set(scope.objects(Need).values_list("name_key", flat=True))
    created = []
    for name, description in DEFAULT_NEEDS:
        need = Need(workspace=scope.workspace, name=name, description=description)
        _need_keys(need)
        if need.name_key in existing:
            continue
        need.full_clean(validate_constraints=False)
        created.append(need)
        existing.add(need.name_key)
    if created:
        created = Need.objects.bulk_create(created)
        activity_record(
            scope=scope,
            action=Action.CREATED,
            details={"model": Need._meta.label_lower, "count": len(created)},
        )
    return created


def _need_keys(need: Need) -> None:
    need.name_key = name_key(need.name)[:200]


def _need_clean(scope: Scope, need: Need) -> None:
    _need_keys(need)
    need.full_clean(validate_constraints=False)
    taken = scope.objects(Need).filter(name_key=need.name_key).exclude(pk=need.pk)
    if need.name_key and taken.exists():
        raise ValidationError(
            {
                "name": _("The vocabulary already has the need “%(name)s”.")
                % {"name": taken.first().name}
            }
        )


# ----------------------------------------------------------------------------- measures


@transaction.atomic
def measure_create(
    *, scope: Scope, project: Project, name: str, needs: Iterable[Need] = (), **fields
) -> Measure:
    require(scope, "change_measures")
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown measure fields: {sorted(unknown)}")
    measure = Measure(workspace=scope.workspace, project=project, name=name, **fields)
    _measure_clean(scope, measure)
    measure.save()
    measure.needs.set(_needs_in_scope(scope, needs))
    activity_record(scope=scope, action=Action.CREATED, target=measure)
    return measure


@transaction.atomic
def measure_update(
    *, scope: Scope, measure: Measure, needs: Iterable[Need] | None = None, **fields
) -> Measure:
    require(scope, "change_measures")
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    changed = assign(measure, fields, allowed=MEASURE_FIELDS)
    _measure_clean(scope, measure)
    measure.save()
    if needs is not None:
        wanted = _needs_in_scope(scope, needs)
        if {need.pk for need in wanted} != set(measure.needs.values_list("pk", flat=True)):
            measure.needs.set(wanted)
            changed.append("needs")
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=measure, details={"fields": changed}
        )
    return measure


@transaction.atomic
def measure_delete(*, scope: Scope, measure: Measure) -> None:
    """Delete a measure no company has agreed to; agreed ones are the funder's history."""
    require(scope, "change_measures")
    agreed = scope.objects(ApproachMeasure).filter(measure=measure).count()
    if agreed:
        raise ValidationError(
            ngettext(
                "%(count)d company has agreed to this measure; it stays for the funder report.",
                "%(count)d companies have agreed to this measure; it stays for the funder report.",
                agreed,
            )
            % {"count": agreed}
        )
    activity_record(scope=scope, action=Action.DELETED, target=measure)
    measure.delete()


def _measure_clean(scope: Scope, measure: Measure) -> None:
    for field in ("name", "description", "target_group", "effort_note", "duration"):
        setattr(measure, field, (getattr(measure, field) or "").strip())
    if measure.project_id is None or measure.project.workspace_id != scope.workspace.pk:
        raise ValidationError({"project": _("Choose a project of this workspace.")})
    measure.name_key = name_key(measure.name)[:400]
    measure.search_key = fold(" ".join((measure.name, measure.target_group, measure.description)))[
        :1000
    ]
    errors = {}
    try:
        measure.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if not measure.funded and measure.cost is None and "cost" not in errors:
        errors["cost"] = [_("Enter what the measure costs the company, or mark it as funded.")]
    taken = (
        scope.objects(Measure)
        .filter(project_id=measure.project_id, name_key=measure.name_key)
        .exclude(pk=measure.pk)
    )
    if measure.name_key and "name" not in errors and taken.exists():
        errors["name"] = [
            _("The project “%(project)s” already offers a measure “%(name)s”.")
            % {"project": measure.project, "name": taken.first().name}
        ]
    if errors:
        raise ValidationError(errors)


def _needs_in_scope(scope: Scope, needs: Iterable[Need]) -> list[Need]:
    needs = list(needs)
    if any(need.workspace_id != scope.workspace.pk for need in needs):
        raise ValidationError({"needs": _("Choose needs of this workspace's vocabulary.")})
    return needs
