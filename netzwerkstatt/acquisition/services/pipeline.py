"""A project's pipeline: its stages, companies entering it and moving through it.

Every move is kept as a StageChange with the kind the stage had at that moment, so
the figures (funnel, conversion, time to agreement) count history as it happened
even when a project renames or re-marks its stages later.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Function, Organisation
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.models import Membership, Project, WorkspaceScopedModel
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record, data_version_bump

from ..defaults import DEFAULT_STAGES
from ..enums import Channel
from ..models import Approach, ApproachMeasure, Measure, Stage, StageChange

DATA_TOPIC = "acquisition"


def acquisition_changed(*, scope: Scope) -> None:
    """Tell caches of acquisition figures that the pipeline or activities changed."""
    data_version_bump(workspace=scope.workspace, topic=DATA_TOPIC)


@transaction.atomic
def stages_ensure(*, scope: Scope, project: Project) -> list[Stage]:
    """The project's stages; a project without any gets the default pipeline first."""
    require(scope, "view_acquisition")
    check_workspace(scope, project)
    stages = list(scope.objects(Stage).filter(project=project).order_by("position", "id"))
    if stages:
        return stages
    Stage.objects.bulk_create(
        Stage(workspace=scope.workspace, project=project, name=name, kind=kind, position=index)
        for index, (name, kind) in enumerate(DEFAULT_STAGES)
    )
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=project,
        details={"model": "acquisition.stage", "count": len(DEFAULT_STAGES)},
    )
    return list(scope.objects(Stage).filter(project=project).order_by("position", "id"))


@transaction.atomic
def approach_create(
    *,
    scope: Scope,
    project: Project,
    organisation: Organisation,
    stage: Stage | None = None,
    channel: str = Channel.COLD,
    at: dt.datetime | None = None,
    **fields,
) -> Approach:
    """Put a company into the project's pipeline, in `stage` (default: the first one).

    `fields` are the approach plan's other fields (owner, contact_person, introducer,
    next_step, next_step_on, benefit_statement, benefit_template, closing_note);
    `at` dates the entry for histories written afterwards (the demo), default now.
    """
    require(scope, "change_acquisition")
    related = _workspace_rows(fields.values())
    check_workspace(scope, project, organisation, *related)
    at = at or timezone.now()
    stage = stage or stages_ensure(scope=scope, project=project)[0]
    _check_stage(stage, project)
    if organisation.kind != OrganisationKind.COMPANY:
        raise ValidationError(
            {"organisation": _("Only companies enter the pipeline; partners are won elsewhere.")}
        )
    approach = Approach(
        workspace=scope.workspace,
        project=project,
        organisation=organisation,
        stage=stage,
        stage_changed_at=at,
        position=_next_position(scope, stage),
        channel=channel,
        created_by=scope.user,
        created_at=at,
        **fields,
    )
    if "owner" not in fields:
        approach.owner = scope.user
    approach.full_clean()
    approach.save()
    _record_change(scope, approach, at)
    activity_record(scope=scope, action=Action.CREATED, target=approach)
    acquisition_changed(scope=scope)
    return approach


@transaction.atomic
def approaches_create(
    *, scope: Scope, project: Project, organisations: Iterable[Organisation]
) -> tuple[list[Approach], int]:
    """Put several companies into the first stage (the target list's bulk action);
    companies already in the pipeline are left where they are. Returns the new
    approaches and how many were there already."""
    require(scope, "change_acquisition")
    organisations = list(organisations)
    check_workspace(scope, project, *organisations)
    present = set(
        scope.objects(Approach)
        .filter(project=project, organisation__in=organisations)
        .values_list("organisation_id", flat=True)
    )
    created = [
        approach_create(scope=scope, project=project, organisation=organisation)
        for organisation in organisations
        if organisation.pk not in present
    ]
    return created, len(present)


@transaction.atomic
def approach_move(
    *,
    scope: Scope,
    approach: Approach,
    stage: Stage,
    position: int | None = None,
    at: dt.datetime | None = None,
) -> Approach:
    """Move an approach to another stage (or to another place in its stage, for the board).

    `position` is the place among the stage's cards, counted from 0 (default: last).
    """
    require(scope, "change_acquisition")
    check_workspace(scope, approach, stage)
    _check_stage(stage, approach.project)
    at = at or timezone.now()
    moved = stage.pk != approach.stage_id
    siblings = list(
        scope.objects(Approach)
        .filter(stage=stage)
        .exclude(pk=approach.pk)
        .order_by("position", "id")
        .only("id", "position")
    )
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, approach)
    for place, sibling in enumerate(siblings):
        if sibling.position != place and sibling.pk != approach.pk:
            sibling.position = place
            sibling.save(update_fields=["position"])
    approach.position = index
    approach.stage = stage
    fields = ["stage", "position", "updated_at"]
    if moved:
        approach.stage_changed_at = at
        fields.append("stage_changed_at")
    approach.save(update_fields=fields)
    if moved:
        _record_change(scope, approach, at)
        activity_record(
            scope=scope, action=Action.UPDATED, target=approach, details={"fields": ["stage"]}
        )
        acquisition_changed(scope=scope)
    return approach


