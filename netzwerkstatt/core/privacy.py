"""Personal data in the core models (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

TEAM = _("Users of the workspace (project staff, partners)")

MODELS = {
    "User": Classification(
        purpose=_("Log-in and access control for the people who work with Netzwerkstatt"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("While the account exists; deleted with the account"),
        personal=("password", "last_login", "first_name", "last_name", "email", "date_joined"),
        not_personal=("id", "is_superuser", "is_staff", "is_active", "groups", "user_permissions"),
        data_subjects=(TEAM,),
    ),
    "Workspace": Classification(
        purpose=_("The organisation that runs projects in Netzwerkstatt"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("While the organisation uses Netzwerkstatt"),
        not_personal=("id", "slug", "name", "created_at"),
    ),
    "Project": Classification(
        purpose=_("The funded projects the network work belongs to"),
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        free_text=("description",),
        not_personal=("id", "workspace", "name", "title", "start_date", "end_date"),
    ),
    "Membership": Classification(
        purpose=_("Which user works in which workspace, with which role"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("While the user works in the workspace"),
        personal=("user", "workspace", "role", "created_at"),
        not_personal=("id",),
        data_subjects=(TEAM,),
    ),
    "ActivityEntry": Classification(
        purpose=_("Traceability of changes to the workspace's records"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_("With the audit log's retention period"),
        # IDs and field names only; the actor is a user of the workspace.
        personal=("actor",),
        not_personal=(
            "id",
            "workspace",
            "action",
            "content_type",
            "object_id",
            "details",
            "created_at",
        ),
        data_subjects=(TEAM,),
    ),
    "DataVersion": Classification(
        purpose=_("Cache invalidation"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_("While the workspace exists"),
        not_personal=("id", "workspace", "topic", "version"),
    ),
}
