from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import Workspace, WorkspaceScopedModel


class SecondFactor(models.Model):
    """A user's authenticator app (TOTP, RFC 6238): in use once `confirmed_at` is set.

    Belongs to the account, not to a workspace. `last_step` is the time step of the last
    code accepted; a code of that step or an earlier one is refused (no replay).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="second_factor",
        verbose_name=_("user"),
    )
    secret = models.CharField(_("secret"), max_length=64)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_step = models.PositiveBigIntegerField(_("last used time step"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("second factor")
        verbose_name_plural = _("second factors")

    def __str__(self):
        return f"{self.user_id} ({'confirmed' if self.confirmed_at else 'set up'})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class AccountPolicy(WorkspaceScopedModel):
    """A workspace's rules for its members' accounts; no row means the defaults (all off)."""

    workspace = models.OneToOneField(
        Workspace,
        on_delete=models.CASCADE,
        related_name="account_policy",
        verbose_name=_("workspace"),
    )
    require_second_factor_for_lead = models.BooleanField(
        _("leads must use a second factor"), default=False
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("account policy")
        verbose_name_plural = _("account policies")

    def __str__(self):
        return f"{self.workspace_id}: 2FA for leads {self.require_second_factor_for_lead}"
