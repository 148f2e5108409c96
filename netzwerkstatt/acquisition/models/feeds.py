"""A user's personal calendar feed of follow-ups, read by calendar apps without a login."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import WorkspaceScopedModel


class CalendarFeed(WorkspaceScopedModel):
    """The secret address of a user's follow-up feed in one workspace; only its hash is
    kept, and a new address makes the old one stop working."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="calendarfeed_unique_user"),
        ]
