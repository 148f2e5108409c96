from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    REFLECTION_WORKSHOP = "reflection_workshop", _("Reflection workshop")
    INFO_EVENT = "info_event", _("Information event")


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("invited")
    REGISTERED = "registered", _("registered")
    WAITLISTED = "waitlisted", _("on the waiting list")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")
