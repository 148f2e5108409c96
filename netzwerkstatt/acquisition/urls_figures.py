"""The acquisition figures ("Kennzahlen") and the funder report (see views.figures)."""

from django.urls import path

from .views import figures

urlpatterns = [
    path("kennzahlen/", figures.figures, name="figures"),
    path("kennzahlen/export.xlsx", figures.figures_xlsx, name="figures_xlsx"),
    path("kennzahlen/foerderbericht/", figures.funder_report, name="funder_report"),
    path(
        "kennzahlen/foerderbericht/export.xlsx",
        figures.funder_report_xlsx,
        name="funder_report_xlsx",
    ),
    path(
        "kennzahlen/foerderbericht/bericht.pdf",
        figures.funder_report_pdf,
        name="funder_report_pdf",
    ),
]
