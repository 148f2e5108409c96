"""What the team knows about a company before approaching it: the dossier per project."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from ..enums import DecisionRole
from .catalogue import Need


class Dossier(WorkspaceScopedModel):
    """A company as one project sees it: its situation in words and a few structured facts.

    Prior contacts, warm paths and the history of approaches are not copied here; the
    dossier page reads them from the notes, the network and the pipeline.
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="dossiers", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="dossiers", verbose_name=_("company")
    )
    situation = models.TextField(_("current situation"), blank=True)
    share_50_plus = models.PositiveSmallIntegerField(
        _("share of staff aged 50 and over (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100, message=_("A share is at most 100 %%."))],
    )
    open_positions = models.PositiveIntegerField(_("open positions"), null=True, blank=True)
    recent_events = models.TextField(
        _("recent events"),
        blank=True,
        help_text=_("e.g. a new site, a change of owner, a lost contract"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="dossier_unique_per_project",
                violation_error_message=_("This company already has a dossier in the project."),
            ),
        ]

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("acquisition:dossier_detail", args=[self.pk])


class ResearchNote(WorkspaceScopedModel):
    """A finding about the company with its source and date, e.g. from its website."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="research_notes")
    text = models.TextField(_("finding"))
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("a web address or e.g. “IHK-Zeitung 3/2026”"),
    )
    noted_on = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )

    class Meta:
        verbose_name = _("research note")
        verbose_name_plural = _("research notes")
        ordering = ["-noted_on", "-id"]


class IdentifiedNeed(WorkspaceScopedModel):
    """A need the team sees at the company, with the evidence for it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="needs")
    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="+", verbose_name=_("need")
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("identified need")
        verbose_name_plural = _("identified needs")
        ordering = ["need__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "need"],
                name="identifiedneed_unique",
                violation_error_message=_("This need is already in the dossier."),
            ),
        ]


class DecisionMaker(WorkspaceScopedModel):
    """A person at (or around) the company and the part they play in its decision."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="decision_makers")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    role = models.CharField(_("role in the decision"), max_length=20, choices=DecisionRole.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("decision maker")
        verbose_name_plural = _("decision makers")
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "person"],
                name="decisionmaker_unique",
                violation_error_message=_("This person is already named in the dossier."),
            ),
        ]
