from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from .enums import AnswerStatus, Provenance, RecommendationOutcome, TieKind

one_to_five = [MinValueValidator(1), MaxValueValidator(5)]


def person_or_organisation(end: str) -> Q:
    """Exactly one of `<end>_person` and `<end>_organisation` is set."""
    return Q(**{f"{end}_person__isnull": False, f"{end}_organisation__isnull": True}) | Q(
        **{f"{end}_person__isnull": True, f"{end}_organisation__isnull": False}
    )


class Recorded(WorkspaceScopedModel):
    """Provenance: who recorded it, from which source, for what purpose."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    provenance = models.CharField(
        _("source"), max_length=20, choices=Provenance.choices, default=Provenance.CONVERSATION
    )
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    project = models.ForeignKey(
        Project,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("project"),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Tie(Recorded):
    """A relationship between two persons, a person and an organisation, or two organisations.

    Undirected kinds are stored once, with the ends in a canonical order (see
    services); directed kinds run from source to target. Employment is not a tie:
    a person's functions at organisations join the graph on their own.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=TieKind.choices)
    source_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="ties_out"
    )
    source_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="ties_out"
    )
    target_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="ties_in"
    )
    target_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="ties_in"
    )
    strength = models.PositiveSmallIntegerField(
        _("strength"),
        validators=one_to_five,
        help_text=_("1 = barely know each other, 5 = very close"),
    )
    trust = models.PositiveSmallIntegerField(
        _("trust"),
        null=True,
        blank=True,
        validators=one_to_five,
        help_text=_("1 = little, 5 = complete"),
    )
    since = models.DateField(_("since"), null=True, blank=True)
    last_contact = models.DateField(_("last contact"), null=True, blank=True)

    class Meta:
        verbose_name = _("tie")
        verbose_name_plural = _("ties")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=person_or_organisation("source"), name="tie_one_source"
            ),
            models.CheckConstraint(
                condition=person_or_organisation("target"), name="tie_one_target"
            ),
            models.CheckConstraint(
                condition=Q(strength__gte=1, strength__lte=5), name="tie_strength_1_5"
            ),
            models.CheckConstraint(
                condition=Q(trust__isnull=True) | Q(trust__gte=1, trust__lte=5),
                name="tie_trust_1_5",
            ),
            models.CheckConstraint(
                condition=~Q(source_person=models.F("target_person"))
                & ~Q(source_organisation=models.F("target_organisation")),
                name="tie_not_to_itself",
            ),
            # One tie per kind and ends (services keep undirected ends in canonical order),
            # also when two requests save the same tie at once.
            *(
                models.UniqueConstraint(
                    fields=["kind", f"source_{source}", f"target_{target}"],
                    condition=Q(
                        **{f"source_{source}__isnull": False, f"target_{target}__isnull": False}
                    ),
                    name=f"tie_unique_{source}_{target}",
                )
                for source in ("person", "organisation")
                for target in ("person", "organisation")
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "updated_at"]),
            models.Index(fields=["workspace", "last_contact"]),
        ]

    def __str__(self):
        return f"{self.source} – {self.get_kind_display()} – {self.target}"

    def get_absolute_url(self):
        return reverse("network:tie_update", args=[self.pk])

    @property
    def source(self) -> Person | Organisation:
        return self.source_person or self.source_organisation

    @property
    def target(self) -> Person | Organisation:
        return self.target_person or self.target_organisation

    @classmethod
    def partner_visible(cls, queryset):
        shared = Q(source_person__is_shared=True) | Q(source_organisation__is_shared=True)
        shared_target = Q(target_person__is_shared=True) | Q(target_organisation__is_shared=True)
        return queryset.filter(shared & shared_target)


class Recommendation(Recorded):
    """An "Empfehlung": the recommender recommended the subject to the recipient."""

    recommender = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="recommendations_given",
        verbose_name=_("recommended by"),
    )
    subject_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendations_about",
    )
    subject_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendations_about",
    )
    recipient_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendations_received",
    )
    recipient_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendations_received",
    )
    date = models.DateField(_("date"))
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=RecommendationOutcome.choices,
        default=RecommendationOutcome.OPEN,
    )
    outcome_date = models.DateField(_("outcome on"), null=True, blank=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=person_or_organisation("subject"), name="recommendation_one_subject"
            ),
            models.CheckConstraint(
                condition=person_or_organisation("recipient"), name="recommendation_one_recipient"
            ),
        ]

    def __str__(self):
        return f"{self.recommender} → {self.subject} → {self.recipient}"

    def get_absolute_url(self):
        return f"{reverse('network:recommendation_list')}#recommendation-{self.pk}"

    @property
    def subject(self) -> Person | Organisation:
        return self.subject_person or self.subject_organisation

    @property
    def recipient(self) -> Person | Organisation:
        return self.recipient_person or self.recipient_organisation


class TeamMember(WorkspaceScopedModel):
    """A person of the project team, optionally linked to the user who logs in as them.

    The team's ties are where warm paths start, and what the health figures
    measure the network's dependence on.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="team_member")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    since = models.DateField(_("in the team since"), null=True, blank=True)
    until = models.DateField(_("in the team until"), null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "user"],
                condition=Q(user__isnull=False),
                name="teammember_one_per_user",
            ),
        ]

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("network:team")


class Survey(WorkspaceScopedModel):
    """A partner network survey sent as a link: whom does the respondent work with?"""

    respondent = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="surveys", verbose_name=_("respondent")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    submitted_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner survey")
        verbose_name_plural = _("partner surveys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.respondent} ({self.created_at:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("network:survey_detail", args=[self.pk])


class SurveyAnswer(WorkspaceScopedModel):
    """One organisation the respondent named; it becomes a tie only when the team accepts it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation_name = models.CharField(_("organisation (free entry)"), max_length=300, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    closeness = models.PositiveSmallIntegerField(_("how closely"), validators=one_to_five)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AnswerStatus.choices, default=AnswerStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    tie = models.ForeignKey(Tie, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(organisation_name=""),
                name="surveyanswer_names_organisation",
            ),
        ]

    def __str__(self):
        return str(self.organisation or self.organisation_name)


class NetworkSettings(WorkspaceScopedModel):
    """A workspace's choices for the health figures."""

    stale_after_months = models.PositiveSmallIntegerField(
        _("a tie is stale after (months without contact)"),
        default=12,
        validators=[MinValueValidator(1)],
    )

    class Meta:
        verbose_name = _("network settings")
        verbose_name_plural = _("network settings")
        constraints = [
            models.UniqueConstraint(fields=["workspace"], name="networksettings_one_per_workspace")
        ]

    def __str__(self):
        return str(self.workspace)


class MetricsSnapshot(WorkspaceScopedModel):
    """Network metrics and health figures, computed off the request path.

    The newest snapshot is current while `graph_version` matches the data; one
    snapshot per month is kept for the trend.
    """

    computed_at = models.DateTimeField(_("computed at"))
    graph_version = models.CharField(max_length=100)
    month = models.DateField(_("month"))
    health = models.JSONField(_("health figures"), default=dict)
    metrics = models.JSONField(_("metrics"), default=dict)
    seconds = models.FloatField(_("computing time (s)"), default=0)

    class Meta:
        verbose_name = _("metrics snapshot")
        verbose_name_plural = _("metrics snapshots")
        ordering = ["-computed_at"]
        indexes = [models.Index(fields=["workspace", "-computed_at"])]

    def __str__(self):
        return f"{self.workspace} {self.computed_at:%Y-%m-%d %H:%M}"
