from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import Workspace

from .enums import AuditAction


class AuditQuerySet(models.QuerySet):
    """Entries are written once and never changed; only the retention rule removes old ones."""

    def update(self, **kwargs):
        raise PermissionDenied("Audit entries cannot be changed.")

    def delete(self):
        raise PermissionDenied("Audit entries cannot be deleted; see AuditQuerySet.prune.")

    def prune(self) -> int:
        """Delete these entries for the retention rule; the only way entries go."""
        return models.QuerySet.delete(self)[0]


class AuditEntry(models.Model):
    """Who did what, when, in which workspace: IDs only, never personal values.

    The actor and the target are kept as IDs without foreign-key constraints, so an
    entry stays as written when the user or the target is deleted or erased.
    `workspace` is empty for what happens before a workspace is chosen (sign-ins).
    """

    # Written through `audit.services`, read only by the lead (see `audit.selectors`).
    scope_exempt = True

    workspace = models.ForeignKey(
        Workspace, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=30, choices=AuditAction.choices)
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.PositiveBigIntegerField(_("object ID"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["workspace", "-created_at"]),
            models.Index(fields=["target_type", "target_id"]),
            # The log page's filters by action and by object, and its choices of both.
            models.Index(fields=["workspace", "action", "-created_at"]),
            models.Index(fields=["workspace", "target_type", "target_id"]),
        ]

    def __str__(self):
        return f"{self.actor_id} {self.action} {self.target_type} #{self.target_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit entries cannot be deleted.")
