"""What makes a company a good target for a project, and how warm the way to it is."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.models import Project, WorkspaceScopedModel


def _weight(label):
    return models.PositiveSmallIntegerField(
        label,
        default=1,
        validators=[MaxValueValidator(10, message=_("A weight is at most 10."))],
    )


class TargetProfile(WorkspaceScopedModel):
    """A project's target companies (sectors, sizes, regions) and the weights of the parts
    of the target score. Empty lists mean "any"."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="target_profile", verbose_name=_("project")
    )
    # WZ 2008 codes: a section letter ("C") or a division ("25").
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    # SizeClass values of contacts.enums ("micro", "small", …).
    size_classes = models.JSONField(_("size classes"), default=list, blank=True)
    districts = models.JSONField(_("districts"), default=list, blank=True)
    sector_weight = _weight(_("weight of the sector"))
    size_weight = _weight(_("weight of the size"))
    region_weight = _weight(_("weight of the region"))
    needs_weight = _weight(_("weight of needs the measures answer"))
    warm_path_weight = _weight(_("weight of the best warm path"))
    recommendation_weight = _weight(_("weight of recommendations"))
    contact_weight = _weight(_("weight of earlier contact"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("target profile")
        verbose_name_plural = _("target profiles")


class WarmPathScore(WorkspaceScopedModel):
    """The best warm path's score from the team to an organisation, computed in batches
    so the target list need not search the graph once per row and request."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()  # 0 when no path within the hop bound
    hops = models.PositiveSmallIntegerField(null=True)
    network_version = models.PositiveBigIntegerField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "organisation"], name="warmpathscore_unique"
            ),
        ]
