from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from netzwerkstatt.core.scoping import Scope


def require(scope: Scope, permission: str) -> None:
    if not scope.can(permission):
        raise PermissionDenied(permission)


def check_workspace(scope: Scope, obj: models.Model | None) -> None:
    """Refuse objects of another workspace handed to a service (ids from a form, say)."""
    if obj is not None and obj.workspace_id != scope.workspace.pk:
        raise ValidationError(_("This belongs to another workspace."))


def assign(obj: models.Model, fields: dict) -> list[str]:
    """Set the fields on obj; return the names of those whose value changed."""
    changed = []
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed
