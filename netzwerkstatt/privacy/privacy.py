"""Personal data in the data-protection records themselves."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.privacy import CONTACTS
from netzwerkstatt.core.privacy import TEAM

from .enums import LegalBasis
from .registry import Classification

MODELS = {
    "Consent": Classification(
        purpose=_("Proof of consents and their withdrawal"),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention=_("While the person's data is processed; erased with the person"),
        personal=(
            "person",
            "purpose",
            "legal_basis",
            "given_on",
            "source",
            "withdrawn_at",
            "recorded_by",
            "created_at",
        ),
        not_personal=("id", "workspace"),
        subjects=("person",),
        data_subjects=(CONTACTS,),
    ),
    "RetentionPolicy": Classification(
        purpose=_("The workspace's deletion periods"),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention=_("While the workspace exists"),
        not_personal=("id", "workspace", "rule", "months", "updated_at"),
    ),
    "RetentionRun": Classification(
        purpose=_("Proof of deletions by the retention rules"),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention=_("While the workspace exists"),
        personal=("triggered_by",),
        not_personal=(
            "id",
            "workspace",
            "started_at",
            "finished_at",
            "dry_run",
            "periods",
            "deleted",
        ),
        data_subjects=(TEAM,),
    ),
}
