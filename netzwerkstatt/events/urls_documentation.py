"""Documentation of an event (photos, presentations) and its public report.

The report's own addresses take the report token instead of a login; every file
of the report is served by a view that checks the token (and, for photos, the
publication rule), never straight from MEDIA_URL.
"""

from django.urls import path

from .views import documentation, report

urlpatterns = [
    path("<int:pk>/dokumentation/", documentation.event_documentation, name="event_documentation"),
    path("<int:pk>/dokumentation/fotos/", documentation.photo_upload, name="photo_upload"),
    path(
        "<int:pk>/dokumentation/praesentationen/",
        documentation.presentation_upload,
        name="presentation_upload",
    ),
    path("<int:pk>/dokumentation/bericht/", documentation.report_settings, name="report_settings"),
    path(
        "<int:pk>/dokumentation/bericht/neuer-link/",
        documentation.report_token_renew,
        name="report_token_renew",
    ),
    path(
        "<int:pk>/dokumentation/bericht/vorschau/",
        documentation.report_preview,
        name="report_preview",
    ),
    path(
        "<int:pk>/dokumentation/bericht/vorschau.pdf",
        documentation.report_preview_pdf,
        name="report_preview_pdf",
    ),
    path("fotos/<int:pk>/", documentation.photo_update, name="photo_update"),
    path("fotos/<int:pk>/loeschen/", documentation.photo_delete, name="photo_delete"),
    path("fotos/<int:pk>/bild/", documentation.photo_image, name="photo_image"),
    path("fotos/<int:pk>/vorschaubild/", documentation.photo_thumbnail, name="photo_thumbnail"),
    path(
        "praesentationen/<int:pk>/", documentation.presentation_update, name="presentation_update"
    ),
    path(
        "praesentationen/<int:pk>/loeschen/",
        documentation.presentation_delete,
        name="presentation_delete",
    ),
    path(
        "praesentationen/<int:pk>/datei/",
        documentation.presentation_file,
        name="presentation_file",
    ),
    # Public: no login, the token opens one published report.
    path("bericht/<str:token>/", report.report_page, name="report"),
    path("bericht/<str:token>/bericht.pdf", report.report_pdf, name="report_pdf"),
    path("bericht/<str:token>/fotos/<int:pk>/", report.report_photo, name="report_photo"),
    path(
        "bericht/<str:token>/fotos/<int:pk>/vorschaubild/",
        report.report_thumbnail,
        name="report_thumbnail",
    ),
    path(
        "bericht/<str:token>/praesentationen/<int:pk>/",
        report.report_presentation,
        name="report_presentation",
    ),
]
