from django.urls import include, path

app_name = "steering"
urlpatterns = [
    path("", include("netzwerkstatt.steering.urls_goals")),
    path("", include("netzwerkstatt.steering.urls_handover")),
    path("", include("netzwerkstatt.steering.urls_meetings")),
    path("", include("netzwerkstatt.steering.urls_networks")),
]
