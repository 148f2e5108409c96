"""Warm paths, the network map and the graph exports (see views.paths, views.map, views.exports)."""

from django.urls import path, re_path

from .views import exports, paths
from .views import map as network_map

urlpatterns = [
    path(
        "warme-wege/personen/<int:pk>/",
        paths.warm_paths_page,
        {"node_type": "person"},
        name="warm_paths_person",
    ),
    path(
        "warme-wege/organisationen/<int:pk>/",
        paths.warm_paths_page,
        {"node_type": "organisation"},
        name="warm_paths_organisation",
    ),
    path("karte/", network_map.network_map, name="map"),
    path("karte/daten/", network_map.map_data, name="map_data"),
    re_path(
        r"^karte/export\.(?P<file_format>gexf|graphml|nodes\.csv|edges\.csv)$",
        exports.graph_export,
        name="graph_export",
    ),
]
