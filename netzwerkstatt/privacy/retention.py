"""The workspace's deletion periods and the runs that apply them (DIN 66398 style).

A workspace sets, per `RetentionRule`, how many months it keeps what the rule covers
(`RetentionPolicy`; no row or no months = the rule is off). Each rule is a selector
of what is due (`RULES[rule].select`, the same for a dry run and a real one) and a
deletion (`RULES[rule].delete`). `retention_run` applies every rule that is on, each
in its own transaction, and records the run as a `RetentionRun` with the periods and
the counts per model (no personal values); a real run also writes an audit entry.

Persons are erased through `privacy.erasure`, the one path that removes a person
everywhere (ties, notes' mentions, photos, search keys); event participations become
anonymous counts through it too, so event figures stay right.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.contacts.importing.jobs import import_jobs_delete
from netzwerkstatt.contacts.models import ImportJob, Person
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.models import ActivityEntry, Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.models import Invitation, Photo
from netzwerkstatt.network.health import months_before
from netzwerkstatt.network.models import Survey, SurveyAnswer

from .enums import RetentionRule
from .models import RetentionPolicy, RetentionRun

PERMISSION = "manage_privacy"
# A period is at least a month and at most ten years; none switches the rule off.
MONTHS_MIN, MONTHS_MAX = 1, 120


# ------------------------------------------------------------------------- the periods


def retention_periods(*, scope: Scope) -> dict[str, int | None]:
    """The months each rule keeps in the workspace; None for a rule that is off."""
    periods = dict.fromkeys(RetentionRule.values)
    for rule, months in scope.objects(RetentionPolicy).values_list("rule", "months"):
        if rule in periods:
            periods[rule] = months
    return periods


@transaction.atomic
def retention_periods_set(*, scope: Scope, periods: dict[str, int | None]) -> list[str]:
    """Set the months per rule (None switches a rule off); the changed rules, audited."""
    require(scope, PERMISSION)
    errors = {
        rule: _("Enter between %(low)s and %(high)s months, or nothing to switch the rule off.")
        % {"low": MONTHS_MIN, "high": MONTHS_MAX}
        for rule, months in periods.items()
        if months is not None and not MONTHS_MIN <= months <= MONTHS_MAX
    }
    if errors:
        raise ValidationError(errors)
    before = retention_periods(scope=scope)
    changed = [
        rule for rule in RetentionRule.values if rule in periods and periods[rule] != before[rule]
    ]
    for rule in changed:
        RetentionPolicy.objects.update_or_create(
            workspace=scope.workspace, rule=rule, defaults={"months": periods[rule]}
        )
    if changed:
        audit_record(
            action=AuditAction.SETTINGS_CHANGED,
            workspace=scope.workspace,
            actor=scope.user,
            details={"retention": {rule: periods[rule] for rule in changed}},
        )
    return changed


def retention_cutoff(*, now: datetime, months: int) -> datetime:
    """The moment `months` calendar months before `now` (local time; the 31st falls back
    to the month's last day): records older than this are due."""
    local = timezone.localtime(now)
    day = months_before(local.date(), months)
    return local.replace(year=day.year, month=day.month, day=day.day)


def retention_runs(*, scope: Scope) -> QuerySet[RetentionRun]:
    require(scope, PERMISSION)
    return scope.objects(RetentionRun).select_related("triggered_by")


# ------------------------------------------------------ persons without activity


@dataclass(frozen=True)
class ActivitySign:
    """Rows of `model` that show activity of the persons its `persons` lookups reach
    when one of their moments (datetimes) or days (dates) is at or after the cut-off;
    a `running` date that is empty or later means the involvement still goes on."""

    model: str
    persons: tuple[str, ...]
    moments: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    running: tuple[str, ...] = ()

    def recent(self, moment: datetime, day: date) -> Q:
        condition = Q()
        for lookup in self.moments:
            condition |= Q(**{f"{lookup}__gte": moment})
        for lookup in self.days:
            condition |= Q(**{f"{lookup}__gte": day})
        for lookup in self.running:
            condition |= Q(**{f"{lookup}__isnull": True}) | Q(**{f"{lookup}__gte": day})
        return condition


# Everything that counts as something happening with a person; the person's own
# `created_at`/`updated_at` count too. Events count until they are over.
ACTIVITY_SIGNS = (
    ActivitySign("contacts.Note", ("person",), moments=("created_at",)),
    ActivitySign(
        "network.Tie", ("source_person", "target_person"), moments=("created_at", "updated_at")
    ),
    ActivitySign(
        "network.Recommendation",
        ("recommender", "subject_person", "recipient_person"),
        moments=("created_at", "updated_at"),
        days=("date", "outcome_date"),
    ),
    ActivitySign("network.Survey", ("respondent",), moments=("created_at", "submitted_at")),
    ActivitySign(
        "events.Invitation",
        ("person",),
        moments=("invited_at", "registered_at", "checked_in_at", "event__ends_at"),
    ),
    ActivitySign("events.ProgrammeItem", ("speakers",), moments=("event__ends_at",)),
    ActivitySign("events.Photo", ("people",), moments=("uploaded_at", "event__ends_at")),
    ActivitySign("events.Presentation", ("speaker",), moments=("uploaded_at", "event__ends_at")),
    ActivitySign(
        "acquisition.Approach",
        ("contact_person", "introducer"),
        moments=("created_at", "updated_at"),
    ),
    ActivitySign(
        "acquisition.Activity", ("participants",), moments=("updated_at",), days=("occurred_on",)
    ),
    ActivitySign("acquisition.DecisionMaker", ("person",), moments=("dossier__updated_at",)),
    ActivitySign("steering.Meeting", ("attendees",), moments=("updated_at",), days=("held_on",)),
    ActivitySign("steering.NetworkMember", ("person",), running=("left_on",)),
    ActivitySign("steering.Network", ("successor_coordinator",), moments=("updated_at",)),
    ActivitySign("steering.ActionItem", ("owner",), moments=("updated_at",)),
    ActivitySign("steering.Handover", ("staff", "member", "successor"), running=("introduced_on",)),
    ActivitySign(
        "privacy.Consent", ("person",), moments=("created_at", "withdrawn_at"), days=("given_on",)
    ),
)


def projects_running(*, scope: Scope, cutoff: datetime) -> bool:
    """Whether a project of the workspace has no end or ended after the cut-off."""
    return (
        scope.objects(Project)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=cutoff.date()))
        .exists()
    )


