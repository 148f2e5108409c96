"""The "Netzwerk-Gesundheit" page (see views.health)."""

from django.urls import path

from .views import health

urlpatterns = [
    path("gesundheit/", health.health, name="health"),
    path("gesundheit/stand/", health.health_status, name="health_status"),
    path("gesundheit/einstellungen/", health.health_settings, name="health_settings"),
]
