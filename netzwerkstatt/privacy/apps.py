from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "netzwerkstatt.privacy"
    verbose_name = _("Data protection")
    # The lead's data-protection pages, with the audit log of the audit app, in one menu.
    navigation_group = _("Data protection")
    navigation = [
        ("privacy:records", _("Records of processing"), "manage_privacy"),
        ("privacy:retention", _("Retention periods"), "manage_privacy"),
        ("audit:log", _("Audit log"), "view_audit"),
    ]
    contact_panels = [
        "netzwerkstatt.privacy.views.consents.consent_panel",
        "netzwerkstatt.privacy.views.subject.person_panel",
    ]
    activity_labels = {"consents_withdrawn": _("consents withdrawn")}

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the classification check)
