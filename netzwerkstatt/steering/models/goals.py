"""Shared goals with measurable indicators, and the progress recorded against them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import WorkspaceScopedModel

from ..enums import IndicatorKind
from .networks import Network


class Goal(WorkspaceScopedModel):
    """A shared goal of a network with an indicator and a target value by a date.

    Manual goals are measured by their progress entries; the other kinds are computed
    live on the network (see `steering/indicators.py`), with their parameters in
    `indicator_filter`, e.g. {"sector": "28", "district": "Gifhorn"} for member
    organisations or {"min_members": 2} for topic coverage.
    """

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    indicator = models.CharField(
        _("measured by"),
        max_length=30,
        choices=IndicatorKind.choices,
        default=IndicatorKind.MANUAL,
    )
    indicator_filter = models.JSONField(_("indicator parameters"), default=dict, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=10, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["network", "target_date", "id"]

    def __str__(self):
        return self.title


class ProgressEntry(WorkspaceScopedModel):
    """A measured value of a goal on a date (for manual goals), or a note on progress."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="progress")
    recorded_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=10, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress entries")
        ordering = ["goal", "recorded_on", "id"]
