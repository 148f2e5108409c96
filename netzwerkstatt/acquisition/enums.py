from django.db import models
from django.utils.translation import gettext_lazy as _


class Effort(models.TextChoices):
    """What taking part costs a company in time, roughly; the details go in a note."""

    LOW = "low", _("low (up to half a day)")
    MEDIUM = "medium", _("medium (one to three days)")
    HIGH = "high", _("high (more than three days)")
