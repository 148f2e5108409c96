from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import User
from netzwerkstatt.core.scoping import Scope

from .models import AccountPolicy, SecondFactor


def second_factor_of(*, user: User) -> SecondFactor | None:
    """The user's factor, confirmed or still being set up."""
    return SecondFactor.objects.filter(user=user).first()


def second_factor_confirmed(*, user: User) -> bool:
    return SecondFactor.objects.filter(user=user, confirmed_at__isnull=False).exists()


def account_policy(*, scope: Scope) -> AccountPolicy:
    """The workspace's policy; an unsaved default when none was set."""
    return AccountPolicy.objects.filter(workspace=scope.workspace).first() or AccountPolicy(
        workspace=scope.workspace
    )


def second_factor_setup_required(*, scope: Scope) -> bool:
    """Whether the scope's user must set up a second factor before working in the workspace:
    a lead, in a workspace that requires it of leads, without a confirmed factor."""
    if scope.role != Role.LEAD or scope.user is None:
        return False
    required = AccountPolicy.objects.filter(
        workspace=scope.workspace, require_second_factor_for_lead=True
    ).exists()
    return required and not second_factor_confirmed(user=scope.user)
