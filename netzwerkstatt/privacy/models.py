from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.models import WorkspaceScopedModel

from .enums import LegalBasis, RetentionRule


class Consent(WorkspaceScopedModel):
    """A person's consent (or another legal basis) for one purpose, with its history.

    A withdrawn consent stays on record with `withdrawn_at`: that it was given and
    withdrawn is itself what the provider must be able to show.
    """

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="consents", verbose_name=_("person")
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    legal_basis = models.CharField(
        _("legal basis"), max_length=30, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    given_on = models.DateField(_("given on"))
    source = models.CharField(
        _("source"), max_length=300, help_text=_("E.g. registration form, conversation, e-mail")
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["workspace", "person"])]

    def __str__(self):
        return f"{self.purpose} ({self.get_legal_basis_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class RetentionPolicy(WorkspaceScopedModel):
    """How many months a workspace keeps the records one retention rule covers.

    No row, or `months` empty, means the rule is off for the workspace.
    """

    rule = models.CharField(_("rule"), max_length=40, choices=RetentionRule.choices)
    months = models.PositiveSmallIntegerField(_("months"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        ordering = ["rule"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "rule"], name="retentionpolicy_one_per_rule"
            ),
        ]

    def __str__(self):
        return f"{self.get_rule_display()}: {self.months}"


class RetentionRun(WorkspaceScopedModel):
    """One run of the retention rules: when, by whom, and how many records of each kind went.

    `deleted` maps each rule to counts per model (`{"inactive_contacts": {"contacts.Person":
    3}}`) and holds no personal values, so the record can be kept as proof of deletion. A
    dry run records what would have gone. A run without `finished_at` stopped with an error;
    the rules it lists in `deleted` had been committed before.
    """

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    triggered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The months each rule kept at this run (`{"audit_entries": 24}`): with `started_at` they
    # give the cut-off date each rule applied, so the run proves what was due and what went.
    periods = models.JSONField(_("periods"), default=dict, blank=True)
    deleted = models.JSONField(_("deleted"), default=dict, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"
