"""API tokens: issuing them and turning a presented token into the scope it acts in."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership, User, Workspace
from netzwerkstatt.core.scoping import Scope

from .models import ApiToken

# Writing last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_issue(*, user: User, workspace: Workspace) -> tuple[ApiToken, str]:
    """Create a token for a member of the workspace; returns it with the raw key, stored nowhere."""
    if not user.is_active:
        raise ValidationError(_("The user %(email)s is deactivated.") % {"email": user.email})
    if not Membership.objects.filter(user=user, workspace=workspace).exists():
        raise ValidationError(
            _("%(email)s is not a member of “%(workspace)s”.")
            % {"email": user.email, "workspace": workspace.name}
        )
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, workspace=workspace, key_hash=token_hash(raw), prefix=raw[:8]
    )
    return token, raw


def api_token_authenticate(*, raw: str) -> Scope | None:
    """The scope a presented token acts in, or None; notes when the token was last used.

    Reads tokens and memberships directly: they are what scopes are built from. The
    role is the user's current one, so a changed role or a removed membership takes
    effect on the next request.
    """
    role = Membership.objects.filter(user=OuterRef("user"), workspace=OuterRef("workspace"))
    token = (
        ApiToken.objects.filter(key_hash=token_hash(raw), user__is_active=True)
        .annotate(role=Subquery(role.values("role")[:1]))
        .select_related("user", "workspace")
        .first()
    )
    if token is None or token.role is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return Scope(workspace=token.workspace, role=Role(token.role), user=token.user)
