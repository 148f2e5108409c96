"""Activities, the personal "Heute" page and the calendar feed (included by `urls.py`)."""

from django.urls import path

from .views import activities, feeds, today

urlpatterns = [
    path("betriebe/<int:pk>/aktivitaeten/", activities.activity_list, name="activity_list"),
    path("betriebe/<int:pk>/aktivitaeten/neu/", activities.activity_create, name="activity_create"),
    path("aktivitaeten/<int:pk>/bearbeiten/", activities.activity_update, name="activity_update"),
    path("aktivitaeten/<int:pk>/loeschen/", activities.activity_delete, name="activity_delete"),
    path("aktivitaeten/<int:pk>/erledigt/", today.follow_up_done, name="follow_up_done"),
    path(
        "aktivitaeten/personen/",
        activities.activity_person_options,
        name="activity_person_options",
    ),
    path("heute/", today.today, name="today"),
    path("kalender/", feeds.calendar_feed, name="calendar_feed"),
    path("kalender/erneuern/", feeds.calendar_feed_renew, name="calendar_feed_renew"),
    path("kalender/abschalten/", feeds.calendar_feed_delete, name="calendar_feed_delete"),
    path("kalender/<str:token>.ics", feeds.calendar_feed_ics, name="calendar_feed_ics"),
]
