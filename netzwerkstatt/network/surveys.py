"""The partner network survey ("Netzwerkbefragung"): services and selectors.

A team member sends a partner a link; the partner names, without logging in,
the companies and organisations they work with and how closely. The answers
wait in a review queue and become ties (person → organisation, "works together
with") only when a team member accepts them.

The link carries a random token; only its SHA-256 is stored, so the database
alone does not open a survey. The token identifies the survey and through it
the workspace: the public side reads by token (`survey_by_token`) instead of
through a `Scope`, and shows nothing of the workspace beyond the names and
towns of its organisations (the autocomplete).
"""

import enum
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import EmailAddress, Organisation, Person
from netzwerkstatt.contacts.normalise import name_key
from netzwerkstatt.contacts.services import organisation_create
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from .enums import AnswerStatus, Provenance, TieKind
from .models import Survey, SurveyAnswer, Tie
from .services import tie_save

# Who may send surveys, see them and review their answers: the team, never partners.
SURVEY_PERMISSION = "change_network"
# What an accepted answer's tie records as its purpose (data, not UI text).
SURVEY_PURPOSE = "Netzwerkbefragung"
VALID_DAYS_DEFAULT = 30
VALID_DAYS_MAX = 365
# One submission holds at most this many organisations.
MAX_ANSWERS = 50
# The public autocomplete: at least this many characters, at most this many results.
SUGGESTION_MIN_CHARACTERS = 3
SUGGESTION_LIMIT = 10
_TOKEN_BYTES = 32  # 256 bits: guessing is hopeless, throttling only keeps the noise down
_TOKEN_MAX_LENGTH = 100


class SurveyState(enum.Enum):
    OPEN = "open"
    EXPIRED = "expired"
    ANSWERED = "answered"


class SurveyClosedError(Exception):
    """The survey cannot be answered (any more): it was answered already or has expired."""

    def __init__(self, state: SurveyState):
        super().__init__(state.value)
        self.state = state


@dataclass(frozen=True)
class AnswerData:
    """One row of the public form: a known organisation (by id) or a free entry, and how closely."""

    closeness: int
    organisation_id: int | None = None
    organisation_name: str = ""
    city: str = ""
    note: str = ""


@dataclass(frozen=True)
class OrganisationSuggestion:
    """What the public autocomplete may show of an organisation: its name and town, nothing else."""

    pk: int
    name: str
    city: str


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def survey_state(survey: Survey, *, now=None) -> SurveyState:
    if survey.submitted_at is not None:
        return SurveyState.ANSWERED
    if survey.expires_at <= (now or timezone.now()):
        return SurveyState.EXPIRED
    return SurveyState.OPEN


def _require(scope: Scope) -> None:
    if not scope.can(SURVEY_PERMISSION):
        raise PermissionDenied(SURVEY_PERMISSION)


def _expiry(valid_days: int):
    if not 1 <= valid_days <= VALID_DAYS_MAX:
        raise ValidationError(
            _("A survey link is valid for 1 to %(days)s days.") % {"days": VALID_DAYS_MAX}
        )
    return timezone.now() + timedelta(days=valid_days)


def _new_token() -> tuple[str, str]:
    raw = secrets.token_urlsafe(_TOKEN_BYTES)
    return raw, token_hash(raw)


# --- services ---------------------------------------------------------------------------


@transaction.atomic
def survey_create(
    *, scope: Scope, respondent: Person, message: str = "", valid_days: int = VALID_DAYS_DEFAULT
) -> tuple[Survey, str]:
    """Create a survey for the respondent; returns it with the raw token, which is stored nowhere."""
    _require(scope)
    if respondent.workspace_id != scope.workspace.pk:
        raise ValidationError(_("The respondent belongs to another workspace."))
    raw, hashed = _new_token()
    survey = Survey(
        workspace=scope.workspace,
        respondent=respondent,
        token_hash=hashed,
        message=message.strip(),
        created_by=scope.user,
        expires_at=_expiry(valid_days),
    )
    # `created_by` is not blank=True on the model; a command's scope has no user to name.
    survey.full_clean(exclude=["created_by"] if scope.user is None else None)
    survey.save()
    activity_record(
        scope=scope, action=Action.CREATED, target=survey, details={"respondent": respondent.pk}
    )
    return survey, raw


@transaction.atomic
def survey_link_renew(*, scope: Scope, survey: Survey, valid_days: int = VALID_DAYS_DEFAULT) -> str:
    """A new link for an unanswered survey; the old one stops working. Returns the raw token."""
    _require(scope)
    survey = scope.objects(Survey).select_for_update().get(pk=survey.pk)
    if survey.submitted_at is not None:
        raise ValidationError(_("The survey has been answered; its link cannot be renewed."))
    raw, survey.token_hash = _new_token()
    survey.expires_at = _expiry(valid_days)
    survey.full_clean(exclude=["created_by"])
    survey.save(update_fields=["token_hash", "expires_at"])
    activity_record(scope=scope, action=Action.UPDATED, target=survey, details={"fields": ["link"]})
    return raw


