from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteeringConfig(AppConfig):
    name = "netzwerkstatt.steering"
    verbose_name = _("Network steering")
    navigation_group = _("Network steering")  # beside the relationship network's "Network"
    navigation = [
        ("steering:network_list", _("Networks"), "view_steering"),
        ("steering:action_list", _("Action items"), "view_steering"),
    ]
    today_sections = ["netzwerkstatt.steering.views.actions.today_section"]
    # The network's page and its tab bar (see views/networks.py): pages that take the
    # network's id, as (url name, label, permission), and dotted paths of functions
    # (*, scope, network) returning a section dict with `template`, or None.
    network_tabs = [
        ("steering:network_detail", _("Overview"), "view_steering"),
        ("steering:network_matrix", _("Topics and interests"), "view_steering"),
        ("steering:meeting_list", _("Meetings"), "view_steering"),
        ("steering:goal_list", _("Goals"), "view_steering"),
        ("steering:network_dashboard", _("Steering dashboard"), "view_steering"),
        ("steering:network_handover", _("Sustainability & handover"), "view_steering"),
    ]
    network_sections = []
    contact_panels = ["netzwerkstatt.steering.views.networks.memberships_panel"]
