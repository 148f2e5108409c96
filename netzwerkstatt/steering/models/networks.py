"""Networks as first-class objects: their members with roles, their topics and interests."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project, WorkspaceScopedModel

from ..enums import Interest, MemberRole


class Network(WorkspaceScopedModel):
    """A network ("Netzwerk") the team builds and steers, e.g. a regional employers' circle.

    The handover fields hold the plan for who coordinates it once the project ends.
    """

    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    projects = models.ManyToManyField(
        Project, blank=True, related_name="networks", verbose_name=_("projects behind it")
    )
    successor_coordinator = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("takes over coordination"),
    )
    handover_on = models.DateField(_("coordination handed over on"), null=True, blank=True)
    handover_plan = models.TextField(_("handover plan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "name"],
                name="network_unique_name",
                violation_error_message=_("This workspace already has a network of this name."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("steering:network_detail", args=[self.pk])


class NetworkMember(WorkspaceScopedModel):
    """A member of a network: an organisation or a person (exactly one), with a role."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["network", "role", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True, person__isnull=False)
                | Q(organisation__isnull=False, person__isnull=True),
                name="networkmember_one_kind",
                violation_error_message=_("A member is an organisation or a person."),
            ),
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=Q(organisation__isnull=False),
                name="networkmember_unique_organisation",
                violation_error_message=_("This organisation is already a member."),
            ),
            models.UniqueConstraint(
                fields=["network", "person"],
                condition=Q(person__isnull=False),
                name="networkmember_unique_person",
                violation_error_message=_("This person is already a member."),
            ),
        ]

    def __str__(self):
        return str(self.organisation or self.person)


class NetworkTopic(WorkspaceScopedModel):
    """A topic ("Thema") the network works on; members say how much it matters to them."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["network", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "name"],
                name="networktopic_unique_name",
                violation_error_message=_("The network already has this topic."),
            ),
        ]

    def __str__(self):
        return self.name


class TopicInterest(WorkspaceScopedModel):
    """One cell of the member × topic matrix."""

    topic = models.ForeignKey(NetworkTopic, on_delete=models.CASCADE, related_name="interests")
    member = models.ForeignKey(NetworkMember, on_delete=models.CASCADE, related_name="interests")
    level = models.PositiveSmallIntegerField(_("interest"), choices=Interest.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "member"], name="topicinterest_unique"),
        ]