def inactive_persons(*, scope: Scope, cutoff: datetime) -> QuerySet[Person]:
    """Persons with no activity since the cut-off, once every project of the workspace
    ended before it (a project without end date is running). Never the team's persons."""
    persons = scope.objects(Person)
    if projects_running(scope=scope, cutoff=cutoff):
        return persons.none()
    persons = persons.filter(created_at__lt=cutoff, updated_at__lt=cutoff, team_member__isnull=True)
    day = cutoff.date()
    for sign in ACTIVITY_SIGNS:
        rows = apps.get_model(sign.model).objects.filter(workspace=scope.workspace)
        rows = rows.filter(sign.recent(cutoff, day))
        for lookup in sign.persons:
            # Without the isnull filter, one empty link would make NOT IN exclude everyone.
            active = rows.filter(**{f"{lookup}__isnull": False}).values(lookup)
            persons = persons.exclude(pk__in=active)
    return persons.order_by("pk")


def _persons_erase(*, scope: Scope, selection: dict[str, QuerySet]) -> dict[str, int]:
    """Erase each person through the erasure service; the counts per model of the records
    about them that went with them (the persons included)."""
    from . import erasure  # the erasure service depends on much; load it when needed

    counts = Counter({"contacts.Person": 0})
    for person_pk in list(selection["contacts.Person"].values_list("pk", flat=True)):
        result = erasure.person_erase(scope=scope, person=person_pk)
        if not result.already_erased:
            counts.update({**result.records, "contacts.Person": 1})
    return dict(counts)


# --------------------------------------------------------------- events and surveys


def ended_event_invitations(*, scope: Scope, cutoff: datetime) -> QuerySet[Invitation]:
    return scope.objects(Invitation).filter(event__ends_at__lt=cutoff).order_by("pk")


def _invitations_anonymise(*, scope: Scope, selection: dict[str, QuerySet]) -> dict[str, int]:
    from . import erasure

    count = erasure.invitations_anonymise(scope=scope, invitations=selection["events.Invitation"])
    return {"events.Invitation": count}


