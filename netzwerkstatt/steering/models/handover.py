"""Handing key relationships from project staff to successors before the project ends."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.models import WorkspaceScopedModel

from .networks import Network


class Handover(WorkspaceScopedModel):
    """A key relationship held by a project staff member (`staff` knows `member`) and
    the successor who is introduced to the member so the tie outlasts the project."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="handovers")
    staff = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("held by")
    )
    member = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("relationship with")
    )
    successor = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("successor"),
    )
    introduce_on = models.DateField(_("introduction planned on"), null=True, blank=True)
    introduced_on = models.DateField(_("introduced on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        ordering = ["network", "introduce_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "staff", "member"],
                name="handover_unique",
                violation_error_message=_("This relationship already has a handover."),
            ),
        ]
