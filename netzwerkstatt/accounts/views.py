"""Signing in (password, then the code when the account has a second factor), the user's
account page with the second factor, and the workspace's account policy."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.models import User

from . import services, totp
from .forms import AccountPolicyForm, CodeForm, LoginForm, PasswordConfirmForm
from .lockout import lockout_page
from .qr import qr_svg
from .selectors import account_policy, second_factor_of, second_factor_setup_required
from .sessions import FACTOR_RULE_MET, PENDING, now

# How long the code step waits after the password was right.
PENDING_SECONDS = 5 * 60
ISSUER = "Netzwerkstatt"


class LoginView(auth_views.LoginView):
    """The password step. An account with a second factor is not signed in here: the
    session only remembers who passed the password, and the code step signs in."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        factor = second_factor_of(user=user)
        if factor is None or not factor.is_confirmed:
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": now(),
            "next": self.get_redirect_url(),
        }
        return redirect("login_code")


def _pending_user(request) -> tuple[User | None, dict]:
    pending = request.session.get(PENDING) or {}
    if not pending or now() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    if pending.get("backend") not in settings.AUTHENTICATION_BACKENDS:
        return None, {}
    return User.objects.filter(pk=pending.get("user"), is_active=True).first(), pending


def login_code(request):
    """The code step. Wrong codes count as failed sign-ins of the account (django-axes), so
    guessing codes meets the same lockout as guessing passwords."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        return redirect("login")
    credentials = {"username": user.email}
    if settings.AXES_ENABLED and not AxesProxyHandler.is_allowed(request, credentials):
        request.session.pop(PENDING, None)
        return lockout_page(request)

    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and services.second_factor_check(
            user=user, code=form.cleaned_data["code"]
        ):
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            return redirect(_next_url(request, pending.get("next")))
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            request.session.pop(PENDING, None)
            return lockout_page(request)
        if form.is_valid():
            form.add_error("code", _("This code is not valid. Please enter the current one."))
    return render(request, "accounts/login_code.html", {"form": form})


def _next_url(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _workspace(request):
    return request.scope.workspace if request.scope is not None else None


def _account_page(request, *, code_form=None, password_form=None, status=200):
    factor = second_factor_of(user=request.user)
    context = {
        "factor": factor,
        "setup_required": request.scope is not None
        and second_factor_setup_required(scope=request.scope),
        "code_form": code_form or CodeForm(),
        "password_form": password_form or PasswordConfirmForm(request=request),
    }
    if factor is not None and not factor.is_confirmed:
        uri = totp.provisioning_uri(factor.secret, account=request.user.email, issuer=ISSUER)
        context["qr"] = qr_svg(uri)
        context["secret_groups"] = totp.secret_groups(factor.secret)
    return render(request, "accounts/account.html", context, status=status)


@login_required
def account(request):
    return _account_page(request)


@require_POST
@login_required
def second_factor_setup(request):
    try:
        services.second_factor_begin(user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("accounts:account")


@require_POST
@login_required
def second_factor_confirm(request):
    form = CodeForm(request.POST)
    if form.is_valid() and services.second_factor_confirm(
        user=request.user, code=form.cleaned_data["code"], workspace=_workspace(request)
    ):
        request.session.pop(FACTOR_RULE_MET, None)
        messages.success(request, _("The second factor is switched on."))
        return redirect("accounts:account")
    if form.is_valid():
        form.add_error("code", _("This code is not valid. Please enter the current one."))
    return _account_page(request, code_form=form)


@require_POST
@login_required
def second_factor_disable(request):
    form = PasswordConfirmForm(request.POST, request=request)
    if not form.is_valid():
        return _account_page(request, password_form=form)
    services.second_factor_disable(user=request.user, workspace=_workspace(request))
    request.session.pop(FACTOR_RULE_MET, None)
    messages.success(request, _("The second factor is switched off."))
    return redirect("accounts:account")


@scoped_view(permission="manage_workspace")
def policy(request):
    current = account_policy(scope=request.scope)
    form = AccountPolicyForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_policy_set(
                scope=request.scope,
                require_second_factor_for_lead=form.cleaned_data["require_second_factor_for_lead"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The sign-in rules are saved."))
            return redirect("accounts:policy")
    return render(request, "accounts/policy.html", {"form": form})
