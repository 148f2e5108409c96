"""Logged contacts with companies (calls, e-mails, meetings, contacts at events) and
their follow-ups.

Logging an activity sets the last contact of the ties among its participants and
between them and the team (`network.services.ties_contacted`, never backwards).
An activity on a company that is in the project's pipeline is linked to its
approach; it never moves the approach: moves are explicit, on the board (the page
shows a hint where a move looks due, see `selectors.activity_stage_hint`).

The follow-up belongs to one user (default: who logged the activity); it appears
on that user's "Heute" page and calendar feed until it is marked done.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.models import Membership, Project, User
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.services import ties_contacted

from ..models import Activity, Approach
from .pipeline import acquisition_changed

ACTIVITY_FIELDS = (
    "project", "kind", "occurred_on", "summary", "outcome", "follow_up_on", "follow_up_by",
)  # fmt: skip
# The logging user follows up unless someone else is named.
ME = object()


@transaction.atomic
def activity_create(
    *,
    scope: Scope,
    project: Project,
    organisation: Organisation,
    kind: str,
    occurred_on: dt.date,
    participants: Iterable[Person] = (),
    summary: str = "",
    outcome: str = "",
    follow_up_on: dt.date | None = None,
    follow_up_by: User | object | None = ME,
) -> Activity:
    """Log a contact with a company and update its participants' ties' last contact."""
    require(scope, "change_acquisition")
    participants = list(participants)
    check_workspace(scope, project, organisation, *participants)
    activity = Activity(
        workspace=scope.workspace,
        project=project,
        organisation=organisation,
        kind=kind,
        occurred_on=occurred_on,
        summary=summary.strip(),
        outcome=outcome.strip(),
        follow_up_on=follow_up_on,
        follow_up_by=scope.user if follow_up_by is ME else follow_up_by,
        created_by=scope.user,
    )
    _clean(scope, activity)
    activity.save()
    activity.participants.set(participants)
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=activity,
        details={"participants": len(participants)},
    )
    ties_contacted(scope=scope, persons=participants, on=activity.occurred_on)
    acquisition_changed(scope=scope)
    return activity


@transaction.atomic
def activity_update(
    *, scope: Scope, activity: Activity, participants: Iterable[Person] | None = None, **fields
) -> Activity:
    """Change an activity; a new follow-up date opens the follow-up again.

    New participants or a later date update the ties' last contact as logging does.
    """
    require(scope, "change_acquisition")
    check_workspace(scope, activity, *[v for v in fields.values() if hasattr(v, "workspace_id")])
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown activity fields: {sorted(unknown)}")
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    changed = [name for name, value in fields.items() if getattr(activity, name) != value]
    for name in changed:
        setattr(activity, name, fields[name])
    if "follow_up_on" in changed:
        activity.follow_up_done_at = None
    _clean(scope, activity)
    activity.save()
    contacted = list(activity.participants.all())
    if participants is not None:
        participants = list(participants)
        check_workspace(scope, *participants)
        if {person.pk for person in participants} != {person.pk for person in contacted}:
            activity.participants.set(participants)
            changed.append("participants")
        contacted = participants
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=activity, details={"fields": changed}
        )
        if {"occurred_on", "participants"} & set(changed):
            ties_contacted(scope=scope, persons=contacted, on=activity.occurred_on)
        acquisition_changed(scope=scope)
    return activity


@transaction.atomic
def activity_delete(*, scope: Scope, activity: Activity) -> None:
    """Delete an activity; the ties keep their last contact (it happened all the same)."""
    require(scope, "change_acquisition")
    check_workspace(scope, activity)
    activity_record(scope=scope, action=Action.DELETED, target=activity)
    activity.delete()
    acquisition_changed(scope=scope)


@transaction.atomic
def activity_follow_up_done(*, scope: Scope, activity: Activity, done: bool = True) -> Activity:
    """Mark the activity's follow-up done (or, with `done=False`, open again)."""
    require(scope, "change_acquisition")
    check_workspace(scope, activity)
    if activity.follow_up_on is None:
        raise ValidationError(_("This activity has no follow-up."))
    if done == (activity.follow_up_done_at is not None):
        return activity
    activity.follow_up_done_at = timezone.now() if done else None
    activity.save(update_fields=["follow_up_done_at", "updated_at"])
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=activity,
        details={"fields": ["follow_up_done_at"]},
    )
    acquisition_changed(scope=scope)
    return activity


def _clean(scope: Scope, activity: Activity) -> None:
    """Validate with German messages; links the approach of the company in the project."""
    errors = {}
    if activity.follow_up_on is None:
        activity.follow_up_by = None
    try:
        activity.full_clean(exclude=["approach"], validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    organisation, project = activity.organisation, activity.project
    if project.workspace_id != scope.workspace.pk:
        errors.setdefault("project", []).append(_("Choose a project of this workspace."))
    if organisation.kind != OrganisationKind.COMPANY:
        errors.setdefault("organisation", []).append(
            _("Activities are logged with companies; this organisation is not one.")
        )
    today = timezone.localdate()
    if activity.occurred_on and activity.occurred_on > today:
        errors.setdefault("occurred_on", []).append(
            _("Log an activity once it has taken place; plan a later contact as a follow-up.")
        )
    if (
        activity.follow_up_on
        and activity.occurred_on
        and activity.follow_up_on < (activity.occurred_on)
    ):
        errors.setdefault("follow_up_on", []).append(
            _("The follow-up cannot be before the activity itself.")
        )
    if activity.follow_up_by is not None and not _is_team_member(scope, activity.follow_up_by):
        errors.setdefault("follow_up_by", []).append(
            _("Choose a member of the project team of this workspace.")
        )
    if errors:
        raise ValidationError(errors)
    activity.approach = (
        scope.objects(Approach).filter(project=project, organisation=organisation).first()
    )


def _is_team_member(scope: Scope, user: User) -> bool:
    return Membership.objects.filter(
        workspace=scope.workspace, user=user, role__in=(Role.LEAD, Role.STAFF)
    ).exists()
