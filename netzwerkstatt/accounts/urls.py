from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("zweiter-faktor/einrichten/", views.second_factor_setup, name="second_factor_setup"),
    path("zweiter-faktor/bestaetigen/", views.second_factor_confirm, name="second_factor_confirm"),
    path("zweiter-faktor/abschalten/", views.second_factor_disable, name="second_factor_disable"),
    path("anmelderegeln/", views.policy, name="policy"),
]
