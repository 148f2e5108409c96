"""The demo's two regional networks as plain data, the same for the same seed.

Members are the partners each network names and companies of its districts, those the
team can reach warmly first; each organisation sends one contact to the meetings, the
one closest to the team. Meetings come every six to eight weeks over the year before
the reference date, each with a focus topic, and one more is planned after it. Tasks
older than a few weeks are mostly done; the demo users keep a few open ones overdue,
due this week and later, for their "Heute" page.
"""

import random
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.acquisition.dates import next_workday, workday
from netzwerkstatt.demo.network.index import DemoIndex
from netzwerkstatt.demo.network.specs import Access, NetworkPlan
from netzwerkstatt.demo.network.team import ACQUISITION_KEY, LEAD_KEY
from netzwerkstatt.demo.specs import REFERENCE_DATE, ContactsPlan
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.steering.enums import ActionStatus, IndicatorKind, Interest, MemberRole

from . import content
from .content import GoalText, NetworkText
from .specs import (
    ActionSpec,
    GoalSpec,
    HandoverSpec,
    MeetingSpec,
    MemberSpec,
    NetworkSpec,
    ProgressSpec,
    SteeringPlan,
)

MIN_WEEKS, MAX_WEEKS = 6, 8  # between meetings
ATTENDS = {MemberRole.COORDINATION: 0.95, MemberRole.MEMBER: 0.62, MemberRole.GUEST: 0.35}
ATTENDS_MORE = 0.02  # per meeting: attendance grows as the network settles
FOUNDING_SHARE = 0.4  # companies there from the first meeting; the others join later
WITHOUT_SHARED = 2  # members per network who have named no topic yet
DONE_AFTER = timedelta(days=21)  # tasks due longer ago than this are mostly settled
DONE, DROPPED = 0.88, 0.05  # shares of the settled tasks; the rest are still open, overdue
PERSON_TIES = (TieKind.KNOWS, TieKind.WORKS_WITH)
STRONG = 4
HANDOVERS = 5
INTRODUCED = 2
# The demo users' open tasks: days from the reference date on which they are due.
REMINDERS = {Role.LEAD: (-8, -4, 2, 4, 17, 31), Role.STAFF: (-6, -3, 1, 3, 10, 24)}
USER_PERSONS = {Role.LEAD: LEAD_KEY, Role.STAFF: ACQUISITION_KEY}
ACCESS_RANK = {Access.WARM: 0, Access.TEAM: 0, Access.UNASKED: 1, Access.SECOND_HAND: 1}


def steering_plan(*, seed: int, contacts: ContactsPlan, network: NetworkPlan) -> SteeringPlan:
    index = DemoIndex.build(
        organisations=contacts.organisations, persons=contacts.persons, team=network.team
    )
    closeness = _team_closeness(index, network)
    return SteeringPlan(
        networks=tuple(
            NetworkBuilder(
                rng=random.Random(f"{seed}:steering:{number}"),
                text=text,
                index=index,
                network=network,
                closeness=closeness,
            ).build()
            for number, text in enumerate(content.NETWORKS)
        )
    )


def _team_closeness(index: DemoIndex, network: NetworkPlan) -> dict[tuple[str, str], int]:
    """(team member, person) → the strength of their strongest tie between two persons."""
    team = set(index.team)
    closeness: dict[tuple[str, str], int] = {}
    for tie in network.ties:
        if tie.kind not in PERSON_TIES:
            continue
        for staff, other in ((tie.source, tie.target), (tie.target, tie.source)):
            if staff in team and other not in team:
                closeness[staff, other] = max(closeness.get((staff, other), 0), tie.strength)
    return closeness


