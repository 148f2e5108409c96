"""Writes for accounts: the second factor (a user's own) and the workspace's account policy."""

import time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.models import User, Workspace
from netzwerkstatt.core.scoping import Scope

from . import totp
from .models import AccountPolicy, SecondFactor
from .selectors import second_factor_confirmed


@transaction.atomic
def second_factor_begin(*, user: User) -> SecondFactor:
    """A new secret for the user to scan; it protects nothing until confirmed with a code.

    Refused while a confirmed factor exists: replacing it takes switching it off first,
    which asks for the password.
    """
    factor = SecondFactor.objects.select_for_update().filter(user=user).first()
    if factor is not None and factor.is_confirmed:
        raise ValidationError(_("A second factor is already set up."))
    if factor is None:
        factor = SecondFactor(user=user)
    factor.secret = totp.secret_generate()
    factor.last_step = None
    factor.full_clean()
    factor.save()
    return factor


@transaction.atomic
def second_factor_confirm(
    *, user: User, code: str, workspace: Workspace | None = None, timestamp: float | None = None
) -> bool:
    """Switch the pending factor on if `code` fits its secret; False (nothing changed) if not."""
    factor = (
        SecondFactor.objects.select_for_update()
        .filter(user=user, confirmed_at__isnull=True)
        .first()
    )
    if factor is None:
        return False
    step = totp.verify(factor.secret, code, timestamp=_now(timestamp))
    if step is None:
        return False
    factor.confirmed_at = timezone.now()
    factor.last_step = step  # the code just typed cannot sign in as well
    factor.save(update_fields=["confirmed_at", "last_step"])
    audit_record(
        action=AuditAction.SECOND_FACTOR_ENABLED, workspace=workspace, actor=user, target=user
    )
    return True


def second_factor_check(*, user: User, code: str, timestamp: float | None = None) -> bool:
    """Whether `code` is a current code of the user's confirmed factor not used before.

    The step is marked used in the same statement that checks it is newer than the last
    one, so two requests racing with one code cannot both pass.
    """
    factor = SecondFactor.objects.filter(user=user, confirmed_at__isnull=False).first()
    if factor is None:
        return False
    step = totp.verify(factor.secret, code, timestamp=_now(timestamp), last_step=factor.last_step)
    if step is None:
        return False
    unused = Q(last_step__isnull=True) | Q(last_step__lt=step)
    return SecondFactor.objects.filter(unused, pk=factor.pk).update(last_step=step) == 1


@transaction.atomic
def second_factor_disable(*, user: User, workspace: Workspace | None = None) -> bool:
    """Remove the user's factor (a pending one too); True when a confirmed one was switched off."""
    confirmed = second_factor_confirmed(user=user)
    SecondFactor.objects.filter(user=user).delete()
    if confirmed:
        audit_record(
            action=AuditAction.SECOND_FACTOR_DISABLED, workspace=workspace, actor=user, target=user
        )
    return confirmed


@transaction.atomic
def account_policy_set(*, scope: Scope, require_second_factor_for_lead: bool) -> AccountPolicy:
    """Set the workspace's account policy. A lead switching the second-factor rule on must
    use one already, so the rule cannot shut its author out mid-session."""
    require(scope, "manage_workspace")
    if (
        require_second_factor_for_lead
        and scope.user is not None
        and not second_factor_confirmed(user=scope.user)
    ):
        raise ValidationError(
            _("Set up a second factor for your own account before you require it of leads.")
        )
    policy, _created = AccountPolicy.objects.get_or_create(workspace=scope.workspace)
    changed = policy.require_second_factor_for_lead != require_second_factor_for_lead
    policy.require_second_factor_for_lead = require_second_factor_for_lead
    policy.full_clean()
    policy.save()
    if changed:
        audit_record(
            action=AuditAction.SETTINGS_CHANGED,
            workspace=scope.workspace,
            actor=scope.user,
            target=policy,
            details={"require_second_factor_for_lead": require_second_factor_for_lead},
        )
    return policy


def _now(timestamp: float | None) -> float:
    return time.time() if timestamp is None else timestamp
