"""Networks, their members, topics and the member × topic matrix (see views.networks)."""

from django.urls import path

from .views import networks

urlpatterns = [
    path("", networks.network_list, name="network_list"),
    path("neu/", networks.network_create, name="network_create"),
    path("<int:pk>/", networks.network_detail, name="network_detail"),
    path("<int:pk>/bearbeiten/", networks.network_update, name="network_update"),
    path("<int:pk>/loeschen/", networks.network_delete, name="network_delete"),
    path("<int:pk>/mitglieder/neu/", networks.member_create, name="member_create"),
    path("mitglieder/<int:pk>/bearbeiten/", networks.member_update, name="member_update"),
    path("mitglieder/<int:pk>/entfernen/", networks.member_delete, name="member_delete"),
    path("mitglieder/<int:pk>/interessen/", networks.member_interests, name="member_interests"),
    path("<int:pk>/themen/", networks.network_matrix, name="network_matrix"),
    path("<int:pk>/themen/neu/", networks.topic_create, name="topic_create"),
    path("themen/<int:pk>/bearbeiten/", networks.topic_update, name="topic_update"),
    path("themen/<int:pk>/loeschen/", networks.topic_delete, name="topic_delete"),
]
