from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.models import WorkspaceScopedModel


class ApiToken(WorkspaceScopedModel):
    """A user's bearer token for the API, acting in one workspace with the user's role there.

    Only the SHA-256 of the token is stored; the token itself is shown once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.prefix}… ({self.user})"
