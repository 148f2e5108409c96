"""The pipeline's pages: board, table, approach plan, agreed measures and stage editor."""

from django.urls import path

from .views import pipeline as views

urlpatterns = [
    path("pipeline/", views.pipeline_board, name="pipeline_board"),
    path("pipeline/tabelle/", views.pipeline_table, name="pipeline_table"),
    path("pipeline/phasen/", views.stage_list, name="stage_list"),
    path("pipeline/phasen/neu/", views.stage_create, name="stage_create"),
    path("pipeline/phasen/<int:pk>/bearbeiten/", views.stage_update, name="stage_update"),
    path("pipeline/phasen/<int:pk>/verschieben/", views.stage_shift, name="stage_shift"),
    path("pipeline/phasen/<int:pk>/loeschen/", views.stage_delete, name="stage_delete"),
    path("ansprachen/neu/", views.approach_create, name="approach_create"),
    path("ansprachen/<int:pk>/", views.approach_detail, name="approach_detail"),
    path("ansprachen/<int:pk>/bearbeiten/", views.approach_update, name="approach_update"),
    path("ansprachen/<int:pk>/verschieben/", views.approach_move, name="approach_move"),
    path("ansprachen/<int:pk>/loeschen/", views.approach_delete, name="approach_delete"),
    path("ansprachen/<int:pk>/massnahmen/", views.agreement_create, name="agreement_create"),
    path("vereinbarungen/<int:pk>/bearbeiten/", views.agreement_update, name="agreement_update"),
    path(
        "vereinbarungen/<int:pk>/durchgefuehrt/",
        views.agreement_delivered,
        name="agreement_delivered",
    ),
    path("vereinbarungen/<int:pk>/loeschen/", views.agreement_delete, name="agreement_delete"),
]
