"""Personal data in the API's models (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

MODELS = {
    "ApiToken": Classification(
        purpose=_("Access of other programs to the workspace on a user's behalf"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("Until the token is revoked or the user leaves the workspace"),
        personal=("user", "last_used_at"),
        not_personal=("id", "workspace", "key_hash", "prefix", "created_at"),
        data_subjects=(TEAM,),
    ),
}
