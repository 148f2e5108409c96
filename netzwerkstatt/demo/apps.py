from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "netzwerkstatt.demo"
    verbose_name = _("Demo network")
    activity_labels = {
        "companies": _("companies"),
        "partners": _("partner organisations"),
        "persons": _("persons"),
        "notes": _("notes"),
        "users": _("demo users"),
    }