def ended_event_photos(*, scope: Scope, cutoff: datetime) -> QuerySet[Photo]:
    return scope.objects(Photo).filter(event__ends_at__lt=cutoff).order_by("pk")


def _photos_delete(*, scope: Scope, selection: dict[str, QuerySet]) -> dict[str, int]:
    from . import erasure

    photos = selection["events.Photo"]
    names = [name for pair in photos.values_list("image", "thumbnail") for name in pair if name]
    count = photos.count()
    photos.delete()
    # The files go once the rows are gone for good; a rollback keeps both.
    transaction.on_commit(lambda: erasure.files_delete(names))
    return {"events.Photo": count}


def finished_surveys(*, scope: Scope, cutoff: datetime) -> QuerySet[Survey]:
    """Surveys answered before the cut-off, or expired before it without an answer."""
    return (
        scope.objects(Survey)
        .filter(Q(submitted_at__lt=cutoff) | Q(submitted_at__isnull=True, expires_at__lt=cutoff))
        .order_by("pk")
    )


def _surveys_selection(*, scope: Scope, cutoff: datetime) -> dict[str, QuerySet]:
    surveys = finished_surveys(scope=scope, cutoff=cutoff)
    answers = scope.objects(SurveyAnswer).filter(survey__in=surveys.values("pk")).order_by("pk")
    return {"network.Survey": surveys, "network.SurveyAnswer": answers}


def _surveys_delete(*, scope: Scope, selection: dict[str, QuerySet]) -> dict[str, int]:
    answers = selection["network.SurveyAnswer"].count()
    surveys = selection["network.Survey"]
    count = surveys.count()
    surveys.delete()  # the answers with them; ties taken over from answers stay
    return {"network.Survey": count, "network.SurveyAnswer": answers}


# ----------------------------------------------------------- import jobs and logs


def _import_jobs_delete(*, scope: Scope, selection: dict[str, QuerySet]) -> dict[str, int]:
    return {"contacts.ImportJob": import_jobs_delete(selection["contacts.ImportJob"])}


def _logs_delete(*, scope: Scope, selection: dict[str, QuerySet]) -> dict[str, int]:
    return {
        "audit.AuditEntry": selection["audit.AuditEntry"].prune(),
        "core.ActivityEntry": selection["core.ActivityEntry"].delete()[0],
    }


# ------------------------------------------------------------------------ the rules


@dataclass(frozen=True)
class Rule:
    # model label → the rows that are due, for the workspace and the cut-off
    select: Callable[[Scope, datetime], dict[str, QuerySet]]
    delete: Callable[..., dict[str, int]]
    # The models whose records the rule ends (for the records of processing).
    models: tuple[str, ...] = field(default=())


RULES: dict[RetentionRule, Rule] = {
    RetentionRule.INACTIVE_CONTACTS: Rule(
        select=lambda scope, cutoff: {
            "contacts.Person": inactive_persons(scope=scope, cutoff=cutoff)
        },
        delete=_persons_erase,
        models=(
            "contacts.Person",
            "contacts.Function",
            "contacts.EmailAddress",
            "contacts.PhoneNumber",
            "contacts.Note",
            "network.Tie",
            "network.Recommendation",
            "privacy.Consent",
        ),
    ),
    RetentionRule.EVENT_PARTICIPATIONS: Rule(
        select=lambda scope, cutoff: {
            "events.Invitation": ended_event_invitations(scope=scope, cutoff=cutoff)
        },
        delete=_invitations_anonymise,
        models=("events.Invitation", "events.KeepApart", "events.CafeTable"),
    ),
    RetentionRule.EVENT_PHOTOS: Rule(
        select=lambda scope, cutoff: {
            "events.Photo": ended_event_photos(scope=scope, cutoff=cutoff)
        },
        delete=_photos_delete,
        models=("events.Photo",),
    ),
    RetentionRule.SURVEY_ANSWERS: Rule(
        select=lambda scope, cutoff: _surveys_selection(scope=scope, cutoff=cutoff),
        delete=_surveys_delete,
        models=("network.Survey", "network.SurveyAnswer"),
    ),
    RetentionRule.IMPORT_JOBS: Rule(
        select=lambda scope, cutoff: {
            "contacts.ImportJob": scope.objects(ImportJob)
            .filter(created_at__lt=cutoff)
            .order_by("pk")
        },
        delete=_import_jobs_delete,
        models=("contacts.ImportJob",),
    ),
    RetentionRule.AUDIT_ENTRIES: Rule(
        select=lambda scope, cutoff: {
            "audit.AuditEntry": AuditEntry.objects.filter(
                workspace=scope.workspace, created_at__lt=cutoff
            ).order_by("pk"),
            "core.ActivityEntry": scope.objects(ActivityEntry)
            .filter(created_at__lt=cutoff)
            .order_by("pk"),
        },
        delete=_logs_delete,
        models=("audit.AuditEntry", "core.ActivityEntry"),
    ),
}


