from django.db import models

from netzwerkstatt.core.models import User, Workspace

from .enums import AuditAction
from .models import AuditEntry


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
    return AuditEntry.objects.create(
        workspace=workspace,
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        details=details or {},
    )
