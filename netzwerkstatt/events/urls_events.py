"""URLs of events, programme, invitations, check-in and the public, token-opened registration."""

from django.urls import path

from .views import checkin, events, invitations, registration

urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("neu/", events.event_create, name="event_create"),
    path("<int:pk>/", events.event_detail, name="event_detail"),
    path("<int:pk>/bearbeiten/", events.event_update, name="event_update"),
    path("<int:pk>/loeschen/", events.event_delete, name="event_delete"),
    path("<int:pk>/kalender.ics", events.event_ics, name="event_ics"),
    path(
        "<int:pk>/kontakte-uebernehmen/",
        events.event_attendance_ties,
        name="event_attendance_ties",
    ),
    # The programme, edited inline on the event's page.
    path("<int:pk>/programm/", events.event_programme, name="event_programme"),
    path("<int:pk>/programm/neu/", events.programme_item_create, name="programme_item_create"),
    path(
        "programmpunkte/<int:pk>/bearbeiten/",
        events.programme_item_update,
        name="programme_item_update",
    ),
    path(
        "programmpunkte/<int:pk>/loeschen/",
        events.programme_item_delete,
        name="programme_item_delete",
    ),
    # Invitations and participants.
    path("<int:pk>/teilnehmende/", invitations.event_participants, name="event_participants"),
    path(
        "<int:pk>/teilnehmende/export.csv",
        invitations.participants_export,
        name="participants_export",
    ),
    path("<int:pk>/teilnehmende/liste.pdf", invitations.participants_pdf, name="participants_pdf"),
    path("<int:pk>/einladen/", invitations.invitation_add, name="invitation_add"),
    path("<int:pk>/einladungslinks/", invitations.invitation_links, name="invitation_links"),
    path(
        "einladungen/<int:pk>/bearbeiten/",
        invitations.invitation_update,
        name="invitation_update",
    ),
    path(
        "einladungen/<int:pk>/neuer-link/",
        invitations.invitation_link_renew,
        name="invitation_link_renew",
    ),
    path(
        "einladungen/<int:pk>/entfernen/",
        invitations.invitation_delete,
        name="invitation_delete",
    ),
    # Check-in on the day.
    path("<int:pk>/check-in/", checkin.checkin, name="checkin"),
    path(
        "einladungen/<int:pk>/check-in/",
        checkin.invitation_check_in,
        name="invitation_check_in",
    ),
    # Public: no login, the token opens one invitation.
    path("anmeldung/<str:token>/", registration.registration, name="registration"),
    path(
        "anmeldung/<str:token>/absagen/",
        registration.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "anmeldung/<str:token>/veranstaltung.ics",
        registration.registration_event_ics,
        name="registration_event_ics",
    ),
    path(
        "anmeldung/<str:token>/mein-termin.ics",
        registration.registration_personal_ics,
        name="registration_personal_ics",
    ),
]
