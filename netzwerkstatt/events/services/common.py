from django.db import models

from netzwerkstatt.core.guards import check_workspace, require

__all__ = ["assign", "check_workspace", "require"]


def assign(obj: models.Model, fields: dict) -> list[str]:
    """Set the fields on obj; return the names of those whose value changed."""
    changed = []
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed
