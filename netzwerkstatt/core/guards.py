"""The two checks at the top of every service: may the scope do this, and are the
objects it was handed (ids from a form or the API) from the scope's workspace."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .scoping import Scope


def require(scope: Scope, permission: str) -> None:
    if not scope.can(permission):
        raise PermissionDenied(permission)


def check_workspace(scope: Scope, *objects) -> None:
    """Refuse objects of another workspace (None is fine)."""
    for instance in objects:
        if instance is not None and instance.workspace_id != scope.workspace.pk:
            raise ValidationError(_("This belongs to another workspace."))
