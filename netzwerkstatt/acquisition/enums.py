from django.db import models
from django.utils.translation import gettext_lazy as _


class Effort(models.TextChoices):
    """What taking part costs a company in time, roughly; the details go in a note."""

    LOW = "low", _("low (up to half a day)")
    MEDIUM = "medium", _("medium (one to three days)")
    HIGH = "high", _("high (more than three days)")


class StageKind(models.TextChoices):
    """What a pipeline stage means for the figures, whatever a project calls it.

    Projects rename, add and reorder stages; the figures (conversion, funnel,
    funder report) count by kind, so "Erstgespräch" and "Gespräch" both count
    as a conversation when the project marks them so.
    """

    IDENTIFIED = "identified", _("identified")
    RESEARCHED = "researched", _("researched")
    APPROACHED = "approached", _("approached")
    CONVERSATION = "conversation", _("conversation")
    AGREEMENT = "agreement", _("agreement")
    ACTIVE = "active", _("active in a measure")
    COMPLETED = "completed", _("completed / alumni")
    DECLINED = "declined", _("declined")
    OTHER = "other", _("other")


# The order in which a company goes through the kinds; DECLINED and OTHER stand outside it.
STAGE_PROGRESS = (
    StageKind.IDENTIFIED,
    StageKind.RESEARCHED,
    StageKind.APPROACHED,
    StageKind.CONVERSATION,
    StageKind.AGREEMENT,
    StageKind.ACTIVE,
    StageKind.COMPLETED,
)


class Channel(models.TextChoices):
    """How the team approaches a company: the practitioners' lesson is that cold calls fail."""

    COLD = "cold", _("cold (no introduction)")
    WARM = "warm", _("warm introduction")
    RECOMMENDATION = "recommendation", _("recommendation")
    EVENT = "event", _("event")


class ActivityKind(models.TextChoices):
    CALL = "call", _("call")
    EMAIL = "email", _("e-mail")
    MEETING = "meeting", _("meeting")
    EVENT_CONTACT = "event_contact", _("contact at an event")


class DecisionRole(models.TextChoices):
    """The part a person plays in a company's decision to take part."""

    DECIDER = "decider", _("decides")
    INFLUENCER = "influencer", _("influences the decision")
    DOOR_OPENER = "door_opener", _("opens doors")
    USER = "user", _("takes part in the measure")
    WORKS_COUNCIL = "works_council", _("works council")
