from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from ..enums import Effort


class Need(WorkspaceScopedModel):
    """A need ("Bedarf") of companies, in the workspace's own vocabulary, e.g. "Nachfolge"."""

    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    # Folded name (see contacts.normalise.fold): "Vereinbarkeit" and "vereinbarkeit " are one need.
    name_key = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "name_key"],
                name="need_unique_name",
                violation_error_message=_("This workspace already has this need."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('acquisition:need_list')}#need-{self.pk}"


class Measure(WorkspaceScopedModel):
    """A measure ("Maßnahme") a project offers companies, e.g. a Demografie-Check."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="measures", verbose_name=_("project")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_group = models.CharField(
        _("target group"),
        max_length=300,
        blank=True,
        help_text=_("Who in the company takes part, e.g. management and HR in SMEs."),
    )
    effort = models.CharField(
        _("effort for the company"), max_length=20, choices=Effort.choices, blank=True
    )
    effort_note = models.CharField(
        _("effort in detail"),
        max_length=300,
        blank=True,
        help_text=_("e.g. two appointments of three hours, management and works council"),
    )
    cost = models.DecimalField(
        _("cost in euros"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("The cost must not be negative."))],
    )
    funded = models.BooleanField(
        _("funded"),
        default=True,
        help_text=_("The funding pays for the measure; the company pays nothing."),
    )
    duration = models.CharField(
        _("duration"),
        max_length=200,
        blank=True,
        help_text=_("e.g. three months, four half-day workshops"),
    )
    needs = models.ManyToManyField(
        Need,
        blank=True,
        related_name="measures",
        verbose_name=_("needs it answers"),
    )
    # Folded name, description and target group (see contacts.normalise.fold) for the search.
    search_key = models.CharField(max_length=1000, editable=False, blank=True)
    # Folded name: one project does not offer the same measure twice.
    name_key = models.CharField(max_length=400, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["project__name", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name_key"],
                name="measure_unique_name_per_project",
                violation_error_message=_("This project already offers a measure of this name."),
            ),
        ]
        indexes = [models.Index(fields=["workspace", "project", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("acquisition:measure_detail", args=[self.pk])

    @property
    def free_for_company(self) -> bool:
        return self.funded or self.cost == 0
