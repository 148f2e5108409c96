"""A project's pipeline: its stages, companies entering it and moving through it.

Every move is kept as a StageChange with the kind the stage had at that moment, so
the figures (funnel, conversion, time to agreement) count history as it happened
even when a project renames or re-marks its stages later.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record, data_version_bump

from ..defaults import DEFAULT_STAGES
from ..enums import Channel
from ..models import Approach, Stage, StageChange

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
    related = [value for value in fields.values() if isinstance(value, models.Model)]
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
