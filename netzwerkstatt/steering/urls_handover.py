"""Sustainability and handover of a network (see views.handover)."""

from django.urls import path

from .views import handover

urlpatterns = [
    path("<int:pk>/nachhaltigkeit/", handover.network_handover, name="network_handover"),
    path(
        "<int:pk>/nachhaltigkeit/koordination/",
        handover.network_handover_plan,
        name="network_handover_plan",
    ),
    path("<int:pk>/nachhaltigkeit/uebergaben/", handover.handover_save, name="handover_save"),
    path(
        "<int:pk>/nachhaltigkeit/vorstellungen/",
        handover.introduction_create,
        name="introduction_create",
    ),
    path("uebergaben/<int:pk>/erfolgt/", handover.handover_done, name="handover_done"),
    path("uebergaben/<int:pk>/loeschen/", handover.handover_delete, name="handover_delete"),
]
