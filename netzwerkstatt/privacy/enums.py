from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    """Art. 6 (1) GDPR: why a record may be processed at all."""

    CONSENT = "consent", _("Consent (Art. 6 (1) a GDPR)")
    CONTRACT = "contract", _("Contract or its preparation (Art. 6 (1) b GDPR)")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (Art. 6 (1) c GDPR)")
    PUBLIC_TASK = "public_task", _("Task in the public interest (Art. 6 (1) e GDPR)")
    LEGITIMATE_INTERESTS = "legitimate_interests", _("Legitimate interests (Art. 6 (1) f GDPR)")


class RetentionRule(models.TextChoices):
    """The deletion rules a workspace can set a period for (see `privacy.retention`)."""

    INACTIVE_CONTACTS = "inactive_contacts", _("Persons without activity after the projects ended")
    EVENT_PARTICIPATIONS = "event_participations", _("Event participations after the event")
    EVENT_PHOTOS = "event_photos", _("Event photos after the event")
    SURVEY_ANSWERS = "survey_answers", _("Answers to partner surveys after the survey")
    IMPORT_JOBS = "import_jobs", _("Import files and results")
    AUDIT_ENTRIES = "audit_entries", _("Audit log entries")
