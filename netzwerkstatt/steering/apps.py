from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteeringConfig(AppConfig):
    name = "netzwerkstatt.steering"
    verbose_name = _("Network steering")
    navigation_group = _("Networks")
    navigation = []