def _workspace_rows(values: Iterable) -> list[models.Model]:
    """The workspace's rows among the values (users, who belong to no workspace, are checked
    by membership instead)."""
    return [value for value in values if isinstance(value, WorkspaceScopedModel)]


def _record_change(scope: Scope, approach: Approach, at: dt.datetime) -> None:
    StageChange.objects.create(
        workspace=scope.workspace,
        approach=approach,
        stage=approach.stage,
        kind=approach.stage.kind,
        changed_at=at,
        changed_by=scope.user,
    )


def _next_position(scope: Scope, stage: Stage) -> int:
    last = scope.objects(Approach).filter(stage=stage).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _check_stage(stage: Stage, project: Project) -> None:
    if stage.project_id != project.pk:
        raise ValidationError({"stage": _("This stage belongs to another project.")})


# ------------------------------------------------------------------------ approach plan

# The approach plan's fields a user edits; stage and position change through approach_move.
APPROACH_FIELDS = (
    "channel", "contact_person", "introducer", "owner", "next_step", "next_step_on",
    "benefit_statement", "benefit_template", "closing_note",
)  # fmt: skip


@transaction.atomic
def approach_update(*, scope: Scope, approach: Approach, **fields) -> list[str]:
    """Change the approach plan (channel, persons, owner, next step, benefit statement …).

    The benefit statement is saved here too, as the user edited it: it stays with the
    approach even when the template or the company's facts change later. Returns the
    names of the fields that changed.
    """
    require(scope, "change_acquisition")
    unknown = set(fields) - set(APPROACH_FIELDS)
    if unknown:
        raise TypeError(f"Unknown approach fields: {sorted(unknown)}")
    related = _workspace_rows(fields.values())
    check_workspace(scope, approach, *related)
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    changed = [name for name, value in fields.items() if getattr(approach, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(approach, name, fields[name])
    errors = {}
    try:
        approach.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if "contact_person" in changed and approach.contact_person is not None:
        works_there = scope.objects(Function).filter(
            person=approach.contact_person, organisation_id=approach.organisation_id
        )
        today = timezone.localdate()
        if not works_there.filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).exists():
            errors.setdefault("contact_person", []).append(
                _("Choose a person who currently works at %(company)s.")
                % {"company": approach.organisation}
            )
    if (
        "owner" in changed
        and approach.owner is not None
        and not _is_team_user(scope, approach.owner)
    ):
        errors.setdefault("owner", []).append(_("Choose a member of the project team."))
    template = approach.benefit_template
    if "benefit_template" in changed and template and template.project_id != approach.project_id:
        errors.setdefault("benefit_template", []).append(
            _("This template belongs to another project.")
        )
    if errors:
        raise ValidationError(errors)
    approach.save()
    activity_record(
        scope=scope, action=Action.UPDATED, target=approach, details={"fields": changed}
    )
    acquisition_changed(scope=scope)
    return changed


@transaction.atomic
def approach_delete(*, scope: Scope, approach: Approach) -> None:
    """Take a company out of the pipeline with its history and agreed measures.

    Logged activities stay with the company (they lose only the link to the approach).
    A company that said no belongs in a "declined" stage instead, so the figures count it.
    """
    require(scope, "change_acquisition")
    check_workspace(scope, approach)
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=approach,
        details={"measures": approach.agreements.count()},
    )
    stage_id = approach.stage_id
    approach.delete()
    _positions_close(scope, stage_id)
    acquisition_changed(scope=scope)


def _is_team_user(scope: Scope, user) -> bool:
    return Membership.objects.filter(
        workspace=scope.workspace, user=user, role__in=(Role.LEAD, Role.STAFF)
    ).exists()


def _positions_close(scope: Scope, stage_id: int) -> None:
    """Number a stage's cards 0, 1, 2 … again after one left it."""
    cards = list(
        scope.objects(Approach)
        .filter(stage_id=stage_id)
        .order_by("position", "id")
        .only("position")
    )
    for place, card in enumerate(cards):
        if card.position != place:
            card.position = place
            card.save(update_fields=["position"])


# ----------------------------------------------------------------------- agreed measures


