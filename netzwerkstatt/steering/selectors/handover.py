"""Reads of the "Nachhaltigkeit & Übergabe" page: who depends on the staff, the key
relationships with their handovers, and the ranked introductions.

The definitions (network persons, staff, strong tie, dependency, score) are those of
`steering/introductions.py`, which computes the figures from the plain rows read
here. The whole page reads a fixed number of queries, whatever the network's size.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.models import Function, Person
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import RecommendationOutcome
from netzwerkstatt.network.models import Recommendation, TeamMember, Tie

from .. import introductions
from ..introductions import NetworkPerson, TieRow
from ..models import Handover, Network, NetworkMember, NetworkTopic, TopicInterest

PROPOSAL_LIMIT = 20


class HandoverStatus:
    OPEN = "open"  # no successor or no date yet
    PLANNED = "planned"
    OVERDUE = "overdue"
    DONE = "done"


def handover_status(handover: Handover | None, *, today: dt.date) -> str:
    if handover is None or handover.successor_id is None or handover.introduce_on is None:
        return HandoverStatus.DONE if handover and handover.introduced_on else HandoverStatus.OPEN
    if handover.introduced_on is not None:
        return HandoverStatus.DONE
    return HandoverStatus.OVERDUE if handover.introduce_on < today else HandoverStatus.PLANNED


@dataclass(frozen=True)
class TeamPerson:
    person_id: int
    user_id: int | None
    since: dt.date | None
    until: dt.date | None

    def current(self, on: dt.date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or self.until >= on)


@dataclass
class NetworkPeople:
    """The network's persons as plain data, and the team around them."""

    persons: dict[int, NetworkPerson]
    organisation_names: dict[int, str]
    topic_names: dict[int, str]
    team: dict[int, TeamPerson]
    today: dt.date

    @property
    def staff(self) -> set[int]:
        return {pk for pk, member in self.team.items() if member.current(self.today)}

    def organisations_of(self, person_id: int) -> list[str]:
        person = self.persons.get(person_id)
        if person is None:
            return []
        return sorted(self.organisation_names[pk] for pk in person.organisations)

    def stays(self, person_id: int, on: dt.date | None = None) -> bool:
        """A team person who is still in the team on `on` (default: with no end date)."""
        member = self.team.get(person_id)
        if member is None:
            return False
        return member.until is None or (on is not None and member.until > on)


@dataclass(frozen=True)
class HandoverRow:
    """A key relationship held by staff, or a stored handover, with its status."""

    staff: Person
    member: Person
    strength: int | None  # None when the tie is no longer strong (or gone)
    handover: Handover | None
    status: str


@dataclass(frozen=True)
class ProposalRow:
    first: Person
    second: Person
    score: int
    topics: list[str]
    dependent: list[Person]
    other_organisation: bool


@dataclass
class HandoverOverview:
    network: Network
    people: NetworkPeople
    persons: dict[int, Person]  # the network's persons and the staff, by id
    dependent: list[Person]
    rows: list[HandoverRow]
    proposals: list[ProposalRow]
    proposal_count: int
    planned: list[Recommendation]
    successor_choices: list[Person] = field(default_factory=list)

    @property
    def introducers(self) -> list[Person]:
        """The current staff, who make introductions; by name."""
        staff = [self.persons[pk] for pk in self.people.staff if pk in self.persons]
        return sorted(staff, key=lambda p: (p.last_name, p.first_name, p.pk))

    def person_of_user(self, user_id: int | None) -> int | None:
        return next(
            (
                pk
                for pk, member in self.people.team.items()
                if user_id and member.user_id == user_id
            ),
            None,
        )

    @property
    def member_count(self) -> int:
        return len(set(self.people.persons) - self.people.staff)


def handover_network_get(*, scope: Scope, pk) -> Network:
    """The network with its coordination successor; Http404 for another workspace's."""
    try:
        return scope.objects(Network).select_related("successor_coordinator").get(pk=pk)
    except (Network.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Network._meta.verbose_name) from error


def network_people(
    *, scope: Scope, network: Network, today: dt.date | None = None
) -> NetworkPeople:
    """The network's persons with their organisations and (inherited) topics; four queries
    and one for the team."""
    today = today or timezone.localdate()
    members = list(
        scope.objects(NetworkMember)
        .filter(network=network)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .values_list("pk", "person_id", "organisation_id", "organisation__name")
    )
    organisation_names = {org: name for _pk, _person, org, name in members if org is not None}
    levels: dict[int, dict[int, int]] = {}
    for member_id, topic_id, level in (
        scope.objects(TopicInterest)
        .filter(member__network=network, level__gte=1)
        .values_list("member_id", "topic_id", "level")
    ):
        levels.setdefault(member_id, {})[topic_id] = level
    topic_names = dict(
        scope.objects(NetworkTopic).filter(network=network).values_list("pk", "name")
    )

    organisations: dict[int, set[int]] = {}
    topics: dict[int, dict[int, int]] = {}

    def join(person_id: int, organisation_id: int | None, member_topics: dict[int, int]) -> None:
        organisations.setdefault(person_id, set())
        if organisation_id is not None:
            organisations[person_id].add(organisation_id)
        mine = topics.setdefault(person_id, {})
        for topic, level in member_topics.items():
            mine[topic] = max(level, mine.get(topic, 0))

    organisation_topics = {}
    for pk, person_id, organisation_id, _name in members:
        if person_id is not None:
            join(person_id, None, levels.get(pk, {}))
        else:
            organisation_topics[organisation_id] = levels.get(pk, {})
    if organisation_topics:
        for person_id, organisation_id in (
            scope.objects(Function)
            .filter(organisation_id__in=organisation_topics)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
            .values_list("person_id", "organisation_id")
        ):
            join(person_id, organisation_id, organisation_topics[organisation_id])

    team = {
        person_id: TeamPerson(person_id, user_id, since, until)
        for person_id, user_id, since, until in scope.objects(TeamMember).values_list(
            "person_id", "user_id", "since", "until"
        )
    }
    return NetworkPeople(
        persons={
            pk: NetworkPerson(pk, frozenset(organisations[pk]), topics[pk]) for pk in organisations
        },
        organisation_names=organisation_names,
        topic_names=topic_names,
        team=team,
        today=today,
    )


