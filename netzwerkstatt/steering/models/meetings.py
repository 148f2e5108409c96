"""Network meetings with their minutes, decisions and action items."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.models import WorkspaceScopedModel
from netzwerkstatt.events.models import Event

from ..enums import ActionStatus
from .networks import Network


class Meeting(WorkspaceScopedModel):
    """A network meeting ("Netzwerktreffen"); linked to its event when it is one."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_meetings",
        verbose_name=_("event"),
    )
    title = models.CharField(_("title"), max_length=300)
    held_on = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    attendees = models.ManyToManyField(
        Person, blank=True, related_name="network_meetings", verbose_name=_("attendance")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("network meeting", "meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["workspace", "network", "held_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("steering:meeting_detail", args=[self.pk])


class Decision(WorkspaceScopedModel):
    """A decision taken in a meeting, kept word for word for the minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "id"]


class ActionItem(WorkspaceScopedModel):
    """A task of the network ("Aufgabe") with an owner, a due date and a status.

    The owner is a person (a member or someone of the team); when that person is a
    team member with a login, the item appears on their "Heute" page.
    """

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="action_items")
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=pgettext_lazy("network meeting", "meeting"),
    )
    title = models.CharField(_("task"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_action_items",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["workspace", "owner", "status", "due_on"]),
            models.Index(fields=["workspace", "network", "status"]),
        ]

    def __str__(self):
        return self.title