@transaction.atomic
def approach_measure_agree(
    *,
    scope: Scope,
    approach: Approach,
    measure: Measure,
    agreed_on: dt.date | None = None,
    participants: int | None = None,
) -> ApproachMeasure:
    """Record that the company agreed to take part in one of the project's measures."""
    require(scope, "change_acquisition")
    check_workspace(scope, approach, measure)
    if measure.project_id != approach.project_id:
        raise ValidationError({"measure": _("Choose a measure of this project's catalogue.")})
    agreement = ApproachMeasure(
        workspace=scope.workspace,
        approach=approach,
        measure=measure,
        agreed_on=agreed_on or timezone.localdate(),
        participants=participants,
    )
    _agreement_clean(agreement)
    agreement.save()
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=approach,
        details={"fields": ["measures"], "measures": 1},
    )
    acquisition_changed(scope=scope)
    return agreement


@transaction.atomic
def approach_measure_update(
    *, scope: Scope, agreement: ApproachMeasure, **fields
) -> ApproachMeasure:
    """Change an agreed measure's dates or participants; a `delivered_on` marks it delivered."""
    require(scope, "change_acquisition")
    check_workspace(scope, agreement)
    unknown = set(fields) - {"agreed_on", "delivered_on", "participants"}
    if unknown:
        raise TypeError(f"Unknown agreement fields: {sorted(unknown)}")
    changed = [name for name, value in fields.items() if getattr(agreement, name) != value]
    if changed:
        for name in changed:
            setattr(agreement, name, fields[name])
        _agreement_clean(agreement)
        agreement.save()
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=agreement.approach,
            details={"fields": ["measures"], "measures": 1},
        )
        acquisition_changed(scope=scope)
    return agreement


@transaction.atomic
def approach_measure_delivered(
    *, scope: Scope, agreement: ApproachMeasure, delivered_on: dt.date | None = None
) -> ApproachMeasure:
    """Mark an agreed measure as delivered (default today), for the funder report."""
    return approach_measure_update(
        scope=scope, agreement=agreement, delivered_on=delivered_on or timezone.localdate()
    )


@transaction.atomic
def approach_measure_remove(*, scope: Scope, agreement: ApproachMeasure) -> None:
    require(scope, "change_acquisition")
    check_workspace(scope, agreement)
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=agreement.approach,
        details={"fields": ["measures"], "measures": 1},
    )
    agreement.delete()
    acquisition_changed(scope=scope)


def _agreement_clean(agreement: ApproachMeasure) -> None:
    errors = {}
    try:
        agreement.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    today = timezone.localdate()
    if agreement.agreed_on and agreement.agreed_on > today:
        errors.setdefault("agreed_on", []).append(_("The agreement date cannot be in the future."))
    if agreement.delivered_on:
        if agreement.delivered_on > today:
            errors.setdefault("delivered_on", []).append(
                _("Mark a measure as delivered once it has taken place, not in advance.")
            )
        elif agreement.agreed_on and agreement.delivered_on < agreement.agreed_on:
            errors.setdefault("delivered_on", []).append(
                _("A measure cannot be delivered before it was agreed.")
            )
    if not errors:
        taken = ApproachMeasure.objects.filter(
            approach_id=agreement.approach_id, measure_id=agreement.measure_id
        ).exclude(pk=agreement.pk)
        if taken.exists():
            errors["measure"] = [
                _("“%(measure)s” is already agreed with this company.")
                % {"measure": agreement.measure}
            ]
    if errors:
        raise ValidationError(errors)


# -------------------------------------------------------------------------- stage editor

# Rules of the stage editor:
# - a project keeps at least one stage (new companies enter the first one);
# - a stage that holds companies is not deleted: move them first;
# - a stage that appears in the history of approaches is not deleted either (the history,
#   and with it the figures, would lose the step); rename it or mark it differently;
# - renaming or re-marking a stage never rewrites history (StageChange keeps the kind).


@transaction.atomic
def stage_create(*, scope: Scope, project: Project, name: str, kind: str) -> Stage:
    """Add a stage at the end of the project's pipeline."""
    require(scope, "change_acquisition")
    check_workspace(scope, project)
    last = scope.objects(Stage).filter(project=project).aggregate(last=Max("position"))["last"]
    stage = Stage(
        workspace=scope.workspace,
        project=project,
        name=name.strip(),
        kind=kind,
        position=0 if last is None else last + 1,
    )
    _stage_clean(scope, stage)
    stage.save()
    activity_record(scope=scope, action=Action.CREATED, target=stage)
    acquisition_changed(scope=scope)
    return stage


