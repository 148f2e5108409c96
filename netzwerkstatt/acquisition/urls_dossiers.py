"""Company dossiers and benefit statements (see views.dossiers and views.benefits)."""

from django.urls import path

from .views import benefits, dossiers

urlpatterns = [
    path("dossiers/", dossiers.dossier_list, name="dossier_list"),
    path("dossiers/oeffnen/<int:organisation>/", dossiers.dossier_open, name="dossier_open"),
    path("dossiers/<int:pk>/", dossiers.dossier_detail, name="dossier_detail"),
    path("dossiers/<int:pk>/lage/", dossiers.dossier_update, name="dossier_update"),
    path(
        "dossiers/<int:pk>/recherche/",
        dossiers.research_note_create,
        name="research_note_create",
    ),
    path(
        "dossiers/recherche/<int:pk>/loeschen/",
        dossiers.research_note_delete,
        name="research_note_delete",
    ),
    path(
        "dossiers/<int:pk>/bedarfe/",
        dossiers.identified_need_create,
        name="identified_need_create",
    ),
    path(
        "dossiers/bedarfe/<int:pk>/loeschen/",
        dossiers.identified_need_delete,
        name="identified_need_delete",
    ),
    path(
        "dossiers/<int:pk>/entscheider/",
        dossiers.decision_maker_create,
        name="decision_maker_create",
    ),
    path(
        "dossiers/entscheider/<int:pk>/loeschen/",
        dossiers.decision_maker_delete,
        name="decision_maker_delete",
    ),
    path("nutzen/vorlagen/", benefits.benefit_template_list, name="benefit_template_list"),
    path("nutzen/vorlagen/neu/", benefits.benefit_template_create, name="benefit_template_create"),
    path(
        "nutzen/vorlagen/<int:pk>/bearbeiten/",
        benefits.benefit_template_update,
        name="benefit_template_update",
    ),
    path(
        "nutzen/vorlagen/<int:pk>/loeschen/",
        benefits.benefit_template_delete,
        name="benefit_template_delete",
    ),
    path(
        "ansprachen/<int:pk>/nutzenargumentation/",
        benefits.approach_benefit_block,
        name="approach_benefit_block",
    ),
]
