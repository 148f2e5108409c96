"""Logged contacts with companies: calls, e-mails, meetings, conversations at events."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from ..enums import ActivityKind
from .pipeline import Approach


class Activity(WorkspaceScopedModel):
    """A contact with a company. Logging one updates the last contact of the ties between
    the people who took part (network.services.ties_contacted); a follow-up date puts it
    on its owner's "Heute" page and calendar feed until it is marked done."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="activities", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("company"),
    )
    approach = models.ForeignKey(
        Approach,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        verbose_name=_("approach"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    occurred_on = models.DateField(_("date"))
    participants = models.ManyToManyField(
        Person, blank=True, related_name="activities", verbose_name=_("participants")
    )
    summary = models.TextField(_("summary"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("follow-up by"),
    )
    follow_up_done_at = models.DateTimeField(_("follow-up done at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["workspace", "organisation", "occurred_on"]),
            models.Index(fields=["workspace", "project", "occurred_on"]),
            models.Index(fields=["workspace", "follow_up_by", "follow_up_on"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_on:%d.%m.%Y}"
