from django.urls import include, path, re_path

from .views import exports, notes, organisations, persons

app_name = "contacts"
urlpatterns = [
    path("organisationen/", organisations.organisation_list, name="organisation_list"),
    path("organisationen/neu/", organisations.organisation_create, name="organisation_create"),
    path(
        "organisationen/auswahl/", organisations.organisation_options, name="organisation_options"
    ),
    path("organisationen/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path(
        "organisationen/<int:pk>/bearbeiten/",
        organisations.organisation_update,
        name="organisation_update",
    ),
    path(
        "organisationen/<int:pk>/loeschen/",
        organisations.organisation_delete,
        name="organisation_delete",
    ),
    path(
        "organisationen/<int:pk>/notizen/",
        notes.note_create,
        {"subject_type": "organisation"},
        name="organisation_note_create",
    ),
    re_path(
        r"^organisationen/export\.(?P<file_format>csv|xlsx|vcf)$",
        exports.contact_export,
        {"kind": "organisations"},
        name="organisation_export",
    ),
    path("personen/", persons.person_list, name="person_list"),
    path("personen/neu/", persons.person_create, name="person_create"),
    path("personen/<int:pk>/", persons.person_detail, name="person_detail"),
    path("personen/<int:pk>/bearbeiten/", persons.person_update, name="person_update"),
    path("personen/<int:pk>/loeschen/", persons.person_delete, name="person_delete"),
    path(
        "personen/<int:pk>/notizen/",
        notes.note_create,
        {"subject_type": "person"},
        name="person_note_create",
    ),
    re_path(
        r"^personen/export\.(?P<file_format>csv|xlsx|vcf)$",
        exports.contact_export,
        {"kind": "persons"},
        name="person_export",
    ),
    path("notizen/<int:pk>/loeschen/", notes.note_delete, name="note_delete"),
    path("", include("netzwerkstatt.contacts.import_urls")),
]
