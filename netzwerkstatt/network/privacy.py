"""Personal data in the relationship network (see `netzwerkstatt.privacy.registry`).

"A knows B" is data about both A and B: a tie or recommendation is about every
person at either end, and carries who recorded it, from which source, for what purpose.
"""

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.contacts.privacy import CONTACTS, UNTIL_INACTIVE
from netzwerkstatt.core.privacy import TEAM
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.registry import Classification

NETWORK_PURPOSE = _("Finding warm introductions through trusted contacts")
RECORDED = ("recorded_by", "provenance", "purpose", "created_at", "updated_at")

MODELS = {
    "Tie": Classification(
        purpose=NETWORK_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=(
            *RECORDED,
            "kind",
            "source_person",
            "target_person",
            "strength",
            "trust",
            "since",
            "last_contact",
        ),
        free_text=("note",),
        not_personal=("id", "workspace", "project", "source_organisation", "target_organisation"),
        subjects=("source_person", "target_person"),
        data_subjects=(CONTACTS, TEAM),
    ),
    "Recommendation": Classification(
        purpose=NETWORK_PURPOSE,
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=UNTIL_INACTIVE,
        personal=(
            *RECORDED,
            "recommender",
            "subject_person",
            "recipient_person",
            "date",
            "outcome",
            "outcome_date",
        ),
        free_text=("note",),
        not_personal=(
            "id",
            "workspace",
            "project",
            "subject_organisation",
            "recipient_organisation",
        ),
        subjects=("recommender", "subject_person", "recipient_person"),
        data_subjects=(CONTACTS,),
    ),
    "TeamMember": Classification(
        purpose=_("The project team's own relationships in the network"),
        legal_basis=LegalBasis.CONTRACT,
        retention=_("While the person works in the team"),
        personal=("person", "user", "since", "until"),
        not_personal=("id", "workspace"),
        subjects=("person",),
        data_subjects=(TEAM,),
    ),
    "Survey": Classification(
        purpose=_("Asking partners whom they know"),
        legal_basis=LegalBasis.CONSENT,
        retention=_("Deleted by the rule for survey answers after the survey"),
        personal=("respondent", "created_by", "created_at", "expires_at", "submitted_at"),
        free_text=("message",),
        not_personal=("id", "workspace", "token_hash"),
        subjects=("respondent",),
        data_subjects=(CONTACTS,),
    ),
    "SurveyAnswer": Classification(
        purpose=_("Asking partners whom they know"),
        legal_basis=LegalBasis.CONSENT,
        retention=_("Deleted by the rule for survey answers after the survey"),
        personal=("survey", "closeness", "status", "reviewed_by", "reviewed_at", "tie"),
        free_text=("note",),
        not_personal=("id", "workspace", "organisation", "organisation_name", "city"),
        subjects=("survey__respondent",),
        data_subjects=(CONTACTS,),
    ),
    "NetworkSettings": Classification(
        purpose=_("Settings of the network health figures"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_("While the workspace exists"),
        not_personal=("id", "workspace", "stale_after_months"),
    ),
    "MetricsSnapshot": Classification(
        purpose=_("Network health figures over time"),
        legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
        retention=_("Recomputed when the network changes; the snapshots of a month are kept"),
        # Figures per person id (centrality, brokers); no names.
        personal=("metrics", "health"),
        not_personal=("id", "workspace", "computed_at", "graph_version", "month", "seconds"),
        data_subjects=(CONTACTS,),
    ),
}
