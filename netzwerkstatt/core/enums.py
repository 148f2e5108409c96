from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEAD = "lead", _("Project lead")
    STAFF = "staff", _("Staff member")
    PARTNER = "partner", _("Partner")


class Action(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    DELETED = "deleted", _("deleted")
    IMPORTED = "imported", _("imported")
    EXPORTED = "exported", _("exported")
    MERGED = "merged", _("merged")
    NOTED = "noted", _("added a note to")
