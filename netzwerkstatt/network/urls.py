from django.urls import include, path

app_name = "network"
# Each part of the network app keeps its own URL module and adds it here with
# one line: path("", include("netzwerkstatt.network.urls_<part>")).
urlpatterns = [
    path("", include("netzwerkstatt.network.urls_survey")),
    path("", include("netzwerkstatt.network.urls_records")),
    path("", include("netzwerkstatt.network.urls_map")),
    path("", include("netzwerkstatt.network.urls_health")),
]
