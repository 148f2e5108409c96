from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .lockout import username_normalise
from .models import AccountPolicy
from .totp import DIGITS


class LoginForm(AuthenticationForm):
    """Django's login form, with the e-mail address folded as accounts store it."""

    def clean_username(self):
        return username_normalise(self.cleaned_data.get("username")) or ""


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "pattern": r"[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != DIGITS:
            raise forms.ValidationError(_("Please enter the six digits your app shows."))
        return code


class PasswordConfirmForm(forms.Form):
    """Asks for the account's password again before a change that weakens its protection.

    Checked through `authenticate`, so wrong passwords count towards the lockout.
    """

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        if authenticate(self.request, username=user.email, password=password) is None:
            raise forms.ValidationError(_("The password is not correct."))
        return password


class AccountPolicyForm(forms.ModelForm):
    class Meta:
        model = AccountPolicy
        fields = ["require_second_factor_for_lead"]
        help_texts = {
            "require_second_factor_for_lead": _(
                "Leads without a second factor are asked to set one up at their next "
                "sign-in and can do nothing else until they have."
            ),
        }
