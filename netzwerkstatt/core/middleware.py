from django.conf import settings
from django.utils import translation

from .selectors import scope_for_user

SESSION_KEY = "workspace_id"


class ScopeMiddleware:
    """Puts the workspace the user works in, with their role there, on `request.scope`.

    The workspace is the one chosen in the session, else the user's first; None
    for anonymous users and users without any workspace.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = None
        if request.user.is_authenticated:
            request.scope = scope_for_user(
                user=request.user, preferred_workspace_id=request.session.get(SESSION_KEY)
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
