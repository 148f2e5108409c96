"""A network's goals, their progress and the steering dashboard (see views.goals, views.dashboard)."""

from django.urls import path

from .views import dashboard, goals

urlpatterns = [
    path("<int:pk>/ziele/", goals.goal_list, name="goal_list"),
    path("<int:pk>/ziele/neu/", goals.goal_create, name="goal_create"),
    path("<int:pk>/ziele/export.xlsx", goals.goals_xlsx, name="goals_xlsx"),
    path("<int:pk>/steuerung/", dashboard.network_dashboard, name="network_dashboard"),
    path("ziele/<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("ziele/<int:pk>/bearbeiten/", goals.goal_update, name="goal_update"),
    path("ziele/<int:pk>/loeschen/", goals.goal_delete, name="goal_delete"),
    path("ziele/<int:pk>/fortschritt/", goals.progress_entry_create, name="progress_entry_create"),
    path(
        "fortschritt/<int:pk>/loeschen/", goals.progress_entry_delete, name="progress_entry_delete"
    ),
]
