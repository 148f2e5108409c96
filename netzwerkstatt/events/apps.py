from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "netzwerkstatt.events"
    verbose_name = _("Events")
    navigation_group = _("Events")
    navigation = [("events:event_list", _("Events"), "view_events")]
    activity_labels = {
        "participants": _("participants"),
        "tables": _("tables"),
        "rounds": _("rounds"),
        "round": _("round"),
        "hosts": _("hosts"),
        "topics": _("topics"),
        "repeated_pairs": _("repeated pairs"),
        "swapped": _("people swapped"),
        "keep_apart": _("pairs kept apart"),
        "wishes": _("topic wishes"),
        "speakers": _("speakers"),
        "people": _("people shown"),
        "moved_up": _("moved up from the waiting list"),
    }

    def ready(self) -> None:
        from . import signals  # noqa: F401  (withholds photos of deleted persons)
