from django.urls import include, path

app_name = "events"
# Each part of the events app keeps its own URL module and adds it here with
# one line: path("", include("netzwerkstatt.events.urls_<part>")).
urlpatterns = [
    path("", include("netzwerkstatt.events.urls_events")),
    path("", include("netzwerkstatt.events.urls_documentation")),
    path("", include("netzwerkstatt.events.urls_worldcafe")),
]
