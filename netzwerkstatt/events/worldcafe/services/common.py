"""What every World-Café service shares: the permission and the workspace check."""

from django.core.exceptions import PermissionDenied

from netzwerkstatt.core.scoping import Scope

PERMISSION = "change_events"


def require(scope: Scope) -> None:
    if not scope.can(PERMISSION):
        raise PermissionDenied(PERMISSION)


def check_workspace(scope: Scope, *objects) -> None:
    """Refuse objects of another workspace (None is fine)."""
    for obj in objects:
        if obj is not None and obj.workspace_id != scope.workspace.pk:
            raise PermissionDenied("workspace")
