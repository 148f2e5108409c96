"""Writes the demo's networks into the demo workspace.

Bulk-written with what the steering services would set had the team entered each
meeting after it was held: every row checked with `full_clean` (constraints and
foreign keys aside, which the plan keeps), one log entry per model and author with
counts only, and the demo's past dates instead of now on `auto_now` fields, as the
other writers do. The meeting of the reflection workshop is linked to its event; its
attendance adds the network's people checked in there. The ties of the network app
stay as `network_step` wrote them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import models
from django.utils import timezone

from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.demo.network.plan import network_plan
from netzwerkstatt.demo.network.writer import timestamps_set
from netzwerkstatt.demo.plan import contacts_plan
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.demo.writer import BATCH_SIZE, StepWriter
from netzwerkstatt.events.models import Event, Invitation
from netzwerkstatt.steering.enums import OPEN_ACTION_STATUSES, ActionStatus
from netzwerkstatt.steering.models import (
    ActionItem,
    Decision,
    Goal,
    Handover,
    Meeting,
    Network,
    NetworkMember,
    NetworkTopic,
    ProgressEntry,
    TopicInterest,
)

from .plan import steering_plan
from .specs import MeetingSpec, NetworkSpec, SteeringPlan

STEERING_TABLES = (
    Network, NetworkMember, NetworkTopic, TopicInterest, Goal, ProgressEntry, Meeting,
    Meeting.attendees.through, Decision, ActionItem, Handover,
)  # fmt: skip
MINUTES_WRITTEN = time(16, 30)  # on the day after the meeting
ANNOUNCED_DAYS_BEFORE_TODAY = 5  # the next meeting's invitation went out before today


@dataclass(frozen=True)
class WrittenSteering:
    plan: SteeringPlan
    networks: int
    members: int
    topics: int
    goals: int
    progress_entries: int
    meetings: int
    decisions: int
    action_items: int
    open_action_items: int
    handovers: int


class DemoSteeringWriter(StepWriter):
    def write(self, *, seed: int) -> WrittenSteering:
        contacts = contacts_plan(seed=seed)
        plan = steering_plan(
            seed=seed, contacts=contacts, network=network_plan(seed=seed, contacts=contacts)
        )
        networks = self._networks(plan)
        members = self._members(plan, networks)
        topics = self._topics(plan, networks, members)
        goals, progress = self._goals(plan, networks)
        meetings, decisions, actions = self._meetings(plan, networks)
        handovers = self._handovers(plan, networks)
        self._log(Network, [(spec.created_by, 1) for spec in plan.networks])
        self._log(Goal, [(Role.LEAD, len(goals))])
        self._log(
            ProgressEntry,
            [
                (entry.recorded_by, 1)
                for network in plan.networks
                for goal in network.goals
                for entry in goal.progress
            ],
        )
        self._log(
            Meeting,
            [(spec.entered_by, 1) for network in plan.networks for spec in network.meetings],
        )
        self._log(ActionItem, [(Role.LEAD, len(actions))])
        self._log(Handover, [(Role.LEAD, len(handovers))])
        return WrittenSteering(
            plan=plan,
            networks=len(networks),
            members=len(members),
            topics=topics,
            goals=len(goals),
            progress_entries=len(progress),
            meetings=len(meetings),
            decisions=decisions,
            action_items=len(actions),
            open_action_items=sum(action.status in OPEN_ACTION_STATUSES for action in actions),
            handovers=len(handovers),
        )

    # --- networks, members and topics ------------------------------------------------------

    def _networks(self, plan: SteeringPlan) -> list[Network]:
        networks = []
        for spec in plan.networks:
            network = Network(
                workspace=self.workspace,
                name=spec.name,
                purpose=spec.purpose,
                region=spec.region,
                started_on=spec.started_on,
                successor_coordinator=self.persons[spec.successor_coordinator]
                if spec.successor_coordinator
                else None,
                handover_on=spec.handover_on,
                handover_plan=spec.handover_plan,
                created_by=self.users[spec.created_by],
            )
            _check(network)
            networks.append(network)
        Network.objects.bulk_create(networks)
        through = Network.projects.through
        through.objects.bulk_create(
            [
                through(network_id=network.pk, project_id=self.projects[name].pk)
                for network, spec in zip(networks, plan.networks, strict=True)
                for name in spec.projects
            ]
        )
        for network, spec in zip(networks, plan.networks, strict=True):
            network.created_at = _at(spec.started_on, time(17))
            last = max(meeting.held_on for meeting in spec.meetings if meeting.minutes)
            network.updated_at = _at(last + timedelta(days=1), MINUTES_WRITTEN)
        timestamps_set(Network, networks)
        return networks

    def _members(self, plan: SteeringPlan, networks: list[Network]) -> list[NetworkMember]:
        members = []
        for network, spec in zip(networks, plan.networks, strict=True):
            for member in spec.members:
                row = NetworkMember(
                    workspace=self.workspace,
                    network=network,
                    organisation=self.organisations[member.organisation]
                    if member.organisation
                    else None,
                    person=self.persons[member.person] if member.person else None,
                    role=member.role,
                    joined_on=member.joined_on,
                )
                _check(row)
                members.append(row)
        NetworkMember.objects.bulk_create(members, batch_size=BATCH_SIZE)
        return members

    def _topics(
        self, plan: SteeringPlan, networks: list[Network], members: list[NetworkMember]
    ) -> int:
        topics = {
            (network.pk, name): NetworkTopic(
                workspace=self.workspace, network=network, name=name, description=description
            )
            for network, spec in zip(networks, plan.networks, strict=True)
            for name, description in spec.topics
        }
        for topic in topics.values():
            _check(topic)
        NetworkTopic.objects.bulk_create(topics.values())
        specs = [member for spec in plan.networks for member in spec.members]
        interests = [
            TopicInterest(
                workspace=self.workspace,
                topic=topics[row.network_id, name],
                member=row,
                level=level,
            )
            for row, member in zip(members, specs, strict=True)
            for name, level in member.interests
        ]
        for interest in interests:
            _check(interest)
        TopicInterest.objects.bulk_create(interests, batch_size=BATCH_SIZE)
        return len(topics)

    # --- goals -----------------------------------------------------------------------------

    def _goals(
        self, plan: SteeringPlan, networks: list[Network]
    ) -> tuple[list[Goal], list[ProgressEntry]]:
        pairs = [
            (network, spec, goal)
            for network, spec in zip(networks, plan.networks, strict=True)
            for goal in spec.goals
        ]
        goals = [
            Goal(
                workspace=self.workspace,
                network=network,
                title=goal.title,
                description=goal.description,
                indicator=goal.indicator,
                indicator_filter=dict(goal.indicator_filter),
                target_value=goal.target_value,
                unit=goal.unit,
                target_date=goal.target_date,
            )
            for network, _spec, goal in pairs
        ]
        for goal in goals:
            _check(goal)
        Goal.objects.bulk_create(goals)
        progress = [
            ProgressEntry(
                workspace=self.workspace,
                goal=row,
                recorded_on=entry.recorded_on,
                value=entry.value,
                note=entry.note,
                recorded_by=self.users[entry.recorded_by],
            )
            for row, (_network, _spec, goal) in zip(goals, pairs, strict=True)
            for entry in goal.progress
        ]
        for entry in progress:
            _check(entry)
        ProgressEntry.objects.bulk_create(progress, batch_size=BATCH_SIZE)
        for row, (_network, spec, goal) in zip(goals, pairs, strict=True):
            # agreed at the second meeting, the draft of the first
            row.created_at = _at(spec.meetings[1].held_on + timedelta(days=1), MINUTES_WRITTEN)
            row.updated_at = (
                _at(goal.progress[-1].recorded_on, time(15)) if goal.progress else row.created_at
            )
        timestamps_set(Goal, goals)
        return goals, progress

    # --- meetings --------------------------------------------------------------------------

    def _meetings(
        self, plan: SteeringPlan, networks: list[Network]
    ) -> tuple[list[Meeting], int, list[ActionItem]]:
        event = Event.objects.filter(workspace=self.workspace).order_by("pk").first()
        pairs = [
            (network, spec, meeting)
            for network, spec in zip(networks, plan.networks, strict=True)
            for meeting in spec.meetings
        ]
        meetings = [
            Meeting(
                workspace=self.workspace,
                network=network,
                event=event if meeting.at_event else None,
                title=meeting.title,
                held_on=meeting.held_on,
                agenda=meeting.agenda,
                minutes=meeting.minutes,
                created_by=self.users[meeting.entered_by],
            )
            for network, _spec, meeting in pairs
        ]
        for meeting in meetings:
            _check(meeting)
        Meeting.objects.bulk_create(meetings, batch_size=BATCH_SIZE)
        self._attendance(pairs, meetings, event)
        decisions = [
            Decision(workspace=self.workspace, meeting=row, text=text)
            for row, (_network, _spec, meeting) in zip(meetings, pairs, strict=True)
            for text in meeting.decisions
        ]
        for decision in decisions:
            _check(decision)
        Decision.objects.bulk_create(decisions, batch_size=BATCH_SIZE)
        actions = self._actions(pairs, meetings)
        for row, (_network, _spec, meeting) in zip(meetings, pairs, strict=True):
            row.created_at = row.updated_at = _entered(meeting)
        timestamps_set(Meeting, meetings)
        return meetings, len(decisions), actions

    def _attendance(
        self, pairs: list[tuple[Network, NetworkSpec, MeetingSpec]], meetings: list[Meeting], event
    ) -> None:
        at_event: set[int] = set()
        if event is not None:
            at_event = set(
                Invitation.objects.filter(
                    workspace=self.workspace, event=event, checked_in_at__isnull=False
                ).values_list("person_id", flat=True)
            )
        through = Meeting.attendees.through
        rows = []
        for row, (_network, spec, meeting) in zip(meetings, pairs, strict=True):
            attendees = [self.persons[key].pk for key in meeting.attendees]
            if meeting.at_event:
                network_people = {self.persons[m.contact].pk for m in spec.members}
                attendees += sorted((at_event & network_people) - set(attendees))
            rows += [through(meeting_id=row.pk, person_id=pk) for pk in attendees]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    def _actions(
        self, pairs: list[tuple[Network, NetworkSpec, MeetingSpec]], meetings: list[Meeting]
    ) -> list[ActionItem]:
        specs = [
            (row, meeting, action)
            for row, (_network, _spec, meeting) in zip(meetings, pairs, strict=True)
            for action in meeting.actions
        ]
        actions = [
            ActionItem(
                workspace=self.workspace,
                network=row.network,
                meeting=row,
                title=action.title,
                description=action.description,
                owner=self.persons[action.owner],
                due_on=action.due_on,
                status=action.status,
                done_at=_aware(action.done_at) if action.done_at else None,
            )
            for row, _meeting, action in specs
        ]
        for action in actions:
            _check(action)
        ActionItem.objects.bulk_create(actions, batch_size=BATCH_SIZE)
        for row, (_meeting_row, meeting, action) in zip(actions, specs, strict=True):
            row.created_at = _entered(meeting)
            row.updated_at = row.done_at or row.created_at
            if action.status == ActionStatus.DROPPED:
                row.updated_at = _at(
                    min(action.due_on, REFERENCE_DATE - timedelta(days=1)), time(11)
                )
        timestamps_set(ActionItem, actions)
        return actions

    # --- handover --------------------------------------------------------------------------

    def _handovers(self, plan: SteeringPlan, networks: list[Network]) -> list[Handover]:
        handovers = [
            Handover(
                workspace=self.workspace,
                network=network,
                staff=self.persons[handover.staff],
                member=self.persons[handover.member],
                successor=self.persons[handover.successor],
                introduce_on=handover.introduce_on,
                introduced_on=handover.introduced_on,
                note=handover.note,
            )
            for network, spec in zip(networks, plan.networks, strict=True)
            for handover in spec.handovers
        ]
        for handover in handovers:
            _check(handover)
        Handover.objects.bulk_create(handovers)
        return handovers

    def _log(self, model: type[models.Model], authors: Iterable[tuple[Role, int]]) -> None:
        counts: dict[Role, int] = {}
        for role, count in authors:
            counts[role] = counts.get(role, 0) + count
        for role in sorted(counts):
            if counts[role]:
                activity_record(
                    scope=self.scope(role),
                    action=Action.CREATED,
                    details={"model": model._meta.label_lower, "count": counts[role]},
                )


def _check(row: models.Model) -> None:
    """What `full_clean` checks but the foreign keys (one query each, and the plan keeps
    them in the workspace) and the constraints (the plan keeps those too)."""
    row.clean_fields(exclude=[field.name for field in row._meta.fields if field.is_relation])
    row.clean()


def _entered(meeting: MeetingSpec) -> datetime:
    """Minutes are entered the day after the meeting; a planned meeting a few days ago."""
    if not meeting.minutes:
        return _at(REFERENCE_DATE - timedelta(days=ANNOUNCED_DAYS_BEFORE_TODAY), time(10))
    return _at(meeting.held_on + timedelta(days=1), MINUTES_WRITTEN)


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


def _at(day: date, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))