def person_ties(*, scope: Scope, person_ids: set[int]) -> list[TieRow]:
    """The person–person ties between the given persons, as plain rows (one query)."""
    if not person_ids:
        return []
    return [
        TieRow(a, b, strength)
        for a, b, strength in scope.objects(Tie)
        .filter(source_person_id__in=person_ids, target_person_id__in=person_ids)
        .values_list("source_person_id", "target_person_id", "strength")
    ]


def network_introductions(*, scope: Scope, person_ids: set[int]) -> list[Recommendation]:
    """Recommendations that introduce two of the given persons to each other, newest first."""
    if not person_ids:
        return []
    return list(
        scope.objects(Recommendation)
        .filter(subject_person_id__in=person_ids, recipient_person_id__in=person_ids)
        .select_related("recommender", "subject_person", "recipient_person")
        .order_by("-date", "-id")
    )


def handover_overview(
    *, scope: Scope, network: Network, today: dt.date | None = None
) -> HandoverOverview:
    """Everything the page shows, in a fixed number of queries (about ten)."""
    today = today or timezone.localdate()
    people = network_people(scope=scope, network=network, today=today)
    staff = people.staff
    relevant = set(people.persons) | staff
    ties = person_ties(scope=scope, person_ids=relevant)
    recommendations = network_introductions(scope=scope, person_ids=set(people.persons))
    handovers = list(
        scope.objects(Handover)
        .filter(network=network)
        .select_related("staff", "member", "successor")
        .order_by("introduce_on", "id")
    )
    members = list(people.persons.values())
    dependent_ids = introductions.staff_dependent(members, staff, ties)
    relationships = introductions.key_relationships(members, staff, ties)
    ranked = introductions.proposals(
        members,
        staff,
        ties,
        planned=[(r.subject_person_id, r.recipient_person_id) for r in recommendations],
    )
    persons = scope.objects(Person).filter(pk__in=relevant).in_bulk() if relevant else {}
    for pk, person in persons.items():
        person.network_organisations = ", ".join(people.organisations_of(pk))

    stored = {(h.staff_id, h.member_id): h for h in handovers}
    rows = []
    for relationship in relationships:
        handover = stored.pop((relationship.staff, relationship.member), None)
        rows.append(
            HandoverRow(
                staff=persons[relationship.staff],
                member=persons[relationship.member],
                strength=relationship.strength,
                handover=handover,
                status=handover_status(handover, today=today),
            )
        )
    rows += [  # handovers whose tie is no longer strong stay on the plan
        HandoverRow(
            staff=persons.get(h.staff_id, h.staff),
            member=persons.get(h.member_id, h.member),
            strength=None,
            handover=h,
            status=handover_status(h, today=today),
        )
        for h in stored.values()
    ]
    order = {HandoverStatus.OVERDUE: 0, HandoverStatus.OPEN: 1, HandoverStatus.PLANNED: 2}
    rows.sort(
        key=lambda row: (
            order.get(row.status, 3),
            row.handover.introduce_on
            if row.handover and row.handover.introduce_on
            else dt.date.max,
            row.member.last_name,
            row.member.first_name,
            row.member.pk,
        )
    )
    successors = [
        person
        for pk, person in persons.items()
        if (pk in people.persons and pk not in staff) or people.stays(pk)
    ]
    successors.sort(key=lambda p: (p.last_name, p.first_name, p.pk))
    return HandoverOverview(
        network=network,
        people=people,
        persons=persons,
        dependent=sorted(
            (persons[pk] for pk in dependent_ids), key=lambda p: (p.last_name, p.first_name, p.pk)
        ),
        rows=rows,
        proposals=[
            ProposalRow(
                first=persons[p.first],
                second=persons[p.second],
                score=p.score,
                topics=sorted(people.topic_names[t] for t in p.shared_topics),
                dependent=[persons[pk] for pk in p.dependent],
                other_organisation=p.other_organisation,
            )
            for p in ranked[:PROPOSAL_LIMIT]
        ],
        proposal_count=len(ranked),
        planned=[r for r in recommendations if r.outcome == RecommendationOutcome.OPEN],
        successor_choices=successors,
    )
