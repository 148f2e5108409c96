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
        "team_members": _("team members"),
        "ties": _("ties"),
        "recommendations": _("recommendations"),
        "surveys": _("partner surveys"),
        "health_months": _("months of health figures"),
    }
