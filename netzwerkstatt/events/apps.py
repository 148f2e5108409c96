from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "netzwerkstatt.events"
    verbose_name = _("Events")
    navigation_group = _("Events")
    navigation = [("events:event_list", _("Events"), "view_events")]

    def ready(self) -> None:
        from . import signals  # noqa: F401  (withholds photos of deleted persons)
