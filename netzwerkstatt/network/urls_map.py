"""Warm paths, the network map and the graph exports (see views.paths, views.map, views.exports)."""

from django.urls import path

from .views import paths

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
]
