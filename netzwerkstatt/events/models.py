from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from .enums import EventKind, InvitationStatus


class Event(WorkspaceScopedModel):
    """A workshop, network meeting or information event of a project or the workspace."""

    project = models.ForeignKey(
        Project,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("project"),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=30, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Venue and address")
    )
    online_link = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit. When full, registrations go to the waiting list."),
    )
    description = models.TextField(_("description"), blank=True)
    registration_open = models.BooleanField(_("registration open"), default=True)
    registration_deadline = models.DateTimeField(_("registration until"), null=True, blank=True)
    # The public report: published only when switched on, at an unguessable address.
    report_published = models.BooleanField(_("public report published"), default=False)
    report_token = models.CharField(max_length=64, unique=True, editable=False)
    report_summary = models.TextField(_("summary for the report"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["workspace", "-starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The event must not end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", args=[self.pk])


class ProgrammeItem(WorkspaceScopedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    speakers = models.ManyToManyField(
        Person, blank=True, related_name="talks", verbose_name=_("speakers")
    )

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["starts_at", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.event.get_absolute_url()


class Invitation(WorkspaceScopedModel):
    """A person invited to an event, with their registration, notes, consent and attendance.

    The person answers through a link with a token (no login); only the token's
    SHA-256 is stored. Registration order decides the waiting list.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("person")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.INVITED,
    )
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    dietary_notes = models.CharField(_("dietary requirements"), max_length=300, blank=True)
    accessibility_notes = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    photo_consent = models.BooleanField(_("consents to photos"), default=False)
    photo_consent_at = models.DateTimeField(_("photo consent given at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    topic_wishes = models.ManyToManyField(
        "Topic", blank=True, related_name="wished_by", verbose_name=_("topic wishes")
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["person__last_name", "person__first_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="invitation_one_per_person"),
        ]
        indexes = [models.Index(fields=["event", "status", "registered_at"])]

    def __str__(self):
        return f"{self.person} – {self.event}"

    def get_absolute_url(self):
        return reverse("events:event_participants", args=[self.event_id])

    @property
    def attended(self) -> bool:
        return self.checked_in_at is not None


class WorldCafe(WorkspaceScopedModel):
    """The World-Café planning of an event: tables, rounds, topics and the seating plan."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="world_cafe")
    rounds = models.PositiveSmallIntegerField(
        _("rounds"), default=3, validators=[MinValueValidator(1)]
    )
    round_minutes = models.PositiveSmallIntegerField(_("minutes per round"), default=20)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    planned_at = models.DateTimeField(_("planned at"), null=True, blank=True)
    report = models.JSONField(_("quality report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("World Café")
        verbose_name_plural = _("World Cafés")

    def __str__(self):
        return f"World Café – {self.event}"

    def get_absolute_url(self):
        return reverse("events:world_cafe", args=[self.event_id])


class CafeTable(WorkspaceScopedModel):
    world_cafe = models.ForeignKey(WorldCafe, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("table number"))
    capacity = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(2)])
    host = models.ForeignKey(
        Invitation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_tables",
        verbose_name=_("host (stays at the table)"),
    )

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["world_cafe", "number"], name="cafetable_unique_number")
        ]

    def __str__(self):
        return f"{_('Table')} {self.number}"


class Topic(WorkspaceScopedModel):
    """A problem statement discussed at the tables, proposed by a participant or the organiser."""

    world_cafe = models.ForeignKey(WorldCafe, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("topic"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    proposed_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    votes = models.PositiveIntegerField(_("votes"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["-votes", "id"]

    def __str__(self):
        return self.title


class KeepApart(WorkspaceScopedModel):
    """Two participants the World Café must never seat at one table (stored lower id first)."""

    world_cafe = models.ForeignKey(WorldCafe, on_delete=models.CASCADE, related_name="keep_apart")
    first = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("pair kept apart")
        verbose_name_plural = _("pairs kept apart")
        constraints = [
            models.UniqueConstraint(
                fields=["world_cafe", "first", "second"], name="keepapart_unique"
            ),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="keepapart_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.first.person} / {self.second.person}"


class TableRound(WorkspaceScopedModel):
    """One table in one round: its topic, who sits there, and what they worked out."""

    table = models.ForeignKey(CafeTable, on_delete=models.CASCADE, related_name="rounds")
    round = models.PositiveSmallIntegerField(_("round"))
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="table_rounds"
    )
    participants = models.ManyToManyField(Invitation, blank=True, related_name="table_rounds")
    key_points = models.TextField(_("key points"), blank=True)

    class Meta:
        verbose_name = _("table round")
        verbose_name_plural = _("table rounds")
        ordering = ["round", "table__number"]
        constraints = [models.UniqueConstraint(fields=["table", "round"], name="tableround_unique")]

    def __str__(self):
        return f"{self.table}, {_('round')} {self.round}"


class Photo(WorkspaceScopedModel):
    """A photo of the event, re-encoded without metadata; public only if everyone shown consented."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    table_round = models.ForeignKey(
        TableRound,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="photos",
        verbose_name=_("flip chart of"),
    )
    image = models.ImageField(_("image"), upload_to="events/photos/")
    thumbnail = models.ImageField(upload_to="events/thumbnails/", editable=False)
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    people = models.ManyToManyField(
        Person, blank=True, related_name="photos", verbose_name=_("people shown")
    )
    # Set when a person shown is deleted from the contacts: their consent can no longer
    # be checked, so the photo stays out of the public report (see events/signals.py).
    withheld = models.BooleanField(_("withheld"), default=False, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.caption or f"{_('Photo')} {self.pk}"

    def get_absolute_url(self):
        return reverse("events:event_documentation", args=[self.event_id])


class Presentation(WorkspaceScopedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="presentations")
    programme_item = models.ForeignKey(
        ProgrammeItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presentations",
        verbose_name=_("programme item"),
    )
    title = models.CharField(_("title"), max_length=300)
    speaker = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presentations",
        verbose_name=_("speaker"),
    )
    file = models.FileField(_("file (PDF)"), upload_to="events/presentations/")
    public = models.BooleanField(_("in the public report"), default=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["programme_item__starts_at", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_documentation", args=[self.event_id])


class AnonymousParticipation(WorkspaceScopedModel):
    """Participations of erased persons, kept as counts so the event's figures stay right.

    Erasing a person deletes their invitations; each becomes one count here with the
    status it had and whether the person had checked in.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="anonymous_participations"
    )
    status = models.CharField(_("status"), max_length=20, choices=InvitationStatus.choices)
    checked_in = models.BooleanField(_("checked in"), default=False)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("anonymous participation")
        verbose_name_plural = _("anonymous participations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "status", "checked_in"], name="anonymousparticipation_unique"
            ),
        ]

    def __str__(self):
        return f"{self.event}: {self.count} × {self.get_status_display()}"