@transaction.atomic
def stage_update(*, scope: Scope, stage: Stage, **fields) -> list[str]:
    """Rename a stage or change what it counts as; past moves keep the kind they had."""
    require(scope, "change_acquisition")
    check_workspace(scope, stage)
    unknown = set(fields) - {"name", "kind"}
    if unknown:
        raise TypeError(f"Unknown stage fields: {sorted(unknown)}")
    fields = {name: value.strip() for name, value in fields.items()}
    changed = [name for name, value in fields.items() if getattr(stage, name) != value]
    if changed:
        for name in changed:
            setattr(stage, name, fields[name])
        _stage_clean(scope, stage)
        stage.save()
        activity_record(
            scope=scope, action=Action.UPDATED, target=stage, details={"fields": changed}
        )
        acquisition_changed(scope=scope)
    return changed


@transaction.atomic
def stage_delete(*, scope: Scope, stage: Stage) -> None:
    """Delete a stage that is neither in use nor in any approach's history (see the rules above)."""
    require(scope, "change_acquisition")
    check_workspace(scope, stage)
    errors = stage_delete_problems(scope=scope, stage=stage)
    if errors:
        raise ValidationError(errors)
    activity_record(scope=scope, action=Action.DELETED, target=stage)
    project_id = stage.project_id
    stage.delete()
    remaining = list(scope.objects(Stage).filter(project_id=project_id).order_by("position", "id"))
    _stages_number(remaining)
    acquisition_changed(scope=scope)


def stage_delete_problems(*, scope: Scope, stage: Stage) -> list[str]:
    """Why the stage cannot be deleted (empty when it can); the confirmation page shows them."""
    problems = []
    if not scope.objects(Stage).filter(project_id=stage.project_id).exclude(pk=stage.pk).exists():
        problems.append(_("A pipeline needs at least one stage: add another one first."))
    in_use = scope.objects(Approach).filter(stage=stage).count()
    if in_use:
        problems.append(
            ngettext(
                "%(count)d company is in this stage. Move it to another stage first.",
                "%(count)d companies are in this stage. Move them to another stage first.",
                in_use,
            )
            % {"count": in_use}
        )
    history = (
        scope.objects(StageChange)
        .filter(stage=stage)
        .exclude(approach__stage=stage)
        .values("approach")
        .distinct()
        .count()
    )
    if history:
        problems.append(
            ngettext(
                "%(count)d other company has passed through this stage; its history would lose "
                "the step. Rename the stage or change what it counts as instead.",
                "%(count)d other companies have passed through this stage; their history would "
                "lose the step. Rename the stage or change what it counts as instead.",
                history,
            )
            % {"count": history}
        )
    return problems


@transaction.atomic
def stage_reorder(*, scope: Scope, project: Project, stages: Iterable[Stage]) -> list[Stage]:
    """Put the project's stages into the given order (all of them, each once)."""
    require(scope, "change_acquisition")
    stages = list(stages)
    check_workspace(scope, project, *stages)
    current = set(scope.objects(Stage).filter(project=project).values_list("pk", flat=True))
    wanted = [stage.pk for stage in stages]
    if len(wanted) != len(set(wanted)) or set(wanted) != current:
        raise ValidationError(_("Give every stage of the project once, in the new order."))
    if _stages_number(stages):
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=project,
            details={"model": Stage._meta.label_lower, "count": len(stages), "fields": []},
        )
        acquisition_changed(scope=scope)
    return stages


@transaction.atomic
def stage_shift(*, scope: Scope, stage: Stage, offset: int) -> list[Stage]:
    """Move a stage `offset` places to the right (negative: left), for the editor's arrows."""
    stages = list(
        scope.objects(Stage).filter(project_id=stage.project_id).order_by("position", "id")
    )
    index = next(i for i, other in enumerate(stages) if other.pk == stage.pk)
    target = max(0, min(len(stages) - 1, index + offset))
    stages.insert(target, stages.pop(index))
    return stage_reorder(scope=scope, project=stage.project, stages=stages)


def _stages_number(stages: list[Stage]) -> bool:
    changed = False
    for place, stage in enumerate(stages):
        if stage.position != place:
            stage.position = place
            stage.save(update_fields=["position"])
            changed = True
    return changed


def _stage_clean(scope: Scope, stage: Stage) -> None:
    errors = {}
    try:
        stage.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if "name" not in errors:
        taken = (
            scope.objects(Stage)
            .filter(project_id=stage.project_id, name__iexact=stage.name)
            .exclude(pk=stage.pk)
        )
        if taken.exists():
            errors["name"] = [
                _("The pipeline already has a stage “%(name)s”.") % {"name": taken.first().name}
            ]
    if errors:
        raise ValidationError(errors)
