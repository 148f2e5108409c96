"""Personal data in acquisition (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.privacy import CONTACTS
from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

ACQUISITION = _("Prepared acquisition of companies for the projects")
WORKSPACE_LIFETIME = _("While the workspace exists")
PROJECT_END = _("Until the end of the funder's retention period for the project")


def _catalogue(*fields: str, free_text: tuple[str, ...] = ()) -> Classification:
    return Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=WORKSPACE_LIFETIME,
        free_text=free_text,
        not_personal=("id", "workspace", *fields),
    )


MODELS = {
    "Need": _catalogue("name", "name_key", "created_at", "updated_at", free_text=("description",)),
    "Measure": _catalogue(
        "project",
        "name",
        "target_group",
        "effort",
        "effort_note",
        "cost",
        "funded",
        "duration",
        "search_key",
        "name_key",
        "created_at",
        "updated_at",
        "needs",
        free_text=("description",),
    ),
    "Stage": _catalogue("project", "name", "kind", "position"),
    "BenefitTemplate": _catalogue(
        "project", "name", "created_at", "updated_at", free_text=("text",)
    ),
    "TargetProfile": _catalogue(
        "project",
        "sectors",
        "size_classes",
        "districts",
        "sector_weight",
        "size_weight",
        "region_weight",
        "needs_weight",
        "warm_path_weight",
        "recommendation_weight",
        "contact_weight",
        "updated_at",
    ),
    "WarmPathScore": _catalogue("organisation", "score", "hops", "network_version", "computed_at"),
    "Approach": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        personal=("owner", "contact_person", "introducer", "created_by"),
        free_text=("benefit_statement", "next_step", "closing_note"),
        not_personal=(
            "id",
            "workspace",
            "project",
            "organisation",
            "stage",
            "stage_changed_at",
            "position",
            "channel",
            "benefit_template",
            "next_step_on",
            "created_at",
            "updated_at",
            "measures",
        ),
        subjects=("contact_person", "introducer"),
        data_subjects=(CONTACTS, TEAM),
    ),
    "StageChange": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        personal=("changed_by",),
        not_personal=("id", "workspace", "approach", "stage", "kind", "changed_at"),
        data_subjects=(TEAM,),
    ),
    "ApproachMeasure": _catalogue(
        "approach", "measure", "agreed_on", "delivered_on", "participants"
    ),
    "Activity": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        personal=("participants", "follow_up_by", "created_by", "occurred_on", "kind"),
        free_text=("summary", "outcome"),
        not_personal=(
            "id",
            "workspace",
            "project",
            "organisation",
            "approach",
            "follow_up_on",
            "follow_up_done_at",
            "created_at",
            "updated_at",
        ),
        subjects=("participants",),
        data_subjects=(CONTACTS, TEAM),
    ),
    "Dossier": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        personal=("updated_by",),
        free_text=("situation", "recent_events"),
        not_personal=(
            "id",
            "workspace",
            "project",
            "organisation",
            "share_50_plus",
            "open_positions",
            "created_at",
            "updated_at",
        ),
        data_subjects=(TEAM,),
    ),
    "ResearchNote": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        personal=("author",),
        free_text=("text", "source"),
        not_personal=("id", "workspace", "dossier", "noted_on"),
        data_subjects=(TEAM,),
    ),
    "IdentifiedNeed": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        free_text=("evidence",),
        not_personal=("id", "workspace", "dossier", "need"),
    ),
    "DecisionMaker": Classification(
        purpose=ACQUISITION,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=PROJECT_END,
        personal=("person", "role", "note"),
        not_personal=("id", "workspace", "dossier"),
        subjects=("person",),
        data_subjects=(CONTACTS,),
    ),
    "CalendarFeed": Classification(
        purpose=_("Follow-ups in the user's calendar"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("Until the user revokes the feed"),
        personal=("user", "created_at"),
        not_personal=("id", "workspace", "token_hash"),
        data_subjects=(TEAM,),
    ),
}
