"""A project's pipeline: its stages, the companies in it (approaches) and their history."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from ..enums import Channel, StageKind
from .catalogue import Measure


class Stage(WorkspaceScopedModel):
    """A column of a project's pipeline ("Phase"), e.g. "Gespräch"; its kind is what it counts as."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="stages", verbose_name=_("project")
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("counts as"), max_length=20, choices=StageKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["project", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name"],
                name="stage_unique_name_per_project",
                violation_error_message=_("This project already has a stage of this name."),
            ),
        ]

    def __str__(self):
        return self.name


class BenefitTemplate(WorkspaceScopedModel):
    """An editable German template for a benefit statement ("Nutzenargumentation").

    The text holds placeholders in braces, e.g. {firma} or {bedarfe}; a sentence in
    square brackets is left out when one of its placeholders has no value, so a
    company with missing facts gets fewer sentences, never broken ones.
    """

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="benefit_templates",
        verbose_name=_("project"),
    )
    name = models.CharField(_("name"), max_length=200)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("benefit template")
        verbose_name_plural = _("benefit templates")
        ordering = ["project", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name"],
                name="benefittemplate_unique_name_per_project",
                violation_error_message=_("This project already has a template of this name."),
            ),
        ]

    def __str__(self):
        return self.name


class Approach(WorkspaceScopedModel):
    """A company in a project's pipeline ("Ansprache"): the plan for approaching it and
    how far it got. One per project and company."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="approaches", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="approaches",
        verbose_name=_("company"),
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.RESTRICT, related_name="approaches", verbose_name=_("stage")
    )
    stage_changed_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    position = models.PositiveIntegerField(_("position in the stage"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responsible"),
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.COLD
    )
    contact_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person to contact"),
    )
    introducer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("introduced by"),
    )
    benefit_template = models.ForeignKey(
        BenefitTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("benefit template"),
    )
    # The statement as used with the company, after the user's edits: it stays as it was
    # even when the template or the company's facts change later.
    benefit_statement = models.TextField(_("benefit statement"), blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_on = models.DateField(_("next step on"), null=True, blank=True)
    closing_note = models.TextField(
        _("why it ended"), blank=True, help_text=_("e.g. the reason for a refusal")
    )
    measures = models.ManyToManyField(
        Measure,
        through="ApproachMeasure",
        blank=True,
        related_name="approaches",
        verbose_name=_("measures agreed"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Not auto_now_add: the demo writes a year of history with its own dates.
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")
        ordering = ["stage__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="approach_unique_per_project",
                violation_error_message=_("This company is already in the project's pipeline."),
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "project", "stage"]),
            models.Index(fields=["workspace", "next_step_on"]),
        ]

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("acquisition:approach_detail", args=[self.pk])


class StageChange(WorkspaceScopedModel):
    """One move of an approach into a stage (its first stage included): the history the
    funnel, the time to agreement and the monthly figures are counted from."""

    approach = models.ForeignKey(Approach, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.ForeignKey(Stage, on_delete=models.RESTRICT, related_name="+")
    # The kind at the time of the move: renaming or re-marking a stage later does not
    # rewrite history.
    kind = models.CharField(max_length=20, choices=StageKind.choices)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["approach", "changed_at", "id"]
        indexes = [models.Index(fields=["workspace", "kind", "changed_at"])]


class ApproachMeasure(WorkspaceScopedModel):
    """A measure agreed with a company, and when it was delivered (for the funder report)."""

    approach = models.ForeignKey(Approach, on_delete=models.CASCADE, related_name="agreements")
    measure = models.ForeignKey(Measure, on_delete=models.RESTRICT, related_name="+")
    agreed_on = models.DateField(_("agreed on"))
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    participants = models.PositiveIntegerField(
        _("participants from the company"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
    )

    class Meta:
        verbose_name = _("agreed measure")
        verbose_name_plural = _("agreed measures")
        ordering = ["agreed_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["approach", "measure"],
                name="approachmeasure_unique",
                violation_error_message=_("This measure is already agreed with the company."),
            ),
        ]
