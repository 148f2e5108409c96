"""Action items ("Aufgaben") of a network: created in a meeting or on their own.

The service keeps `done_at` in step with the status: set when an item becomes
done, cleared when it is opened again or dropped. An owner who is a team member
with a login sees their open items on the "Heute" page.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import ActionStatus
from ..models import ActionItem, Meeting, Network

ACTION_ITEM_FIELDS = ("title", "description", "owner", "due_on", "status", "meeting")


@transaction.atomic
def action_item_create(
    *,
    scope: Scope,
    network: Network,
    title: str,
    description: str = "",
    owner: Person | None = None,
    due_on: dt.date | None = None,
    status: str = ActionStatus.OPEN,
    meeting: Meeting | None = None,
) -> ActionItem:
    """Create an action item of the network, from one of its meetings or standalone."""
    require(scope, "change_steering")
    check_workspace(scope, network)
    item = ActionItem(
        workspace=scope.workspace,
        network=network,
        meeting=meeting,
        title=title.strip(),
        description=description.strip(),
        owner=owner,
        due_on=due_on,
        status=status,
    )
    _clean(scope, item)
    item.save()
    activity_record(scope=scope, action=Action.CREATED, target=item)
    return item


@transaction.atomic
def action_item_update(*, scope: Scope, action_item: ActionItem, **fields) -> ActionItem:
    """Change an action item; a change of status sets or clears its `done_at`."""
    require(scope, "change_steering")
    check_workspace(scope, action_item)
    unknown = set(fields) - set(ACTION_ITEM_FIELDS)
    if unknown:
        raise TypeError(f"Unknown action item fields: {sorted(unknown)}")
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    changed = [name for name, value in fields.items() if getattr(action_item, name) != value]
    for name in changed:
        setattr(action_item, name, fields[name])
    _clean(scope, action_item)
    action_item.save()
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=action_item, details={"fields": changed}
        )
    return action_item


@transaction.atomic
def action_item_set_status(*, scope: Scope, action_item: ActionItem, status: str) -> ActionItem:
    """Move an action item to another status (open, in progress, done, dropped)."""
    return action_item_update(scope=scope, action_item=action_item, status=status)


@transaction.atomic
def action_item_delete(*, scope: Scope, action_item: ActionItem) -> None:
    require(scope, "change_steering")
    check_workspace(scope, action_item)
    activity_record(scope=scope, action=Action.DELETED, target=action_item)
    action_item.delete()


def _clean(scope: Scope, item: ActionItem) -> None:
    """Validate with clear messages and keep `done_at` in step with the status."""
    errors = {}
    try:
        item.full_clean(exclude=["owner", "meeting", "done_at"], validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if item.owner is not None and item.owner.workspace_id != scope.workspace.pk:
        errors.setdefault("owner", []).append(_("Choose a person of this workspace."))
    if item.meeting is not None and (
        item.meeting.workspace_id != scope.workspace.pk
        or item.meeting.network_id != item.network_id
    ):
        errors.setdefault("meeting", []).append(_("Choose a meeting of this network."))
    if errors:
        raise ValidationError(errors)
    if item.status == ActionStatus.DONE:
        item.done_at = item.done_at or timezone.now()
    else:
        item.done_at = None
