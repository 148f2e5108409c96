"""Personal data in the accounts models (see `netzwerkstatt.privacy.registry`).

django-axes keeps failed sign-ins (`axes.AccessAttempt`: the e-mail address typed, the
client address and browser) in its own app, which the registry does not cover; the
settings keep that to a minimum instead: no log of successful sign-ins, no failure log,
and an attempt is deleted once its lockout period has passed (see `settings.base`).
"""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

MODELS = {
    "SecondFactor": Classification(
        purpose=_("Protecting accounts with a second factor (authenticator app)"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("Until the user switches the second factor off; deleted with the account"),
        # The secret is a credential of the user; the times say when they used it.
        personal=("user", "secret", "confirmed_at", "last_step", "created_at"),
        not_personal=("id",),
        data_subjects=(TEAM,),
    ),
    "AccountPolicy": Classification(
        purpose=_("The workspace's rules for signing in"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("While the workspace exists"),
        not_personal=("id", "workspace", "require_second_factor_for_lead", "updated_at"),
    ),
}
