"""Personal data in the contact models (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

CONTACTS = _("Contact persons of companies and partner organisations")
CONTACT_PURPOSE = _("Winning and keeping partners and companies for the projects")
UNTIL_INACTIVE = _(
    "Until the person is erased, or deleted by the rule for persons without activity after "
    "the projects ended"
)

MODELS = {
    "Tag": Classification(
        purpose=_("Grouping contacts"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_("While the workspace exists"),
        not_personal=("id", "workspace", "name"),
    ),
    "Organisation": Classification(
        purpose=CONTACT_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_("While the workspace exists; notes are scrubbed when a person is erased"),
        free_text=("notes",),
        not_personal=(
            "id",
            "workspace",
            "is_shared",
            "search_key",
            "name_key",
            "created_at",
            "updated_at",
            "name",
            "kind",
            "sector",
            "employee_count",
            "street",
            "postal_code",
            "city",
            "district",
            "state",
            "website",
            "tags",
        ),
    ),
    "Person": Classification(
        purpose=CONTACT_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=(
            "id",
            "notes",
            "search_key",
            "name_key",
            "created_at",
            "updated_at",
            "salutation",
            "title",
            "first_name",
            "last_name",
            "door_opener",
            "tags",
            "is_shared",
        ),
        not_personal=("workspace",),
        subjects=("id",),
        data_subjects=(CONTACTS, TEAM),
    ),
    "Function": Classification(
        purpose=CONTACT_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=("person", "organisation", "role", "department", "start_date", "end_date"),
        not_personal=("id", "workspace"),
        subjects=("person",),
        data_subjects=(CONTACTS,),
    ),
    "EmailAddress": Classification(
        purpose=CONTACT_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=("person", "address", "address_key", "kind"),
        not_personal=("id", "workspace"),
        subjects=("person",),
        data_subjects=(CONTACTS,),
    ),
    "PhoneNumber": Classification(
        purpose=CONTACT_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=("person", "number", "kind"),
        not_personal=("id", "workspace"),
        subjects=("person",),
        data_subjects=(CONTACTS,),
    ),
    "Note": Classification(
        purpose=_("Remembering what was discussed with a person or organisation"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=("person", "author", "created_at"),
        free_text=("text",),
        not_personal=("id", "workspace", "organisation"),
        subjects=("person",),
        data_subjects=(CONTACTS, TEAM),
    ),
    "ImportJob": Classification(
        purpose=_("Importing contact lists"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_(
            "Uploaded files one day, results 30 days, or the workspace's period for imports"
        ),
        # The uploaded file and the error messages quote the imported rows.
        personal=("file", "result", "created_by"),
        not_personal=(
            "id",
            "workspace",
            "original_name",
            "format",
            "mapping",
            "duplicates",
            "skip_invalid",
            "status",
            "created_at",
        ),
        data_subjects=(CONTACTS, TEAM),
    ),
}
