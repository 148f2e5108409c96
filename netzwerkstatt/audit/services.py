from django.db import models

from netzwerkstatt.core.database import planner_statistics_refresh
from netzwerkstatt.core.models import User, Workspace
from netzwerkstatt.core.scoping import Scope

from .enums import AuditAction
from .models import AuditEntry

# The log grows one entry at a time, so no bulk write refreshes the planner's statistics
# of its table (see `core.database`); every this many entries do. Without them SQLite
# sorts a whole workspace's entries for the log's first page (270 ms at 100,000 entries
# instead of a few).
STATISTICS_EVERY = 10_000


def audit_record(
    *,
    action: AuditAction,
    workspace: Workspace | None,
    actor: User | None,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: int | None = None,
    details: dict | None = None,
) -> AuditEntry:
    """Write one audit entry. `details` must hold IDs, counts and names of things, never
    personal values (no names, e-mail addresses or free text)."""
    if target is not None:
        target_type, target_id = target._meta.label, target.pk
    entry = AuditEntry.objects.create(
        workspace=workspace,
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        details=details or {},
    )
    if entry.pk % STATISTICS_EVERY == 0:
        planner_statistics_refresh(AuditEntry)
    return entry


def audit_viewed(*, scope: Scope, target: models.Model) -> AuditEntry:
    """Record that the scope's user read `target`'s page (a person's detail page or its API
    resource): reading personal data is what a data-protection officer asks about."""
    return audit_record(
        action=AuditAction.VIEWED, workspace=scope.workspace, actor=scope.user, target=target
    )
