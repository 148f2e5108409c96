from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from .selectors import scope_for_user

SESSION_KEY = "workspace_id"


def session_end(request: HttpRequest, message: str) -> HttpResponse:
    """End the session (all its data, the sign-in included) and send the browser to the
    login page with `message`; back to the page it asked for once signed in again."""
    request.session.flush()
    request.user = AnonymousUser()
    messages.warning(request, message)
    response = redirect_to_login(request.get_full_path() if request.method == "GET" else None)
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(response.url)
    return response


class ScopeMiddleware:
    """Puts the workspace the user works in, with their role there, on `request.scope`.

    The workspace is the one chosen in the session (at sign-in or by switching), else
    the user's first; None for anonymous users and users without any workspace. When the
    user no longer belongs to the session's workspace, the session ends: a removed member
    acts in that workspace with no further request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = None
        if request.user.is_authenticated:
            chosen = request.session.get(SESSION_KEY)
            request.scope = scope_for_user(user=request.user, preferred_workspace_id=chosen)
            if chosen is not None and (
                request.scope is None or request.scope.workspace.pk != chosen
            ):
                request.scope = None
                return session_end(
                    request, _("Your access to the workspace has ended. Please log in again.")
                )
        return self.get_response(request)


class LanguageMiddleware:
    """German unless the user chose otherwise (language cookie), whatever the browser says.

    Stands in for Django's LocaleMiddleware, which would follow Accept-Language and
    show an English browser an English UI although the product is German first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Restored afterwards, so one request's language does not stay with the thread.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
