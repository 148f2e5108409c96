"""Personal data in network steering (see `netzwerkstatt.privacy.registry`)."""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.privacy import CONTACTS
from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

STEERING = _("Steering networks with shared goals beyond the project")
NETWORK_LIFETIME = _("While the network is steered in Netzwerkstatt")


def _steering(
    *fields: str,
    personal: tuple[str, ...] = (),
    free_text: tuple[str, ...] = (),
    subjects: tuple[str, ...] = (),
) -> Classification:
    return Classification(
        purpose=STEERING,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=NETWORK_LIFETIME,
        personal=personal,
        free_text=free_text,
        not_personal=("id", "workspace", *fields),
        subjects=subjects,
        data_subjects=(CONTACTS, TEAM) if personal else (),
    )


MODELS = {
    "Network": _steering(
        "name",
        "region",
        "started_on",
        "projects",
        "handover_on",
        "created_at",
        "updated_at",
        personal=("successor_coordinator", "created_by"),
        free_text=("purpose", "handover_plan"),
        subjects=("successor_coordinator",),
    ),
    "NetworkMember": _steering(
        "network",
        "organisation",
        personal=("person", "role", "joined_on", "left_on"),
        subjects=("person",),
    ),
    "NetworkTopic": _steering("network", "name", free_text=("description",)),
    "TopicInterest": _steering("topic", personal=("member", "level"), subjects=("member__person",)),
    "Goal": _steering(
        "network",
        "title",
        "indicator",
        "indicator_filter",
        "target_value",
        "unit",
        "target_date",
        "created_at",
        "updated_at",
        free_text=("description",),
    ),
    "ProgressEntry": _steering(
        "goal", "recorded_on", "value", personal=("recorded_by",), free_text=("note",)
    ),
    "Handover": _steering(
        "network",
        "introduce_on",
        "introduced_on",
        personal=("staff", "member", "successor"),
        free_text=("note",),
        subjects=("staff", "member", "successor"),
    ),
    "Meeting": _steering(
        "network",
        "event",
        "title",
        "held_on",
        "created_at",
        "updated_at",
        personal=("attendees", "created_by"),
        free_text=("agenda", "minutes"),
        subjects=("attendees",),
    ),
    "Decision": _steering("meeting", free_text=("text",)),
    "ActionItem": _steering(
        "network",
        "meeting",
        "title",
        "due_on",
        "status",
        "done_at",
        "created_at",
        "updated_at",
        personal=("owner",),
        free_text=("description",),
        subjects=("owner",),
    ),
}
