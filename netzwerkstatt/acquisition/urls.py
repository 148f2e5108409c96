from django.urls import include, path

from .views import catalogue as views

app_name = "acquisition"
urlpatterns = [
    path("massnahmen/", views.measure_list, name="measure_list"),
    path("massnahmen/neu/", views.measure_create, name="measure_create"),
    path("massnahmen/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("massnahmen/<int:pk>/bearbeiten/", views.measure_update, name="measure_update"),
    path("massnahmen/<int:pk>/loeschen/", views.measure_delete, name="measure_delete"),
    path("bedarfe/", views.need_list, name="need_list"),
    path("bedarfe/neu/", views.need_create, name="need_create"),
    path("bedarfe/standard/", views.need_defaults, name="need_defaults"),
    path("bedarfe/<int:pk>/", views.need_row, name="need_row"),
    path("bedarfe/<int:pk>/bearbeiten/", views.need_update, name="need_update"),
    path("bedarfe/<int:pk>/loeschen/", views.need_delete, name="need_delete"),
    path("", include("netzwerkstatt.acquisition.urls_activities")),
    path("", include("netzwerkstatt.acquisition.urls_dossiers")),
    path("", include("netzwerkstatt.acquisition.urls_figures")),
    path("", include("netzwerkstatt.acquisition.urls_pipeline")),
    path("", include("netzwerkstatt.acquisition.urls_targets")),
]
