"""The demo's data protection: the retention periods a careful provider sets, and the
consents that the event registrations and the partner surveys of the demo imply."""

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.models import Invitation
from netzwerkstatt.network.models import Survey
from netzwerkstatt.privacy.consents import consent_add
from netzwerkstatt.privacy.enums import RetentionRule
from netzwerkstatt.privacy.retention import retention_periods_set

# Months per rule; contacts go two years after the last project ended without activity.
RETENTION_MONTHS = {
    RetentionRule.INACTIVE_CONTACTS: 24,
    RetentionRule.EVENT_PARTICIPATIONS: 36,
    RetentionRule.EVENT_PHOTOS: 24,
    RetentionRule.SURVEY_ANSWERS: 12,
    RetentionRule.IMPORT_JOBS: 3,
    RetentionRule.AUDIT_ENTRIES: 24,
}
PHOTO_PURPOSE = "Fotos von Veranstaltungen im öffentlichen Bericht zeigen"
SURVEY_PURPOSE = "Angaben zu eigenen Kontakten in der Partnerbefragung auswerten"


def privacy_write(*, scope: Scope) -> dict[str, int]:
    """Set the retention periods and record the consents; the counts written."""
    retention_periods_set(
        scope=scope, periods={str(rule): m for rule, m in RETENTION_MONTHS.items()}
    )
    consents = 0
    photo_consents = (
        scope.objects(Invitation)
        .filter(photo_consent=True, photo_consent_at__isnull=False)
        .select_related("person", "event")
        .order_by("pk")
    )
    for invitation in photo_consents:
        consent_add(
            scope=scope,
            person=invitation.person,
            purpose=PHOTO_PURPOSE,
            given_on=invitation.photo_consent_at.date(),
            source=f"Anmeldung zu „{invitation.event.title}“",
        )
        consents += 1
    answered = scope.objects(Survey).filter(submitted_at__isnull=False).select_related("respondent")
    for survey in answered.order_by("pk"):
        consent_add(
            scope=scope,
            person=survey.respondent,
            purpose=SURVEY_PURPOSE,
            given_on=survey.submitted_at.date(),
            source="Partnerbefragung (Einwilligung im Fragebogen)",
        )
        consents += 1
    return {"retention_rules": len(RETENTION_MONTHS), "consents": consents}
