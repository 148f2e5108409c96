"""The records of processing (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 GDPR),
generated from the registry of classified fields (`privacy.registry`).

One processing activity per purpose: the models classified with that purpose give
its legal bases, data subjects, categories of personal data (the verbose names of
their personal and free-text fields), recipients and retention, together with the
months the workspace set for the retention rules that end those records. A new field
or model appears here as soon as it is classified.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope

from .enums import RetentionRule
from .registry import Classification, registry
from .retention import PERMISSION, retention_periods, rule_of_model

# Models whose rows can reach the public: the event report (behind its link) shows the
# event, its photos where everyone shown consented, and the presentations marked public.
PUBLIC_MODELS = frozenset({"events.Event", "events.Photo", "events.Presentation"})
# Models only the project lead reads (the audit log, the proof of deletions).
LEAD_ONLY_MODELS = frozenset({"audit.AuditEntry", "privacy.RetentionRun"})
# Models about the users themselves: accounts and their access, for operating the service.
ACCOUNT_MODELS = frozenset({"core.User", "core.Membership"})

TECHNICAL_MEASURES = (
    gettext_lazy(
        "Separation of workspaces: every query of a workspace's data is filtered to that "
        "workspace in one place; automated tests try every page with another workspace's "
        "objects."
    ),
    gettext_lazy(
        "Roles and permissions: project lead, staff member and partner; partners see only the "
        "contact data shared with them and never notes, trust values or dossiers, and change "
        "nothing."
    ),
    gettext_lazy(
        "Audit log: reads of a person's page, exports, access requests, erasures, role "
        "changes, imports and sign-ins are logged with IDs only; nobody can change or delete "
        "entries through the application; only the project lead reads them."
    ),
    gettext_lazy(
        "Encrypted transport: in production only HTTPS (TLS with HSTS), secure cookies and "
        "restrictive security headers (CSP, X-Frame-Options, nosniff, Referrer-Policy)."
    ),
    gettext_lazy(
        "Sign-in: passwords stored as salted hashes, throttling of failed sign-ins, session "
        "timeouts, sessions ended when a user is deactivated or removed, an optional second "
        "factor (TOTP), which a workspace can require for project leads."
    ),
    gettext_lazy(
        "Uploads: images re-encoded without metadata (EXIF, GPS), limits on size and pixels, "
        "files stored under generated names and served only after a permission check."
    ),
    gettext_lazy(
        "Backups: online backups of the database with the backup command, and a tested restore."
    ),
    gettext_lazy(
        "Rights of data subjects: access export (Art. 15/20 GDPR) as JSON and PDF, and erasure "
        "of a person everywhere in one step (Art. 17 GDPR), both logged."
    ),
    gettext_lazy(
        "Retention: deletion periods per workspace, applied by a scheduled run that records "
        "what it deleted; dry runs show what would go."
    ),
    gettext_lazy(
        "Data minimisation: consents recorded with purpose, date and source; event "
        "participations become anonymous counts; exports neutralise formulas in cells."
    ),
)


@dataclass(frozen=True)
class DataCategory:
    model: str  # the model's verbose name
    fields: list[str]


@dataclass(frozen=True)
class RetentionPeriod:
    rule: RetentionRule
    months: int | None


@dataclass(frozen=True)
class ProcessingActivity:
    purpose: str
    legal_bases: list[str]
    data_subjects: list[str]
    categories: list[DataCategory]
    recipients: list[str]
    retention: list[str]
    periods: list[RetentionPeriod]


@dataclass(frozen=True)
class ProcessingRecords:
    workspace: str
    generated_at: datetime
    activities: list[ProcessingActivity]
    measures: list[str]


def processing_records(*, scope: Scope) -> ProcessingRecords:
    """The workspace's records of processing, one activity per purpose with personal data."""
    require(scope, PERMISSION)
    periods = retention_periods(scope=scope)
    groups: dict[str, list[tuple[type[models.Model], Classification]]] = {}
    for model, found in registry().items():
        if found.holds_personal_data:
            groups.setdefault(str(found.purpose), []).append((model, found))
    activities = [
        _activity(purpose, entries, periods)
        for purpose, entries in sorted(groups.items(), key=lambda item: item[0].casefold())
    ]
    return ProcessingRecords(
        workspace=scope.workspace.name,
        generated_at=timezone.now(),
        activities=activities,
        measures=[str(measure) for measure in TECHNICAL_MEASURES],
    )


def _activity(purpose: str, entries, periods: dict[str, int | None]) -> ProcessingActivity:
    labels = [model._meta.label for model, _found in entries]
    rules = []
    for label in labels:
        rule = rule_of_model(label)
        if rule is not None and rule not in rules:
            rules.append(rule)
    return ProcessingActivity(
        purpose=purpose,
        legal_bases=_unique(found.legal_basis.label for _model, found in entries),
        data_subjects=_unique(
            subject for _model, found in entries for subject in found.data_subjects
        ),
        categories=[
            DataCategory(
                model=capfirst(str(model._meta.verbose_name)),
                fields=[
                    _field_name(model, name)
                    for name in (*found.personal, *found.free_text)
                    if not _derived(model, name)
                ],
            )
            for model, found in entries
        ],
        recipients=recipients(labels, entries),
        retention=_unique(found.retention for _model, found in entries),
        periods=[RetentionPeriod(rule=rule, months=periods.get(rule.value)) for rule in rules],
    )


def recipients(labels: list[str], entries) -> list[str]:
    """Who can see the records of these models, derived from how the app shows them."""
    result = []
    if set(labels) - LEAD_ONLY_MODELS - ACCOUNT_MODELS:
        result.append(_("Project team of the workspace (project lead and staff members)"))
    if set(labels) & (LEAD_ONLY_MODELS | ACCOUNT_MODELS):
        result.append(_("Project lead of the workspace"))
    if any(hasattr(model, "partner_visible") for model, _found in entries):
        result.append(
            _(
                "Partners of the workspace: only contact data shared with them, without notes, "
                "trust values or dossiers"
            )
        )
    else:
        result.append(_("Partners: no access"))
    if set(labels) & PUBLIC_MODELS:
        result.append(
            _(
                "The public, through the link of an event's report: photos only when everyone "
                "shown consented, and presentations marked as public"
            )
        )
    result.append(
        _(
            "The provider operating Netzwerkstatt (hosting, backups) as processor under a data "
            "processing agreement (Art. 28 GDPR)"
        )
    )
    return result


def _derived(model: type[models.Model], name: str) -> bool:
    """Row ids and columns derived for search or lookup (`search_key`, `token_hash`): the
    categories of data are what they are derived from."""
    field = model._meta.get_field(name)
    return getattr(field, "primary_key", False) or name.endswith(("_key", "_hash"))


def _field_name(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    return capfirst(str(getattr(field, "verbose_name", name)))


def _unique(values) -> list[str]:
    seen = []
    for value in map(str, values):
        if value not in seen:
            seen.append(value)
    return seen
