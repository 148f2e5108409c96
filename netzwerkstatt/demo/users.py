"""The demo's logins: one user per role, all with the same published password."""

from dataclasses import dataclass

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import User, Workspace
from netzwerkstatt.core.services import membership_set, user_create

# Printed on every start of the demo; it guards nothing but demo data on a laptop.
DEMO_PASSWORD = "Netzwerk-Demo-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoUser:
    role: Role
    email: str
    first_name: str
    last_name: str


DEMO_USERS = (
    DemoUser(Role.LEAD, "projektleitung@bildungsverein-nord.example", "Katrin", "Behrends"),
    DemoUser(Role.STAFF, "mitarbeit@bildungsverein-nord.example", "Jonas", "Wittkamp"),
    DemoUser(Role.PARTNER, "partner@bildungsverein-nord.example", "Heike", "Brandt"),
)


def demo_users_ensure(*, workspace: Workspace) -> dict[Role, User]:
    """The demo users with their roles in the workspace.

    Users left from an earlier demo whose workspace was deleted are reused as they are.
    """
    users = {}
    for demo_user in DEMO_USERS:
        user = User.objects.filter(email=demo_user.email).first() or user_create(
            email=demo_user.email,
            password=DEMO_PASSWORD,
            first_name=demo_user.first_name,
            last_name=demo_user.last_name,
        )
        membership_set(user=user, workspace=workspace, role=demo_user.role)
        users[demo_user.role] = user
    return users
