"""How django-axes sees a sign-in attempt, and what a locked-out client is shown.

Axes counts failures per e-mail address (as typed, folded to lower case) and client
address, whether or not an account has that address; so its lockout page, like the
answer to a wrong password, is the same for existing and unknown accounts.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.services import audit_record


def username_normalise(value) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip().lower() or None


def username_of(request, credentials: dict | None = None) -> str | None:
    """The login name an attempt is counted under (`AXES_USERNAME_CALLABLE`).

    Django's `authenticate` passes it as `username`; a bare request has it in the form.
    Folded, so `Anna@Example.org` and `anna@example.org ` count as one.
    """
    if credentials:
        for key in ("username", get_user_model().USERNAME_FIELD):
            if credentials.get(key):
                return username_normalise(credentials[key])
    data = getattr(request, "POST", None) or {}
    return username_normalise(data.get("username"))


def lockout_page(request):
    """The login page with the lockout notice, status 429 (`AXES_LOCKOUT_CALLABLE`)."""
    from .forms import LoginForm

    return render(
        request,
        "registration/login.html",
        {
            "form": LoginForm(request),
            "locked_out": True,
            "lockout_minutes": settings.AXES_COOLOFF_MINUTES,
            "next": "",
        },
        status=429,
    )


def lockout_response(request, original_response=None, credentials=None):
    return lockout_page(request)


def locked_out_record(sender, request=None, username=None, **kwargs) -> None:
    """Audit the moment a lockout begins (axes' `user_locked_out`): the account's id when the
    address belongs to one (as actor, so the leads of its workspaces see it), never the
    address typed or the client address.

    Axes also sends the signal for each attempt while the lock holds; only the one that
    counted the last allowed failure (`axes_failures_since_start` set) is recorded.
    """
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    typed = username_normalise(username)
    user = get_user_model().objects.filter(email=typed).first() if typed else None
    audit_record(
        action=AuditAction.LOCKED_OUT,
        workspace=None,
        actor=user,
        target=user,
        details={"known_account": user is not None},
    )
