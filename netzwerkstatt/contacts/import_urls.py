from django.urls import path

from . import import_views

urlpatterns = [
    path("import/", import_views.import_start, name="import_start"),
    path("import/<int:pk>/pruefen/", import_views.import_review, name="import_review"),
    path("import/<int:pk>/ergebnis/", import_views.import_result, name="import_result"),
]