@transaction.atomic
def survey_submit(*, survey: Survey, answers: Sequence[AnswerData]) -> list[SurveyAnswer]:
    """Store the respondent's answers, once; they wait for review.

    Called from the public page: the token has identified the survey, so this
    acts in the survey's workspace without a user. Raises SurveyClosedError when
    the survey was answered or has expired meanwhile, ValidationError for answers
    that name an organisation outside the workspace or break the model's rules.
    """
    survey = Survey.objects.select_for_update().select_related("workspace").get(pk=survey.pk)
    state = survey_state(survey)
    if state is not SurveyState.OPEN:
        raise SurveyClosedError(state)
    if not answers:
        raise ValidationError(_("Name at least one company or organisation."))
    if len(answers) > MAX_ANSWERS:
        raise ValidationError(
            _("Name at most %(count)s organisations at once.") % {"count": MAX_ANSWERS}
        )
    scope = Scope.system(survey.workspace)
    known_ids = {answer.organisation_id for answer in answers if answer.organisation_id}
    known = scope.objects(Organisation).in_bulk(known_ids)
    if known.keys() != known_ids:
        raise ValidationError(_("An organisation you chose is not known here."))
    rows = []
    for answer in answers:
        row = SurveyAnswer(
            workspace=survey.workspace,
            survey=survey,
            organisation=known.get(answer.organisation_id),
            organisation_name="" if answer.organisation_id else answer.organisation_name.strip(),
            city="" if answer.organisation_id else answer.city.strip(),
            closeness=answer.closeness,
            note=answer.note.strip(),
        )
        row.full_clean(exclude=["survey", "workspace"])
        rows.append(row)
    SurveyAnswer.objects.bulk_create(rows)
    survey.submitted_at = timezone.now()
    survey.save(update_fields=["submitted_at"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=survey, details={"answers": len(rows)}
    )
    return rows


@transaction.atomic
def survey_answer_accept(
    *,
    scope: Scope,
    answer: SurveyAnswer,
    organisation: Organisation | None = None,
    create_organisation: bool = False,
) -> Tie:
    """Turn a pending answer into a tie from the respondent to the organisation.

    The organisation is the one the respondent chose; for a free entry the
    reviewer passes an existing `organisation` or asks to create one from the
    entry's name and town (`create_organisation`). The tie is created or
    strengthened through `tie_save`, with the closeness as strength.
    """
    _require(scope)
    answer = _pending(scope, answer)
    if organisation is not None:
        if organisation.workspace_id != scope.workspace.pk:
            raise ValidationError(_("The organisation belongs to another workspace."))
    elif answer.organisation is not None:
        organisation = answer.organisation
    elif create_organisation:
        organisation = organisation_create(
            scope=scope, name=answer.organisation_name, city=answer.city
        )
    else:
        raise ValidationError(
            _("Choose the organisation this answer means, or create it from the entry.")
        )
    tie, _created = tie_save(
        scope=scope,
        kind=TieKind.COLLABORATES,
        source=answer.survey.respondent,
        target=organisation,
        strength=answer.closeness,
        provenance=Provenance.SURVEY,
        purpose=SURVEY_PURPOSE,
        note=answer.note,
    )
    answer.organisation = organisation
    answer.tie = tie
    _reviewed(scope, answer, AnswerStatus.ACCEPTED)
    return tie


@transaction.atomic
def survey_answer_reject(*, scope: Scope, answer: SurveyAnswer) -> None:
    _require(scope)
    _reviewed(scope, _pending(scope, answer), AnswerStatus.REJECTED)


@transaction.atomic
def survey_accept_all(*, scope: Scope, survey: Survey) -> tuple[int, int]:
    """Accept the survey's pending answers that name a known organisation.

    Free entries need the reviewer to choose or create their organisation, so
    they stay pending. Returns how many were accepted and how many are left.
    """
    _require(scope)
    pending = list(
        scope.objects(SurveyAnswer)
        .filter(survey_id=survey.pk, status=AnswerStatus.PENDING)
        .select_related("survey__respondent", "organisation")
    )
    accepted = 0
    for answer in pending:
        if answer.organisation_id is not None:
            survey_answer_accept(scope=scope, answer=answer)
            accepted += 1
    return accepted, len(pending) - accepted


def _pending(scope: Scope, answer: SurveyAnswer) -> SurveyAnswer:
    """The answer, locked and re-read; ValidationError if someone reviewed it meanwhile."""
    locked = (
        scope.objects(SurveyAnswer)
        # only the answer's row: PostgreSQL cannot lock the nullable side of the joins
        .select_for_update(of=("self",))
        .select_related("survey__respondent", "organisation")
        .get(pk=answer.pk)
    )
    if locked.status != AnswerStatus.PENDING:
        raise ValidationError(_("This answer has been reviewed already."))
    return locked


def _reviewed(scope: Scope, answer: SurveyAnswer, status: AnswerStatus) -> None:
    answer.status = status
    answer.reviewed_by = scope.user
    answer.reviewed_at = timezone.now()
    answer.full_clean()
    answer.save()
    details = {"answer": answer.pk, "status": status.value}
    if answer.tie_id:
        details["tie"] = answer.tie_id
    activity_record(scope=scope, action=Action.UPDATED, target=answer.survey, details=details)


# --- selectors --------------------------------------------------------------------------


def survey_by_token(*, token: str) -> Survey | None:
    """The survey a link's token opens, whatever its state; None for an unknown token.

    Deliberately unscoped: the token is what identifies the survey and its workspace.
    """
    if not token or len(token) > _TOKEN_MAX_LENGTH:
        return None
    return (
        Survey.objects.select_related("workspace", "respondent")
        .filter(token_hash=token_hash(token))
        .first()
    )


def survey_organisation_suggestions(
    *, survey: Survey, query: str, limit: int = SUGGESTION_LIMIT
) -> list[OrganisationSuggestion]:
    """Organisations of the survey's workspace whose name contains every word typed.

    Only names and towns leave the workspace here, only for queries of at least
    three characters, and at most `limit` (10) of them.
    """
    words = name_key(query).split()
    if len(query.strip()) < SUGGESTION_MIN_CHARACTERS or not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(name_key__contains=word)
    rows = (
        Scope.system(survey.workspace)
        .objects(Organisation)
        .filter(condition)
        .order_by("name", "id")
        .values_list("pk", "name", "city")[: min(limit, SUGGESTION_LIMIT)]
    )
    return [OrganisationSuggestion(pk, name, city) for pk, name, city in rows]


def survey_list(*, scope: Scope) -> QuerySet[Survey]:
    """The workspace's surveys, newest first, with their answers counted by status."""
    return (
        scope.objects(Survey)
        .select_related("respondent", "created_by")
        .annotate(
            answers_pending=Count("answers", filter=Q(answers__status=AnswerStatus.PENDING)),
            answers_accepted=Count("answers", filter=Q(answers__status=AnswerStatus.ACCEPTED)),
            answers_rejected=Count("answers", filter=Q(answers__status=AnswerStatus.REJECTED)),
        )
        .order_by("-created_at", "-id")
    )


def survey_detail(*, scope: Scope, pk: int) -> Survey:
    """The survey with its answers (and their organisations); Http404 outside the scope."""
    queryset = (
        scope.objects(Survey)
        .select_related("respondent", "created_by")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=scope.objects(SurveyAnswer).select_related("organisation", "tie"),
            ),
            Prefetch("respondent__emails", queryset=scope.objects(EmailAddress)),
        )
    )
    try:
        return queryset.get(pk=pk)
    except (Survey.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Survey._meta.verbose_name) from error


