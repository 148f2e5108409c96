from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NetworkSettings

# Longer than any funding period: a tie without contact for ten years is not stale but gone.
MAX_STALE_AFTER_MONTHS = 120


class NetworkSettingsForm(forms.Form):
    """The health page's settings; the view passes them to `network_settings_update`."""

    stale_after_months = forms.IntegerField(
        label=NetworkSettings._meta.get_field("stale_after_months").verbose_name,
        min_value=1,
        max_value=MAX_STALE_AFTER_MONTHS,
        help_text=_("Ties whose last contact lies further back count as stale on this page."),
    )
