from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "netzwerkstatt.privacy"
    verbose_name = _("Data protection")
    contact_panels = [
        "netzwerkstatt.privacy.views.consents.consent_panel",
        "netzwerkstatt.privacy.views.subject.person_panel",
    ]
    activity_labels = {"consents_withdrawn": _("consents withdrawn")}

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the classification check)