def survey_review_queue(*, scope: Scope) -> QuerySet[Survey]:
    """Surveys with answers waiting for review, oldest first; `pending_answers` holds those answers."""
    pending = (
        scope.objects(SurveyAnswer)
        .filter(status=AnswerStatus.PENDING)
        .select_related("organisation")
        .order_by("id")
    )
    return (
        scope.objects(Survey)
        .filter(answers__status=AnswerStatus.PENDING)
        .distinct()
        .select_related("respondent")
        .prefetch_related(Prefetch("answers", queryset=pending, to_attr="pending_answers"))
        .order_by("submitted_at", "id")
    )


def survey_pending_count(*, scope: Scope) -> int:
    return scope.objects(SurveyAnswer).filter(status=AnswerStatus.PENDING).count()


def survey_answer_candidates(
    *, scope: Scope, answers: Sequence[SurveyAnswer], limit: int = 5
) -> dict[int, list[Organisation]]:
    """For free-entry answers: the workspace's organisations with the same name, by answer id.

    One query for all answers, so a review page costs the same however many
    free entries it shows.
    """
    free = {
        answer.pk: name_key(answer.organisation_name)
        for answer in answers
        if answer.organisation_id is None
    }
    free = {pk: key for pk, key in free.items() if key}
    if not free:
        return {}
    by_key: dict[str, list[Organisation]] = {}
    for organisation in scope.objects(Organisation).filter(name_key__in=set(free.values())):
        by_key.setdefault(organisation.name_key, []).append(organisation)
    return {pk: by_key.get(key, [])[:limit] for pk, key in free.items()}
