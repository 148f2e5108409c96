from django.urls import path

from .views import subject

urlpatterns = [
    path("personen/<int:pk>/auskunft/", subject.subject_overview, name="subject_overview"),
    path(
        "personen/<int:pk>/auskunft.json", subject.subject_export_json, name="subject_export_json"
    ),
    path("personen/<int:pk>/auskunft.zip", subject.subject_export_zip, name="subject_export_zip"),
    path("personen/<int:pk>/auskunft.pdf", subject.subject_export_pdf, name="subject_export_pdf"),
    path("personen/<int:pk>/loeschen/", subject.subject_erase, name="subject_erase"),
]
