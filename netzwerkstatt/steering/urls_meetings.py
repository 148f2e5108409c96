"""Meetings, decisions, action items and their exports (included by `urls.py`)."""

from django.urls import path

from .views import actions, meetings

urlpatterns = [
    path("<int:pk>/treffen/", meetings.meeting_list, name="meeting_list"),
    path("<int:pk>/treffen/neu/", meetings.meeting_create, name="meeting_create"),
    path("<int:pk>/protokolle.pdf", meetings.minutes_pdf, name="minutes_pdf"),
    path("treffen/personen/", meetings.meeting_person_options, name="meeting_person_options"),
    path("treffen/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("treffen/<int:pk>/bearbeiten/", meetings.meeting_update, name="meeting_update"),
    path("treffen/<int:pk>/loeschen/", meetings.meeting_delete, name="meeting_delete"),
    path(
        "treffen/<int:pk>/anwesenheit-aus-veranstaltung/",
        meetings.meeting_attendance_from_event,
        name="meeting_attendance_from_event",
    ),
    path("treffen/<int:pk>/beschluesse/", meetings.decision_create, name="decision_create"),
    path("beschluesse/<int:pk>/loeschen/", meetings.decision_delete, name="decision_delete"),
    path(
        "treffen/<int:pk>/aufgaben/neu/",
        actions.meeting_action_create,
        name="meeting_action_create",
    ),
    path("aufgaben/", actions.action_list, name="action_list"),
    path("aufgaben/neu/", actions.action_create, name="action_create"),
    path("aufgaben/export.xlsx", actions.action_items_xlsx, name="action_items_xlsx"),
    path("aufgaben/<int:pk>/bearbeiten/", actions.action_update, name="action_update"),
    path("aufgaben/<int:pk>/loeschen/", actions.action_delete, name="action_delete"),
    path("aufgaben/<int:pk>/status/", actions.action_status, name="action_status"),
]
