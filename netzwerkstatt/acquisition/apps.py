from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcquisitionConfig(AppConfig):
    name = "netzwerkstatt.acquisition"
    verbose_name = _("Acquisition")
    navigation_group = _("Acquisition")
    navigation = [
        ("acquisition:today", _("Today"), "view_acquisition"),
        ("acquisition:target_list", _("Target list"), "view_acquisition"),
        ("acquisition:pipeline_board", _("Pipeline"), "view_acquisition"),
        ("acquisition:dossier_list", _("Dossiers"), "view_acquisition"),
        ("acquisition:figures", _("Figures"), "view_acquisition"),
        ("acquisition:measure_list", _("Measures"), "view_measures"),
        ("acquisition:need_list", _("Needs"), "view_measures"),
    ]
    overview = "netzwerkstatt.acquisition.views.today.overview"
    contact_panels = [
        "netzwerkstatt.acquisition.views.pipeline.approaches_panel",
        "netzwerkstatt.acquisition.views.activities.activities_panel",
        "netzwerkstatt.acquisition.views.dossiers.dossier_panel",
    ]
    activity_labels = {
        "measures": _("measures concerned"),
        "participants": _("participants"),
    }
