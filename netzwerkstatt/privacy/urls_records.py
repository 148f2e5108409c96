from django.urls import path

from .views import records

urlpatterns = [
    path("verzeichnis/", records.records_page, name="records"),
    path("verzeichnis/pdf/", records.records_pdf, name="records_pdf"),
    path("loeschfristen/", records.retention_settings, name="retention"),
    path("loeschfristen/vorschau/", records.retention_preview, name="retention_preview"),
]
