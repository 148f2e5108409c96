"""URLs of the partner network survey: the team's pages and the public, token-opened form."""

from django.urls import path

from .views import surveys

urlpatterns = [
    path("befragungen/", surveys.survey_list, name="survey_list"),
    path("befragungen/neu/", surveys.survey_create, name="survey_create"),
    path("befragungen/personen/", surveys.survey_person_options, name="survey_person_options"),
    path("befragungen/pruefen/", surveys.survey_review, name="survey_review"),
    path("befragungen/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("befragungen/<int:pk>/neuer-link/", surveys.survey_link_renew, name="survey_link_renew"),
    path(
        "befragungen/<int:pk>/alle-annehmen/", surveys.survey_accept_all, name="survey_accept_all"
    ),
    path(
        "befragungen/antworten/<int:pk>/annehmen/",
        surveys.survey_answer_accept,
        name="survey_answer_accept",
    ),
    path(
        "befragungen/antworten/<int:pk>/ablehnen/",
        surveys.survey_answer_reject,
        name="survey_answer_reject",
    ),
    # Public: no login, the token opens one survey.
    path("umfrage/danke/", surveys.survey_thanks, name="survey_thanks"),
    path("umfrage/<str:token>/", surveys.survey_respond, name="survey_respond"),
    path(
        "umfrage/<str:token>/organisationen/",
        surveys.survey_suggestions,
        name="survey_suggestions",
    ),
]
