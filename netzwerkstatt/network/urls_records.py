"""Ties, recommendations and the team (see views.ties, views.recommendations, views.team)."""

from django.urls import path

from .views import recommendations, team, ties

urlpatterns = [
    path("beziehungen/", ties.tie_list, name="tie_list"),
    path("beziehungen/neu/", ties.tie_create, name="tie_create"),
    path("beziehungen/<int:pk>/bearbeiten/", ties.tie_update, name="tie_update"),
    path("beziehungen/<int:pk>/loeschen/", ties.tie_delete, name="tie_delete"),
    path("auswahl/", ties.node_options, name="node_options"),
    path("auswahl/personen/", ties.node_options, {"types": "person"}, name="person_options"),
    path("empfehlungen/", recommendations.recommendation_list, name="recommendation_list"),
    path("empfehlungen/neu/", recommendations.recommendation_create, name="recommendation_create"),
    path(
        "empfehlungen/<int:pk>/ergebnis/",
        recommendations.recommendation_outcome,
        name="recommendation_outcome",
    ),
    path(
        "empfehlungen/<int:pk>/loeschen/",
        recommendations.recommendation_delete,
        name="recommendation_delete",
    ),
    path("team/", team.team, name="team"),
    path("team/<int:pk>/", team.team_member_update, name="team_member_update"),
    path("team/<int:pk>/entfernen/", team.team_member_remove, name="team_member_remove"),
]
