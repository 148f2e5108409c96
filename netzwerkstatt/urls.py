from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from netzwerkstatt.accounts import views as accounts_views
from netzwerkstatt.api.api import api

urlpatterns = [
    path("", include("netzwerkstatt.core.urls")),
    path("kontakte/", include("netzwerkstatt.contacts.urls")),
    path("netzwerk/", include("netzwerkstatt.network.urls")),
    path("akquise/", include("netzwerkstatt.acquisition.urls")),
    path("netzwerke/", include("netzwerkstatt.steering.urls")),
    path("veranstaltungen/", include("netzwerkstatt.events.urls")),
    path("datenschutz/", include("netzwerkstatt.privacy.urls")),
    path("protokoll/", include("netzwerkstatt.audit.urls")),
    path("konto/", include("netzwerkstatt.accounts.urls")),
    path("api/v1/", api.urls),
    path("anmelden/", accounts_views.LoginView.as_view(), name="login"),
    path("anmelden/code/", accounts_views.login_code, name="login_code"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("passwort/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "passwort/geaendert/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("sprache/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
