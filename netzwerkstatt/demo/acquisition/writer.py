"""Writes the demo's acquisition into the demo workspace.

The needs vocabulary, the measures catalogue and the stages go through the
acquisition services. The pipeline is bulk-written with what `approach_create` and
`approach_move` would have set had the owners entered each step on its date: a
StageChange per move with its real date and the owner, each card in its last stage in
the order the cards arrived there (through the services, the 600-odd steps took
seconds). Target profiles, benefit templates, dossiers, agreed measures and
activities are bulk-written the same way; activities do not touch the ties (see
`plan`), and `auto_now` dates get the demo's past afterwards, as the other writers do.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import F
from django.utils import timezone

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.models import (
    Activity,
    Approach,
    ApproachMeasure,
    BenefitTemplate,
    DecisionMaker,
    Dossier,
    IdentifiedNeed,
    Measure,
    Need,
    ResearchNote,
    StageChange,
    TargetProfile,
)
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.demo.network.plan import network_plan
from netzwerkstatt.demo.network.writer import timestamps_set
from netzwerkstatt.demo.plan import contacts_plan
from netzwerkstatt.demo.writer import BATCH_SIZE, StepWriter
from netzwerkstatt.network.models import Tie

from . import content
from .plan import acquisition_plan
from .specs import AcquisitionPlan, ApproachSpec, PersonTie

# The foreign keys of an approach, which `clean_fields` would look up one query each.
RELATED_FIELDS = [field for field in Approach._meta.fields if field.is_relation]
ACQUISITION_TABLES = (
    Approach, StageChange, ApproachMeasure, Activity, Activity.participants.through, Dossier,
    ResearchNote, IdentifiedNeed, DecisionMaker,
)  # fmt: skip


@dataclass(frozen=True)
class WrittenAcquisition:
    plan: AcquisitionPlan
    needs: int
    measures: int
    approaches: int
    stage_changes: int
    activities: int
    dossiers: int
    follow_ups: int  # open ones


class DemoAcquisitionWriter(StepWriter):
    def write(self, *, seed: int) -> WrittenAcquisition:
        lead = self.scope(Role.LEAD)
        services.needs_create_defaults(scope=lead)
        needs = {need.name: need for need in lead.objects(Need)}
        measures = self._catalogue(lead, needs)
        self._profiles()
        templates = self._templates()
        contacts = contacts_plan(seed=seed)
        plan = acquisition_plan(
            seed=seed,
            contacts=contacts,
            network=network_plan(seed=seed, contacts=contacts),
            ties=self._person_ties(),
        )
        approaches = self._pipeline(plan, templates)
        dossiers = self._dossiers(plan, approaches, needs)
        self._agreements(plan, approaches, measures)
        activities = self._activities(plan, approaches)
        Approach.objects.filter(workspace=self.workspace).update(updated_at=F("stage_changed_at"))
        services.acquisition_changed(scope=lead)
        return WrittenAcquisition(
            plan=plan,
            needs=len(needs),
            measures=len(measures),
            approaches=len(approaches),
            stage_changes=sum(len(spec.moves) for spec in plan.approaches),
            activities=len(activities),
            dossiers=len(dossiers),
            follow_ups=sum(
                1
                for activity in activities
                if activity.follow_up_on and activity.follow_up_done_at is None
            ),
        )

    # --- the projects' material ------------------------------------------------------------

    def _catalogue(self, scope: Scope, needs: Mapping[str, Need]) -> dict[tuple[str, str], Measure]:
        return {
            (project, text.name): services.measure_create(
                scope=scope,
                project=self.projects[project],
                name=text.name,
                needs=[needs[name] for name in text.needs],
                description=text.description,
                target_group=text.target_group,
                effort=text.effort,
                effort_note=text.effort_note,
                cost=text.cost,
                funded=text.funded,
                duration=text.duration,
            )
            for project, texts in content.MEASURES.items()
            for text in texts
        }

    def _profiles(self) -> None:
        profiles = []
        for project, text in content.PROFILES.items():
            profile = TargetProfile(
                workspace=self.workspace,
                project=self.projects[project],
                sectors=list(text.sectors),
                size_classes=[size.value for size in text.size_classes],
                districts=list(text.districts),
                **{f"{part}_weight": weight for part, weight in text.weights.items()},
            )
            profile.full_clean(validate_constraints=False)
            profiles.append(profile)
        TargetProfile.objects.bulk_create(profiles)

    def _templates(self) -> dict[str, BenefitTemplate]:
        templates = {}
        for project, text in content.BENEFIT_TEMPLATES.items():
            template = BenefitTemplate(
                workspace=self.workspace,
                project=self.projects[project],
                name=content.BENEFIT_TEMPLATE_NAME,
                text=text,
            )
            template.full_clean(validate_constraints=False)
            templates[project] = template
        BenefitTemplate.objects.bulk_create(templates.values())
        return templates

    def _person_ties(self) -> list[PersonTie]:
        """The ties between two persons as written, with the keys of the contacts specs."""
        key_of = {person.pk: key for key, person in self.persons.items()}
        rows = (
            Tie.objects.filter(
                workspace=self.workspace,
                source_person__isnull=False,
                target_person__isnull=False,
            )
            .order_by("pk")
            .values_list("source_person_id", "target_person_id", "kind", "since", "last_contact")
        )
        return [
            PersonTie(key_of[source], key_of[target], kind, since, last_contact)
            for source, target, kind, since, last_contact in rows
            if source in key_of and target in key_of
        ]

    # --- the pipeline ----------------------------------------------------------------------

    def _pipeline(
        self, plan: AcquisitionPlan, templates: Mapping[str, BenefitTemplate]
    ) -> list[Approach]:
        """The approaches and every move of theirs, as `approach_create` and `approach_move`
        would have left them had the owners entered them on their dates: each card in its
        last stage, placed in the order the cards arrived there."""
        stages = {
            name: {
                stage.kind: stage
                for stage in services.stages_ensure(scope=self.scope(Role.LEAD), project=project)
            }
            for name, project in self.projects.items()
        }
        arrived = sorted(
            range(len(plan.approaches)), key=lambda number: plan.approaches[number].moves[-1].at
        )
        positions: dict[int, int] = {}
        in_stage: dict[tuple[str, str], int] = {}
        for number in arrived:
            spec = plan.approaches[number]
            place = (spec.project, spec.kinds[-1])
            positions[number] = in_stage.get(place, 0)
            in_stage[place] = positions[number] + 1
        approaches = []
        for number, spec in enumerate(plan.approaches):
            approach = Approach(
                workspace=self.workspace,
                project=self.projects[spec.project],
                organisation=self.organisations[spec.company],
                stage=stages[spec.project][spec.kinds[-1]],
                stage_changed_at=_aware(spec.moves[-1].at),
                position=positions[number],
                channel=spec.channel,
                created_by=self.users[spec.owner],
                created_at=_aware(spec.created_at),
                **self._approach_fields(spec, templates),
            )
            approach.clean_fields(exclude=[field.name for field in RELATED_FIELDS])
            approaches.append(approach)
        Approach.objects.bulk_create(approaches, batch_size=BATCH_SIZE)
        StageChange.objects.bulk_create(
            [
                StageChange(
                    workspace=self.workspace,
                    approach=approach,
                    stage=stages[spec.project][move.kind],
                    kind=move.kind,
                    changed_at=_aware(move.at),
                    changed_by=self.users[spec.owner],
                )
                for spec, approach in zip(plan.approaches, approaches, strict=True)
                for move in spec.moves
            ],
            batch_size=BATCH_SIZE,
        )
        for role in sorted({spec.owner for spec in plan.approaches}):
            activity_record(
                scope=self.scope(role),
                action=Action.CREATED,
                details={
                    "model": Approach._meta.label_lower,
                    "count": sum(spec.owner == role for spec in plan.approaches),
                },
            )
        return approaches

    def _approach_fields(self, spec: ApproachSpec, templates: Mapping[str, BenefitTemplate]):
        return {
            "owner": self.users[spec.owner],
            "contact_person": self.persons[spec.contact],
            "introducer": self.persons[spec.introducer] if spec.introducer else None,
            "benefit_template": templates[spec.project] if spec.benefit_statement else None,
            "benefit_statement": spec.benefit_statement,
            "next_step": spec.next_step,
            "next_step_on": spec.next_step_on,
            "closing_note": spec.closing_note,
        }

    # --- what the team found out and agreed ------------------------------------------------

    def _dossiers(
        self, plan: AcquisitionPlan, approaches: list[Approach], needs: Mapping[str, Need]
    ) -> list[Dossier]:
        pairs = [
            (spec, approach)
            for spec, approach in zip(plan.approaches, approaches, strict=True)
            if spec.dossier is not None
        ]
        dossiers = [
            Dossier(
                workspace=self.workspace,
                project=approach.project,
                organisation=approach.organisation,
                situation=spec.dossier.situation,
                share_50_plus=spec.dossier.share_50_plus,
                open_positions=spec.dossier.open_positions,
                recent_events=spec.dossier.recent_events,
                updated_by=self.users[spec.owner],
            )
            for spec, approach in pairs
        ]
        Dossier.objects.bulk_create(dossiers, batch_size=BATCH_SIZE)
        notes, identified, makers = [], [], []
        for (spec, _approach), dossier in zip(pairs, dossiers, strict=True):
            notes += [
                ResearchNote(
                    workspace=self.workspace,
                    dossier=dossier,
                    text=note.text,
                    source=note.source,
                    noted_on=note.day,
                    author=self.users[spec.owner],
                )
                for note in spec.dossier.notes
            ]
            identified += [
                IdentifiedNeed(
                    workspace=self.workspace, dossier=dossier, need=needs[name], evidence=evidence
                )
                for name, evidence in spec.dossier.needs
            ]
            makers += [
                DecisionMaker(
                    workspace=self.workspace,
                    dossier=dossier,
                    person=self.persons[person],
                    role=role,
                    note=note,
                )
                for person, role, note in spec.dossier.decision_makers
            ]
            days = [note.day for note in spec.dossier.notes]
            dossier.created_at = _at(min(days), time(16))
            dossier.updated_at = _at(max(days), time(16, 30))
        ResearchNote.objects.bulk_create(notes, batch_size=BATCH_SIZE)
        IdentifiedNeed.objects.bulk_create(identified, batch_size=BATCH_SIZE)
        DecisionMaker.objects.bulk_create(makers, batch_size=BATCH_SIZE)
        timestamps_set(Dossier, dossiers)
        return dossiers

    def _agreements(
        self,
        plan: AcquisitionPlan,
        approaches: list[Approach],
        measures: Mapping[tuple[str, str], Measure],
    ) -> None:
        ApproachMeasure.objects.bulk_create(
            [
                ApproachMeasure(
                    workspace=self.workspace,
                    approach=approach,
                    measure=measures[spec.project, agreement.measure],
                    agreed_on=agreement.agreed_on,
                    delivered_on=agreement.delivered_on,
                    participants=agreement.participants,
                )
                for spec, approach in zip(plan.approaches, approaches, strict=True)
                for agreement in spec.agreements
            ],
            batch_size=BATCH_SIZE,
        )

    def _activities(self, plan: AcquisitionPlan, approaches: list[Approach]) -> list[Activity]:
        pairs = [
            (spec, approach, activity)
            for spec, approach in zip(plan.approaches, approaches, strict=True)
            for activity in spec.activities
        ]
        activities = [
            Activity(
                workspace=self.workspace,
                project=approach.project,
                organisation=approach.organisation,
                approach=approach,
                kind=activity.kind,
                occurred_on=activity.day,
                summary=activity.summary,
                outcome=activity.outcome,
                follow_up_on=activity.follow_up_on,
                follow_up_by=self.users[spec.owner] if activity.follow_up_on else None,
                follow_up_done_at=_aware(activity.follow_up_done_at)
                if activity.follow_up_done_at
                else None,
                created_by=self.users[spec.owner],
            )
            for spec, approach, activity in pairs
        ]
        Activity.objects.bulk_create(activities, batch_size=BATCH_SIZE)
        through = Activity.participants.through
        through.objects.bulk_create(
            [
                through(activity_id=row.pk, person_id=self.persons[person].pk)
                for row, (_spec, _approach, activity) in zip(activities, pairs, strict=True)
                for person in activity.participants
            ],
            batch_size=BATCH_SIZE,
        )
        for row in activities:
            row.created_at = row.updated_at = _at(row.occurred_on, time(17, 30))
        timestamps_set(Activity, activities)
        return activities


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


def _at(day, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))