def meeting_days(rng: random.Random, text: NetworkText) -> list[date]:
    """From the first meeting to the last one before the reference date on the same
    weekday, six to eight weeks apart."""
    weeks = (text.last_meeting - text.first_meeting).days // 7
    gaps = [MIN_WEEKS] * (weeks // (MIN_WEEKS + 1))
    for _ in range(weeks - sum(gaps)):
        number = rng.choice([n for n, gap in enumerate(gaps) if gap < MAX_WEEKS])
        gaps[number] += 1
    days = [text.first_meeting]
    for gap in gaps:
        days.append(days[-1] + timedelta(weeks=gap))
    return days


class NetworkBuilder:
    def __init__(
        self,
        *,
        rng: random.Random,
        text: NetworkText,
        index: DemoIndex,
        network: NetworkPlan,
        closeness: Mapping[tuple[str, str], int],
    ):
        self.rng = rng
        self.text = text
        self.index = index
        self.access = network.access
        self.closeness = closeness
        self.days = meeting_days(rng, text)
        self.topics = text.topics

    def build(self) -> NetworkSpec:
        members = self._members()
        meetings = self._meetings(members)
        successor = self._contact_of(members, self.text.partners[0][0])
        handovers = self._handovers(members, successor, meetings) if self.text.hands_over else ()
        coordinator = self.index.organisations[self.index.by_name(self.text.partners[0][0])]
        return NetworkSpec(
            name=self.text.name,
            purpose=self.text.purpose,
            region=self.text.region,
            started_on=self.days[0],
            projects=self.text.projects,
            members=tuple(members),
            topics=tuple((name, content.TOPICS[name].description) for name in self.topics),
            goals=tuple(self._goal(goal) for goal in self.text.goals),
            meetings=tuple(meetings),
            successor_coordinator=successor if self.text.hands_over else "",
            handover_on=content.HANDOVER_ON if self.text.hands_over else None,
            handover_plan=content.HANDOVER_PLAN.format(
                successor=self._name(successor), organisation=coordinator.name
            )
            if self.text.hands_over
            else "",
            handovers=handovers,
        )

    # --- members and their topics ----------------------------------------------------------

    def _members(self) -> list[MemberSpec]:
        first = self.days[0]
        members = [
            MemberSpec(
                role=role,
                joined_on=first if role != MemberRole.GUEST else self.rng.choice(self.days[:3]),
                organisation=self.index.by_name(name),
                contact=self._contact(self.index.by_name(name)),
            )
            for name, role in self.text.partners
        ]
        members += [
            MemberSpec(role=role, joined_on=first, person=key, contact=key)
            for key, role in self.text.persons
        ]
        companies = self._companies()
        founding = round(len(companies) * FOUNDING_SHARE)
        members += [
            MemberSpec(
                role=MemberRole.MEMBER,
                joined_on=first if number < founding else self.rng.choice(self.days[1:-1]),
                organisation=key,
                contact=self._contact(key),
            )
            for number, key in enumerate(companies)
        ]
        # The latest company to join and the last guest have not named their topics yet.
        latest = max((m for m in members if m.organisation in companies), key=lambda m: m.joined_on)
        guest = [m for m in members if m.role == MemberRole.GUEST][-1]
        silent = {latest.key, guest.key}
        assert len(silent) == WITHOUT_SHARED
        return [
            member if member.key in silent else self._with_interests(member) for member in members
        ]

    def _companies(self) -> list[str]:
        district, sector = self.text.preferred
        candidates = sorted(
            key
            for key in self.index.companies()
            if self.index.organisations[key].place.district.name in self.text.districts
        )
        self.rng.shuffle(candidates)
        preferred = [
            key
            for key in candidates
            if self.index.organisations[key].place.district.name == district
            and self.index.organisations[key].sector == sector
        ][: self.text.companies // 2]
        others = sorted(
            (key for key in candidates if key not in preferred),
            key=lambda key: ACCESS_RANK.get(self.access.get(key), 2),
        )
        return preferred + others[: self.text.companies - len(preferred)]

    def _contact(self, organisation: str) -> str:
        """Who comes to the meetings: the person closest to the team, else the head."""
        staff = self.index.staff[organisation]
        return max(
            staff,
            key=lambda person: (
                max((self.closeness.get((t, person), 0) for t in self.index.team), default=0),
                -staff.index(person),
            ),
        )

    def _with_interests(self, member: MemberSpec) -> MemberSpec:
        """Two to four topics, the network's first ones (its core) more often; the team's
        coordination leads one."""
        weights = [len(self.topics) + 2 - number for number in range(len(self.topics))]
        count = self.rng.randint(2, 4)
        chosen: list[str] = []
        while len(chosen) < count:
            (topic,) = self.rng.choices(self.topics, weights=weights)
            if topic not in chosen:
                chosen.append(topic)
        levels = [
            self.rng.choices(
                (Interest.INTERESTED, Interest.ENGAGED, Interest.LEADING), weights=(4, 3, 1)
            )[0]
            for _ in chosen
        ]
        if member.role == MemberRole.COORDINATION:
            levels[0] = Interest.LEADING
        return MemberSpec(
            role=member.role,
            joined_on=member.joined_on,
            organisation=member.organisation,
            person=member.person,
            contact=member.contact,
            interests=tuple(
                (topic, int(level))
                for topic, level in sorted(
                    zip(chosen, levels, strict=True), key=_topic_order(self.topics)
                )
            ),
        )

    # --- meetings, decisions and tasks -----------------------------------------------------

    def _meetings(self, members: Sequence[MemberSpec]) -> list[MeetingSpec]:
        meetings = []
        for number, day in enumerate(self.days):
            present = [member for member in members if member.joined_on <= day]
            attendees = self._attendance(number, present)
            if number == 0:
                meeting = self._kickoff(day, attendees)
            else:
                meeting = self._regular(number, day, present, attendees)
            meetings.append(meeting)
        meetings[-1] = self._with_reminders(meetings[-1], members)
        return [*meetings, self._next(len(meetings) + 1)]

    def _attendance(self, number: int, present: Sequence[MemberSpec]) -> tuple[str, ...]:
        team = set(self.index.team)
        return tuple(
            member.contact
            for member in present
            if (member.contact in team and member.role == MemberRole.COORDINATION)
            or self.rng.random() < ATTENDS[member.role] + ATTENDS_MORE * number
        )

    def _kickoff(self, day: date, attendees: tuple[str, ...]) -> MeetingSpec:
        coordination = self.text.partners[0][0]
        minutes = "\n\n".join(
            (
                content.KICKOFF_MINUTES,
                "Themen des Netzwerks: " + ", ".join(self.topics) + ".",
            )
        )
        return MeetingSpec(
            title=content.KICKOFF_TITLE,
            held_on=day,
            agenda=content.KICKOFF_AGENDA.format(talk=content.KICKOFF_TALK),
            minutes=minutes,
            attendees=attendees,
            decisions=tuple(
                decision.format(coordination=coordination) for decision in content.KICKOFF_DECISIONS
            ),
            actions=tuple(self._action(title, day, attendees) for title in content.KICKOFF_TASKS),
        )

    def _regular(
        self, number: int, day: date, present: Sequence[MemberSpec], attendees: tuple[str, ...]
    ) -> MeetingSpec:
        topic = content.TOPICS[self.topics[(number - 1) % len(self.topics)]]
        speaker = self._speaker(topic.name, present)
        at_event = day == content.NETWORKS[0].last_meeting and self.text.hands_over
        project = self.rng.choice(self.text.projects)
        paragraphs = [
            content.REGULAR_MINUTES[0],
            " ".join(sentence.format(org=speaker) for sentence in topic.minutes),
            content.REGULAR_MINUTES[2].format(project=project),
            content.REGULAR_MINUTES[1],
        ]
        decisions = self.rng.sample(topic.decisions, self.rng.randint(1, len(topic.decisions)))
        if at_event:
            paragraphs.insert(1, content.EVENT_MINUTES)
            decisions = [*decisions, *content.EVENT_DECISIONS]
        tasks = self.rng.sample(topic.tasks, min(len(topic.tasks), self.rng.randint(2, 3)))
        tasks.append(self.rng.choice(content.REGULAR_TASKS))
        return MeetingSpec(
            title=content.EVENT_TITLE
            if at_event
            else content.TITLE.format(number=number + 1, topic=topic.name),
            held_on=day,
            agenda=content.AGENDA.format(
                projects=" und ".join(self.text.projects), talk=topic.talk, org=speaker
            ),
            minutes="\n\n".join(paragraphs),
            attendees=attendees,
            decisions=tuple(decisions),
            actions=tuple(self._action(title, day, attendees) for title in tasks),
            at_event=at_event,
            entered_by=self.rng.choice((Role.LEAD, Role.STAFF)),
        )

    def _speaker(self, topic: str, present: Sequence[MemberSpec]) -> str:
        """The member organisation most engaged in the topic gives the talk."""
        organisations = [member for member in present if member.organisation]
        best = max(
            organisations,
            key=lambda member: (
                dict(member.interests).get(topic, 0),
                member.role == MemberRole.COORDINATION,
            ),
        )
        return self.index.organisations[best.organisation].name

    def _action(self, title: str, day: date, attendees: Sequence[str]) -> ActionSpec:
        team = [person for person in attendees if person in self.index.team]
        others = [person for person in attendees if person not in self.index.team]
        pool = team if team and (not others or self.rng.random() < 0.4) else others
        owner = self.rng.choice(pool)
        due = next_workday(day + timedelta(days=self.rng.randint(14, 42)))
        if due > REFERENCE_DATE - DONE_AFTER:
            status = self.rng.choice((ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
            return ActionSpec(title=title, owner=owner, due_on=due, status=status)
        roll = self.rng.random()
        if roll < DONE:
            finished = min(
                workday(due - timedelta(days=self.rng.randint(-5, 12))),
                REFERENCE_DATE - timedelta(days=2),
            )
            finished = max(finished, day + timedelta(days=1))
            done_at = datetime.combine(
                finished, time(self.rng.randint(8, 17), self.rng.randrange(0, 60, 5))
            )
            return ActionSpec(
                title=title, owner=owner, due_on=due, status=ActionStatus.DONE, done_at=done_at
            )
        status = ActionStatus.DROPPED if roll < DONE + DROPPED else ActionStatus.IN_PROGRESS
        return ActionSpec(title=title, owner=owner, due_on=due, status=status)

    def _with_reminders(self, meeting: MeetingSpec, members: Sequence[MemberSpec]) -> MeetingSpec:
        """The demo users' open tasks from the last meeting, each user's in the network they
        belong to."""
        persons = {member.person for member in members}
        reminders = []
        for role, offsets in REMINDERS.items():
            if USER_PERSONS[role] not in persons:
                continue
            titles = self.rng.sample(content.REMINDER_TASKS, len(offsets))
            for number, (offset, title) in enumerate(zip(offsets, titles, strict=True)):
                day = REFERENCE_DATE + timedelta(days=offset)
                due = (
                    max(workday(day), meeting.held_on + timedelta(days=1))
                    if offset < 0
                    else next_workday(day)
                )
                status = ActionStatus.IN_PROGRESS if number == 1 else ActionStatus.OPEN
                reminders.append(
                    ActionSpec(title=title, owner=USER_PERSONS[role], due_on=due, status=status)
                )
        return MeetingSpec(
            title=meeting.title,
            held_on=meeting.held_on,
            agenda=meeting.agenda,
            minutes=meeting.minutes,
            attendees=tuple(dict.fromkeys((*meeting.attendees, *(a.owner for a in reminders)))),
            decisions=meeting.decisions,
            actions=(*meeting.actions, *reminders),
            at_event=meeting.at_event,
            entered_by=meeting.entered_by,
        )

    def _next(self, number: int) -> MeetingSpec:
        return MeetingSpec(
            title=content.NEXT_TITLE.format(number=number),
            held_on=self.text.next_meeting,
            agenda=content.NEXT_AGENDA,
        )

    # --- goals -----------------------------------------------------------------------------

    def _goal(self, text: GoalText) -> GoalSpec:
        return GoalSpec(
            title=text.title,
            description=text.description,
            indicator=text.indicator,
            target_value=text.target_value,
            unit=text.unit,
            target_date=text.target_date,
            indicator_filter=text.indicator_filter,
            progress=self._progress(text) if text.indicator == IndicatorKind.MANUAL else (),
        )

    def _progress(self, text: GoalText) -> tuple[ProgressSpec, ...]:
        """A value every `every_months` months from the first meeting on, rising to `reached`."""
        days = []
        month = _month_after(self.days[0])
        while True:
            if _month_end(month) >= REFERENCE_DATE:
                break
            day = _month_end(month)
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            if (month.month - 1) % text.every_months == text.every_months - 1:
                days.append(day)
            month = _month_after(month)
        steps = sorted(self.rng.random() for _ in days[1:])
        values = [round(text.reached * step) for step in steps] + [text.reached]
        values = [0, *values[1:]] if len(values) > 1 else values
        values = [max(values[: number + 1]) for number in range(len(values))]
        recorder = (Role.STAFF, Role.LEAD)
        return tuple(
            ProgressSpec(
                recorded_on=day,
                value=value,
                recorded_by=recorder[number % 2],
                note=self.rng.choice(content.PROGRESS_NOTES),
            )
            for number, (day, value) in enumerate(zip(days, values, strict=True))
        )

    # --- handover --------------------------------------------------------------------------

    def _contact_of(self, members: Sequence[MemberSpec], name: str) -> str:
        key = self.index.by_name(name)
        return next(member.contact for member in members if member.organisation == key)

    def _handovers(
        self, members: Sequence[MemberSpec], successor: str, meetings: Sequence[MeetingSpec]
    ) -> tuple[HandoverSpec, ...]:
        """The strongest ties of the team to the members' contacts, each with a successor:
        the future coordinator, or the chamber's contact for companies."""
        team = set(self.index.team)
        contacts = {member.contact: member for member in members if member.contact not in team}
        chamber = self._contact_of(members, self.text.partners[1][0])
        ties = sorted(
            (
                (-strength, staff, person)
                for (staff, person), strength in self.closeness.items()
                if person in contacts and strength >= STRONG
            ),
        )[:HANDOVERS]
        past = [meeting.held_on for meeting in meetings if meeting.minutes][-INTRODUCED:]
        handovers = []
        for number, (_strength, staff, person) in enumerate(ties):
            member = contacts[person]
            company = member.organisation and self.index.kind(member.organisation) == Kind.COMPANY
            taker = chamber if company else successor
            if taker == person:
                taker = chamber if taker == successor else successor
            if number < INTRODUCED:
                day = past[number]
                handovers.append(
                    HandoverSpec(staff, person, taker, day, day, content.HANDOVER_NOTES[0])
                )
            else:
                day = next_workday(date(2027, 3, 1) + timedelta(days=91 * (number - INTRODUCED)))
                note = content.HANDOVER_NOTES[1 + number % 2]
                handovers.append(HandoverSpec(staff, person, taker, day, None, note))
        return tuple(handovers)

    def _name(self, person: str) -> str:
        spec = self.index.persons[person]
        return " ".join(part for part in (spec.title, spec.first_name, spec.last_name) if part)


def _topic_order(topics: Sequence[str]):
    return lambda pair: topics.index(pair[0])


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_end(month: date) -> date:
    return _month_after(month) - timedelta(days=1)
