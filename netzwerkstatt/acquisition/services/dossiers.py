"""Writes to company dossiers: the dossier itself, research notes, needs, decision makers.

A dossier belongs to one project and one company (an organisation of kind company);
it is opened once and then grows. Every write is the team's (`change_acquisition`),
validates with German messages, is logged with ids and field names only, and raises
the acquisition data version (the target list scores the needs found in dossiers).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import DecisionRole
from ..models import DecisionMaker, Dossier, IdentifiedNeed, Need, ResearchNote
from .pipeline import acquisition_changed

DOSSIER_FIELDS = ("situation", "share_50_plus", "open_positions", "recent_events")


@transaction.atomic
def dossier_open(
    *, scope: Scope, project: Project, organisation: Organisation
) -> tuple[Dossier, bool]:
    """The company's dossier in the project, created on first use. Returns it and whether
    it is new."""
    require(scope, "change_acquisition")
    check_workspace(scope, project, organisation)
    existing = scope.objects(Dossier).filter(project=project, organisation=organisation).first()
    if existing is not None:
        return existing, False
    if organisation.kind != OrganisationKind.COMPANY:
        raise ValidationError(
            {"organisation": _("Dossiers are kept for companies; this organisation is none.")}
        )
    dossier = Dossier(
        workspace=scope.workspace, project=project, organisation=organisation, updated_by=scope.user
    )
    dossier.full_clean()
    dossier.save()
    activity_record(scope=scope, action=Action.CREATED, target=dossier)
    acquisition_changed(scope=scope)
    return dossier, True


@transaction.atomic
def dossier_update(*, scope: Scope, dossier: Dossier, **fields) -> Dossier:
    """Change the situation and the structured facts (share 50+, open positions, recent events)."""
    require(scope, "change_acquisition")
    check_workspace(scope, dossier)
    changed = assign(dossier, fields, allowed=DOSSIER_FIELDS, strip=True)
    if not changed:
        return dossier
    errors = {}
    # Checked here rather than by the model's validator, whose message has a bare "%"
    # that breaks when Django formats it with the limit.
    share = dossier.share_50_plus
    if share is not None and not 0 <= share <= 100:
        errors["share_50_plus"] = [_("Enter the share as a whole number from 0 to 100.")]
    if dossier.open_positions is not None and dossier.open_positions < 0:
        errors["open_positions"] = [_("The number of open positions must not be negative.")]
    employees = dossier.organisation.employee_count
    if dossier.open_positions and employees and dossier.open_positions > 10 * employees:
        errors["open_positions"] = [
            _("%(count)s open positions for %(employees)s employees cannot be right.")
            % {"count": dossier.open_positions, "employees": employees}
        ]
    try:
        dossier.full_clean(exclude=list(errors), validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    dossier.updated_by = scope.user
    dossier.save()
    activity_record(scope=scope, action=Action.UPDATED, target=dossier, details={"fields": changed})
    acquisition_changed(scope=scope)
    return dossier


@transaction.atomic
def research_note_add(
    *, scope: Scope, dossier: Dossier, text: str, source: str = "", noted_on: dt.date | None = None
) -> ResearchNote:
    require(scope, "change_acquisition")
    check_workspace(scope, dossier)
    note = ResearchNote(
        workspace=scope.workspace,
        dossier=dossier,
        text=(text or "").strip(),
        source=(source or "").strip(),
        noted_on=noted_on or timezone.localdate(),
        author=scope.user,
    )
    errors = {}
    if note.noted_on > timezone.localdate():
        errors["noted_on"] = [_("The date lies in the future; enter when you found this.")]
    try:
        note.full_clean(exclude=list(errors))
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    note.save()
    _touched(scope, dossier, ResearchNote, Action.CREATED)
    return note


@transaction.atomic
def research_note_delete(*, scope: Scope, note: ResearchNote) -> None:
    require(scope, "change_acquisition")
    check_workspace(scope, note)
    dossier = note.dossier
    note.delete()
    _touched(scope, dossier, ResearchNote, Action.DELETED)


@transaction.atomic
def identified_need_add(
    *, scope: Scope, dossier: Dossier, need: Need, evidence: str = ""
) -> IdentifiedNeed:
    """Name a need of the workspace's vocabulary for the company, with the evidence for it."""
    require(scope, "change_acquisition")
    check_workspace(scope, dossier, need)
    if scope.objects(IdentifiedNeed).filter(dossier=dossier, need=need).exists():
        raise ValidationError(
            {"need": _("The dossier already names the need “%(name)s”.") % {"name": need}}
        )
    identified = IdentifiedNeed(
        workspace=scope.workspace, dossier=dossier, need=need, evidence=(evidence or "").strip()
    )
    identified.full_clean(validate_constraints=False)
    identified.save()
    _touched(scope, dossier, IdentifiedNeed, Action.CREATED)
    return identified


@transaction.atomic
def identified_need_delete(*, scope: Scope, identified: IdentifiedNeed) -> None:
    require(scope, "change_acquisition")
    check_workspace(scope, identified)
    dossier = identified.dossier
    identified.delete()
    _touched(scope, dossier, IdentifiedNeed, Action.DELETED)


@transaction.atomic
def decision_maker_add(
    *, scope: Scope, dossier: Dossier, person: Person, role: str, note: str = ""
) -> DecisionMaker:
    require(scope, "change_acquisition")
    check_workspace(scope, dossier, person)
    errors = {}
    if scope.objects(DecisionMaker).filter(dossier=dossier, person=person).exists():
        errors["person"] = [
            _("The dossier already names %(name)s; remove the entry first to change the role.")
            % {"name": person.full_name}
        ]
    maker = DecisionMaker(
        workspace=scope.workspace,
        dossier=dossier,
        person=person,
        role=role,
        note=(note or "").strip(),
    )
    if role not in DecisionRole.values:
        errors["role"] = [_("Choose the part the person plays in the decision.")]
    try:
        maker.full_clean(exclude=list(errors), validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    maker.save()
    _touched(scope, dossier, DecisionMaker, Action.CREATED)
    return maker


@transaction.atomic
def decision_maker_delete(*, scope: Scope, maker: DecisionMaker) -> None:
    require(scope, "change_acquisition")
    check_workspace(scope, maker)
    dossier = maker.dossier
    maker.delete()
    _touched(scope, dossier, DecisionMaker, Action.DELETED)


def _touched(scope: Scope, dossier: Dossier, model, action: Action) -> None:
    """Log an entry added to or deleted from one of the dossier's lists, on the dossier."""
    dossier.updated_by = scope.user
    dossier.save(update_fields=["updated_by", "updated_at"])
    activity_record(
        scope=scope,
        action=action,
        target=dossier,
        details={"model": model._meta.label_lower, "count": 1},
    )
    acquisition_changed(scope=scope)
