from django.urls import path

from .views import targets as views

urlpatterns = [
    path("zielliste/", views.target_list, name="target_list"),
    path("zielliste/aufnehmen/", views.target_add, name="target_add"),
    path("zielliste/profil/", views.target_profile, name="target_profile"),
    path(
        "zielliste/warme-wege/", views.target_warm_paths_refresh, name="target_warm_paths_refresh"
    ),
]
