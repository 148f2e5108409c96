from django.urls import path

from .views import consents

urlpatterns = [
    path(
        "personen/<int:pk>/einwilligungen/neu/",
        consents.consent_create,
        name="consent_create",
    ),
    path(
        "einwilligungen/<int:pk>/widerruf/",
        consents.consent_withdraw,
        name="consent_withdraw",
    ),
]
