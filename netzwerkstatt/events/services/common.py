from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import check_workspace, require

__all__ = ["assign", "check_workspace", "require"]