def rule_of_model(label: str) -> RetentionRule | None:
    """The rule that ends the records of the model `label` ("events.Photo"), if any."""
    return next((rule for rule, spec in RULES.items() if label in spec.models), None)


# -------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class RuleOutcome:
    rule: RetentionRule
    months: int
    cutoff: datetime
    # model label → count deleted (a dry run: count that would go)
    counts: dict[str, int]
    # model label → ids that would go (dry runs only)
    ids: dict[str, list[int]]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RunReport:
    run: RetentionRun
    outcomes: list[RuleOutcome]


def retention_run(
    *,
    scope: Scope,
    dry_run: bool,
    now: datetime | None = None,
    progress: Callable[[RetentionRule, datetime], None] | None = None,
) -> RunReport:
    """Apply the workspace's rules that are on, each in its own transaction.

    The run is recorded before the first rule and updated after each, so a run that
    stops with an error still proves what its committed rules deleted (its
    `finished_at` stays empty). A dry run selects the same rows, deletes nothing and
    reports their ids.
    """
    require(scope, PERMISSION)
    now = now or timezone.now()
    periods = {rule: months for rule, months in retention_periods(scope=scope).items() if months}
    run = RetentionRun.objects.create(
        workspace=scope.workspace,
        started_at=now,
        dry_run=dry_run,
        triggered_by=scope.user if scope.user is not None and scope.user.pk else None,
        periods=periods,
    )
    outcomes = []
    for rule in RetentionRule:
        months = periods.get(rule.value)
        if not months:
            continue
        cutoff = retention_cutoff(now=now, months=months)
        if progress is not None:
            progress(rule, cutoff)
        spec = RULES[rule]
        with transaction.atomic():
            selection = spec.select(scope, cutoff)
            if dry_run:
                ids = {
                    label: list(rows.values_list("pk", flat=True))
                    for label, rows in selection.items()
                }
                counts = {label: len(found) for label, found in ids.items()}
            else:
                ids = {}
                counts = spec.delete(scope=scope, selection=selection)
            run.deleted = {**run.deleted, rule.value: counts}
            run.save(update_fields=["deleted"])
        outcomes.append(RuleOutcome(rule, months, cutoff, counts, ids))
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    if not dry_run:
        audit_record(
            action=AuditAction.RETENTION_RUN,
            workspace=scope.workspace,
            actor=scope.user,
            target=run,
            details={"deleted": {outcome.rule.value: outcome.total for outcome in outcomes}},
        )
    return RunReport(run=run, outcomes=outcomes)


def run_rows(run: RetentionRun) -> list[dict]:
    """A recorded run's counts for pages: per rule its label, months and counts per model."""
    rows = []
    for rule in RetentionRule:
        if rule.value not in run.deleted:
            continue
        counts = run.deleted[rule.value]
        months = run.periods.get(rule.value)
        rows.append(
            {
                "rule": rule,
                "months": months,
                "cutoff": retention_cutoff(now=run.started_at, months=months) if months else None,
                "total": sum(counts.values()),
                "counts": [
                    (model_label(label, count), count) for label, count in sorted(counts.items())
                ],
            }
        )
    return rows


def model_label(label: str, count: int) -> str:
    """The model's verbose name ("Personen" for "contacts.Person"), singular for one."""
    try:
        options = apps.get_model(label)._meta
    except LookupError:
        return label
    return str(options.verbose_name if count == 1 else options.verbose_name_plural)
