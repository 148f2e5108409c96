"""Writes a network plan into the demo workspace.

Ties go in with `bulk_create` (a few thousand through `tie_save` one by one would
take long), set the way `tie_save` would: ends checked against the kind's rule
and, for undirected kinds, in canonical order (`canonical_ends`). Team,
recommendations and surveys go through the network's services, few as they
are, so they imply exactly the ties and log entries those create.
`auto_now_add` dates everything to now; afterwards the rows get the dates of the
demo's past, as the contacts writer does with timeline notes.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.contacts.services import FunctionData, person_create
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.specs import ContactsPlan
from netzwerkstatt.demo.writer import BATCH_SIZE, StepWriter, contacts_write
from netzwerkstatt.network.enums import TIE_RULES, NodeType
from netzwerkstatt.network.models import (
    MetricsSnapshot,
    Recommendation,
    Survey,
    SurveyAnswer,
    TeamMember,
    Tie,
)
from netzwerkstatt.network.services import (
    canonical_ends,
    network_changed,
    recommendation_create,
    recommendation_set_outcome,
    team_member_set,
)
from netzwerkstatt.network.surveys import AnswerData, survey_create, survey_submit

from .dates import LAST_DAY
from .specs import NetworkPlan, RecommendationSpec, SurveySpec, TieSpec

SURVEY_ANSWERED_AFTER_DAYS = 3
NETWORK_TABLES = (Tie, Recommendation, TeamMember, Survey, SurveyAnswer, MetricsSnapshot)
Node = Person | Organisation


@dataclass(frozen=True)
class WrittenNetwork:
    team: list[TeamMember]
    ties: int  # all the workspace's ties, with those the recommendations created
    recommendations: list[Recommendation]
    surveys: list[Survey]


class NetworkWriter(StepWriter):
    def __init__(self, **contacts):
        super().__init__(**contacts)
        self.started = timezone.now()

    def write(self, plan: NetworkPlan) -> WrittenNetwork:
        team = self._team(plan)
        self._door_openers(plan.door_openers)
        self._ties(plan.ties)
        recommendations = [self._recommendation(spec) for spec in plan.recommendations]
        surveys = [self._survey(spec) for spec in plan.surveys]
        self._dates_of_service_writes(plan.surveys, surveys)
        network_changed(scope=self.scope(Role.LEAD))
        return WrittenNetwork(
            team=team,
            ties=Tie.objects.filter(workspace=self.workspace).count(),
            recommendations=recommendations,
            surveys=surveys,
        )

    # --- the team --------------------------------------------------------------------------

    def _team(self, plan: NetworkPlan) -> list[TeamMember]:
        written = contacts_write(
            workspace=self.workspace,
            plan=ContactsPlan(
                organisations=(plan.team.organisation,),
                persons=plan.team.persons,
                notes=(),
            ),
            authors=self.users,
        )
        self.organisations.update(written.organisations)
        self.persons.update(written.persons)
        for spec in plan.team.acquaintances:  # three, at partners: through the service
            self.persons[spec.key] = person_create(
                scope=self.scope(Role.LEAD),
                salutation=spec.salutation,
                title=spec.title,
                first_name=spec.first_name,
                last_name=spec.last_name,
                notes=spec.notes,
                is_shared=spec.is_shared,
                emails=spec.emails,
                phones=spec.phones,
                functions=[
                    FunctionData(
                        organisation=self.organisations[function.organisation],
                        role=function.role,
                        department=function.department,
                        start_date=function.start_date,
                        end_date=function.end_date,
                    )
                    for function in spec.functions
                ],
            )
        scope = self.scope(Role.LEAD)
        return [
            team_member_set(
                scope=scope,
                person=self.persons[member.person],
                user=self.users[member.user] if member.user else None,
                since=member.since,
            )
            for member in plan.team.members
        ]

    def _door_openers(self, words: Mapping[str, DoorOpener]) -> None:
        by_word: dict[DoorOpener, list[int]] = {}
        for key, word in words.items():
            person = self.persons[key]
            person.door_opener = word  # for the services and later steps that use the objects
            by_word.setdefault(word, []).append(person.pk)
        for word, pks in by_word.items():
            Person.objects.filter(workspace=self.workspace, pk__in=pks).update(door_opener=word)

    # --- ties ------------------------------------------------------------------------------

    def _node(self, node_type: NodeType, key: str) -> Node:
        return self.persons[key] if node_type == NodeType.PERSON else self.organisations[key]

    def _tie(self, spec: TieSpec) -> Tie:
        rule = TIE_RULES[spec.kind]
        source, target = canonical_ends(
            kind=spec.kind,
            source=self._node(rule.source, spec.source),
            target=self._node(rule.target, spec.target),
        )
        return Tie(
            workspace=self.workspace,
            kind=spec.kind,
            source_person=source if isinstance(source, Person) else None,
            source_organisation=source if isinstance(source, Organisation) else None,
            target_person=target if isinstance(target, Person) else None,
            target_organisation=target if isinstance(target, Organisation) else None,
            strength=spec.strength,
            trust=spec.trust,
            since=spec.since,
            last_contact=spec.last_contact,
            provenance=spec.provenance,
            purpose=spec.purpose,
            project=self.projects.get(spec.project),
            note=spec.note,
            recorded_by=self.users[spec.recorded_by],
        )

    def _ties(self, specs: tuple[TieSpec, ...]) -> list[Tie]:
        ties = [self._tie(spec) for spec in specs]
        Tie.objects.bulk_create(ties, batch_size=BATCH_SIZE)
        for tie, spec in zip(ties, specs, strict=True):
            tie.created_at = _aware(spec.recorded_at)
            tie.updated_at = _updated(spec.recorded_at, spec.last_contact)
        timestamps_set(Tie, ties)
        return ties

    # --- recommendations and surveys ---------------------------------------------------------

    def _end(self, key: str) -> Node:
        return self.persons[key] if key in self.persons else self.organisations[key]

    def _recommendation(self, spec: RecommendationSpec) -> Recommendation:
        scope = self.scope(spec.recorded_by)
        recommendation = recommendation_create(
            scope=scope,
            recommender=self.persons[spec.recommender],
            subject=self._end(spec.subject),
            recipient=self._end(spec.recipient),
            date=spec.date,
            purpose=spec.purpose,
            project=self.projects.get(spec.project),
            note=spec.note,
        )
        if spec.outcome_date is not None:
            recommendation_set_outcome(
                scope=scope,
                recommendation=recommendation,
                outcome=spec.outcome,
                on=spec.outcome_date,
            )
        return recommendation

    def _survey(self, spec: SurveySpec) -> Survey:
        survey, _token = survey_create(
            scope=self.scope(Role.STAFF),
            respondent=self.persons[spec.respondent],
            message=spec.message,
        )
        if spec.answers:
            survey_submit(
                survey=survey,
                answers=[
                    AnswerData(
                        closeness=answer.closeness,
                        organisation_id=self.organisations[answer.organisation].pk
                        if answer.organisation
                        else None,
                        organisation_name=answer.organisation_name,
                        city=answer.city,
                        note=answer.note,
                    )
                    for answer in spec.answers
                ],
            )
        return survey

    def _dates_of_service_writes(
        self, specs: tuple[SurveySpec, ...], surveys: list[Survey]
    ) -> None:
        """Date what the services wrote to the demo's past: recommendations to their dates,
        the ties they created or strengthened to their last contact, surveys to when sent."""
        recommendations = list(
            Recommendation.objects.filter(workspace=self.workspace).order_by("pk")
        )
        for recommendation in recommendations:
            recommendation.created_at = _noon(recommendation.date)
            recommendation.updated_at = _noon(recommendation.outcome_date or recommendation.date)
        timestamps_set(Recommendation, recommendations)
        touched = list(
            Tie.objects.filter(workspace=self.workspace).filter(
                Q(created_at__gte=self.started) | Q(updated_at__gte=self.started)
            )
        )
        for tie in touched:
            if tie.created_at >= self.started:
                tie.created_at = _noon(tie.since or LAST_DAY)
            tie.updated_at = max(tie.created_at, _noon(tie.last_contact or LAST_DAY))
        timestamps_set(Tie, touched)
        for spec, survey in zip(specs, surveys, strict=True):
            survey.refresh_from_db()
            survey.created_at = self.started - timedelta(days=spec.sent_days_ago)
            if survey.submitted_at is not None:
                survey.submitted_at = survey.created_at + timedelta(days=SURVEY_ANSWERED_AFTER_DAYS)
            survey.save(update_fields=["created_at", "submitted_at"])


def timestamps_set(model: type[Tie | Recommendation], rows: Iterable) -> None:
    """Write the rows' `created_at` and `updated_at` as they are, which `save()` and
    `bulk_create` would set to now; one statement run for all rows (bulk_update's
    CASE expressions take seconds for a few thousand rows)."""
    table = connection.ops.quote_name(model._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    # Not an injection: the table name is our own model's, quoted by the backend.
    sql = f"UPDATE {table} SET created_at = %s, updated_at = %s WHERE id = %s"  # noqa: S608 # nosec B608
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [(adapt(row.created_at), adapt(row.updated_at), row.pk) for row in rows],
        )


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(min(day, LAST_DAY), time(12)))


def _updated(recorded_at: datetime, last_contact: date | None) -> datetime:
    """A tie was last changed when recorded, or when its last contact was entered."""
    if last_contact is None or last_contact <= recorded_at.date():
        return _aware(recorded_at)
    return _noon(last_contact)
