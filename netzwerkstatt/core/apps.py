from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "netzwerkstatt.core"
    verbose_name = _("Core")
    navigation = [("core:home", _("Overview"), "view_workspace")]

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
