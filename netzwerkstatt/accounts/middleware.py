from django.conf import settings
from django.contrib.auth import SESSION_KEY as USER_KEY
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.middleware import session_end

from .selectors import second_factor_setup_required
from .sessions import FACTOR_RULE_MET, SEEN_AT, SIGNED_IN_AT, now

# The idle stamp is written at most this often, not on every request.
SEEN_RESOLUTION_SECONDS = 60


class SessionTimeoutMiddleware:
    """Ends a signed-in session after a time without requests (idle) or after a time since
    the sign-in (absolute), whichever comes first, and the session of an account switched
    off since (Django already treats its requests as anonymous; this also clears them).

    Sits before `ScopeMiddleware`, so an ended session acts in no workspace.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.idle_seconds = settings.NETZWERKSTATT_SESSION_IDLE_MINUTES * 60
        self.max_seconds = settings.NETZWERKSTATT_SESSION_MAX_HOURS * 60 * 60

    def __call__(self, request):
        session = request.session
        if USER_KEY in session:
            if not request.user.is_authenticated:
                session.flush()
            else:
                ended = self.session_check(request)
                if ended is not None:
                    return ended
        return self.get_response(request)

    def session_check(self, request):
        session = request.session
        current = now()
        signed_in_at, seen_at = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
        if signed_in_at is None or seen_at is None:
            # A session from before these stamps existed: its clocks start now.
            session[SIGNED_IN_AT] = session[SEEN_AT] = current
            return None
        if current - seen_at > self.idle_seconds:
            return session_end(
                request,
                _(
                    "You have been logged out after %(minutes)s minutes without activity. "
                    "Please log in again."
                )
                % {"minutes": settings.NETZWERKSTATT_SESSION_IDLE_MINUTES},
            )
        if current - signed_in_at > self.max_seconds:
            return session_end(
                request,
                _("You have been logged out %(hours)s hours after logging in. Please log in again.")
                % {"hours": settings.NETZWERKSTATT_SESSION_MAX_HOURS},
            )
        if current - seen_at >= SEEN_RESOLUTION_SECONDS:
            session[SEEN_AT] = current
        return None


# Where a lead who must set up a second factor may still go.
SETUP_VIEWS = frozenset(
    {
        "accounts:account",
        "accounts:second_factor_setup",
        "accounts:second_factor_confirm",
        "logout",
        "set_language",
        "core:workspace_switch",
    }
)


class SecondFactorPolicyMiddleware:
    """Holds a lead on the account page until they set up a second factor, where their
    workspace requires one of leads.

    Whether the rule is met is noted in the session per workspace (at sign-in, or here
    once), so ordinary requests cost no query. A rule switched on later applies to leads
    at their next sign-in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        scope = getattr(request, "scope", None)
        if scope is None or scope.role != Role.LEAD:
            return None
        if request.session.get(FACTOR_RULE_MET) == scope.workspace.pk:
            return None
        if not second_factor_setup_required(scope=scope):
            request.session[FACTOR_RULE_MET] = scope.workspace.pk
            return None
        if request.resolver_match.view_name in SETUP_VIEWS:
            return None
        response = redirect("accounts:account")
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(response.url)
        return response
