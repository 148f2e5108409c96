from django.urls import include, path

app_name = "privacy"
# Each part keeps its own URL module: the data subject's rights (access export, erasure),
# consents, and the workspace's records (retention, records of processing).
urlpatterns = [
    path("", include("netzwerkstatt.privacy.urls_subject")),
    path("", include("netzwerkstatt.privacy.urls_consents")),
    path("", include("netzwerkstatt.privacy.urls_records")),
]
