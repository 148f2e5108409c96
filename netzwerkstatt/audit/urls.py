from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_log, name="log"),
    path("export.xlsx", views.audit_log_xlsx, name="log_xlsx"),
]
