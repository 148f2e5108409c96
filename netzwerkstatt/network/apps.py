from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "netzwerkstatt.network"
    verbose_name = _("Relationship network")
    navigation_group = _("Network")
    contact_panels = [
        "netzwerkstatt.network.panels.ties_panel",
        "netzwerkstatt.network.views.paths.warm_paths_panel",
        "netzwerkstatt.network.views.surveys.survey_panel",
    ]
    navigation = [
        ("network:recommendation_list", _("Recommendations"), "view_recommendations"),
        ("network:team", _("Team"), "view_team"),
        ("network:survey_list", _("Partner surveys"), "change_network"),
        ("network:map", _("Network map"), "view_contacts"),
        ("network:health", _("Network health"), "view_network_health"),
    ]
    overview = "netzwerkstatt.network.views.health.overview"
    activity_labels = {
        "answers": _("answers"),
        "nodes": _("nodes"),
        "edges": _("ties"),
        "ties_created": _("ties created"),
        "ties_strengthened": _("ties strengthened"),
    }
