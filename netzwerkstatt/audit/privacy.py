"""Personal data in the audit log (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.privacy import CONTACTS
from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

MODELS = {
    "AuditEntry": Classification(
        purpose=_("Proof of who read, exported, changed or erased personal data"),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention=_("Deleted by the workspace's rule for audit log entries"),
        # IDs only: the acting user, and the person or object acted on.
        personal=("actor", "target_type", "target_id", "created_at"),
        not_personal=("id", "workspace", "action", "details"),
        data_subjects=(TEAM, CONTACTS),
    ),
}
