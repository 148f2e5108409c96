"""Personal data in events (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

EVENTS = _("Organising and documenting the projects' events")
PARTICIPANTS = _("Participants and speakers of events")
AFTER_EVENT = _("Deleted by the rule for event participations after the event")


def _event_data(*fields: str, free_text: tuple[str, ...] = ()) -> Classification:
    return Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        free_text=free_text,
        not_personal=("id", "workspace", *fields),
    )


MODELS = {
    "Event": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        personal=("created_by",),
        free_text=("description", "report_summary"),
        not_personal=(
            "id",
            "workspace",
            "project",
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "capacity",
            "registration_open",
            "registration_deadline",
            "report_published",
            "report_token",
            "created_at",
            "updated_at",
        ),
        data_subjects=(TEAM,),
    ),
    "ProgrammeItem": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        personal=("speakers",),
        free_text=("description",),
        not_personal=("id", "workspace", "event", "starts_at", "ends_at", "title", "room"),
        subjects=("speakers",),
        data_subjects=(PARTICIPANTS,),
    ),
    "Invitation": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.CONSENT,
        retention=AFTER_EVENT,
        personal=(
            "person",
            "status",
            "invited_at",
            "registered_at",
            "dietary_notes",
            "accessibility_notes",
            "photo_consent",
            "photo_consent_at",
            "checked_in_at",
            "topic_wishes",
        ),
        not_personal=("id", "workspace", "event", "token_hash"),
        subjects=("person",),
        data_subjects=(PARTICIPANTS,),
    ),
    "AnonymousParticipation": _event_data("event", "status", "checked_in", "count"),
    "WorldCafe": _event_data("event", "rounds", "round_minutes", "seed", "planned_at", "report"),
    "CafeTable": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=AFTER_EVENT,
        personal=("host",),
        not_personal=("id", "workspace", "world_cafe", "number", "capacity"),
        subjects=("host__person",),
        data_subjects=(PARTICIPANTS,),
    ),
    "Topic": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        personal=("proposed_by",),
        free_text=("description",),
        not_personal=("id", "workspace", "world_cafe", "title", "votes"),
        subjects=("proposed_by",),
        data_subjects=(PARTICIPANTS,),
    ),
    "KeepApart": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=AFTER_EVENT,
        personal=("first", "second"),
        not_personal=("id", "workspace", "world_cafe"),
        subjects=("first__person", "second__person"),
        data_subjects=(PARTICIPANTS,),
    ),
    "TableRound": Classification(
        purpose=EVENTS,
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        personal=("participants",),
        free_text=("key_points",),
        not_personal=("id", "workspace", "table", "round", "topic"),
        subjects=("participants__person",),
        data_subjects=(PARTICIPANTS,),
    ),
    "Photo": Classification(
        purpose=_("Documenting events"),
        legal_basis=LegalBasis.CONSENT,
        retention=_("Deleted by the rule for event photos after the event"),
        personal=("image", "thumbnail", "people", "uploaded_by", "uploaded_at", "withheld"),
        free_text=("caption",),
        not_personal=("id", "workspace", "event", "table_round", "width", "height"),
        subjects=("people",),
        data_subjects=(PARTICIPANTS, TEAM),
    ),
    "Presentation": Classification(
        purpose=_("Documenting events"),
        legal_basis=LegalBasis.PUBLIC_TASK,
        retention=_("Until the end of the funder's retention period for the project"),
        personal=("speaker", "file"),
        not_personal=(
            "id",
            "workspace",
            "event",
            "programme_item",
            "title",
            "public",
            "uploaded_at",
        ),
        subjects=("speaker",),
        data_subjects=(PARTICIPANTS,),
    ),
}
