from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "netzwerkstatt.network"
    verbose_name = _("Relationship network")
    navigation = [
        ("network:survey_list", _("Partner surveys"), "change_network"),
    ]
