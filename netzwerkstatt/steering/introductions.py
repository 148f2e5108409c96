"""How much of a network hangs on the project staff, and which introductions would loosen it.

Pure: plain ids and numbers in, plain data out (the selectors in
`selectors/handover.py` read the database and call these functions).

Definitions, as the "Nachhaltigkeit & Übergabe" page uses them:

- The network's persons are the persons who are members themselves, and the
  current persons (functions without an end, or ending today or later) of the
  member organisations. Members who have left (`left_on` in the past) do not count.
- Project staff are the persons of the current project team (`TeamMember` whose
  since/until include today, `network.selectors.team_person_ids`). Staff are never
  proposed for introductions, even when they are members themselves.
- A strong tie is a recorded tie between two persons of strength ≥ 4 ("stark",
  "sehr eng"), of any person–person kind. Ties with organisations and employment
  do not count: a handover is made between people.
- A person depends on the staff when all of their strong ties to other network
  persons or staff go to staff, and there is at least one.
- A key relationship held by staff is a strong tie between a staff person and a
  (non-staff) network person; each gets a handover (`Handover`) with a successor
  and the date of the introduction.
- An introduction is proposed for two non-staff network persons with at least one
  shared topic (interest level ≥ 1 for both; a person inherits the interests of
  their member organisations, the highest level counting) and no direct tie of
  any kind or strength, and no introduction of them already planned.

Score of a proposal (higher first):

    Σ over shared topics (level_a + level_b)      each shared topic adds 2 to 6
    + DEPENDENT_BONUS for each of the two who depends on the staff only
    + OTHER_ORGANISATION_BONUS when they share no organisation

so a further shared topic always raises the score, and a pair that ties a
staff-dependent person into the network, across organisations, comes first. Equal
scores are ordered by more shared topics, then by the two ids (smaller pair first),
so the ranking is deterministic.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

STRONG = 4
DEPENDENT_BONUS = 3
OTHER_ORGANISATION_BONUS = 2


@dataclass(frozen=True)
class NetworkPerson:
    """A person of the network with their organisations (of the network) and topics."""

    id: int
    organisations: frozenset[int] = frozenset()
    topics: Mapping[int, int] = field(default_factory=dict)  # topic id → interest level


@dataclass(frozen=True)
class TieRow:
    """A tie between two persons (undirected for this purpose)."""

    a: int
    b: int
    strength: int


@dataclass(frozen=True)
class KeyRelationship:
    staff: int
    member: int
    strength: int


@dataclass(frozen=True)
class Proposal:
    first: int  # the smaller id
    second: int
    score: int
    shared_topics: tuple[int, ...]  # topic ids, sorted
    dependent: tuple[int, ...]  # which of the two depend on the staff only
    other_organisation: bool


def pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _strong_neighbours(ties: Iterable[TieRow], relevant: set[int]) -> dict[int, set[int]]:
    neighbours: dict[int, set[int]] = {}
    for tie in ties:
        if tie.strength >= STRONG and tie.a != tie.b and tie.a in relevant and tie.b in relevant:
            neighbours.setdefault(tie.a, set()).add(tie.b)
            neighbours.setdefault(tie.b, set()).add(tie.a)
    return neighbours


def staff_dependent(
    persons: Iterable[NetworkPerson], staff: Iterable[int], ties: Iterable[TieRow]
) -> list[int]:
    """Ids of the non-staff network persons whose strong ties (≥ 1) all go to staff; sorted."""
    staff = set(staff)
    members = {person.id for person in persons} - staff
    neighbours = _strong_neighbours(ties, members | staff)
    return sorted(
        person for person in members if neighbours.get(person) and neighbours[person] <= staff
    )


def key_relationships(
    persons: Iterable[NetworkPerson], staff: Iterable[int], ties: Iterable[TieRow]
) -> list[KeyRelationship]:
    """The strong ties between staff and non-staff network persons, by staff then member id.

    Two ties between the same two persons (of different kinds) count once, with the
    higher strength."""
    staff = set(staff)
    members = {person.id for person in persons} - staff
    strongest: dict[tuple[int, int], int] = {}
    for tie in ties:
        if tie.strength < STRONG:
            continue
        for holder, member in ((tie.a, tie.b), (tie.b, tie.a)):
            if holder in staff and member in members:
                key = (holder, member)
                strongest[key] = max(strongest.get(key, 0), tie.strength)
    return [
        KeyRelationship(staff=holder, member=member, strength=strength)
        for (holder, member), strength in sorted(strongest.items())
    ]


def proposals(
    persons: Iterable[NetworkPerson],
    staff: Iterable[int],
    ties: Iterable[TieRow],
    *,
    planned: Iterable[tuple[int, int]] = (),
    limit: int | None = None,
) -> list[Proposal]:
    """Introductions that would tie the network together without the staff, best first.

    See the module docstring for which pairs qualify and how they are scored."""
    staff = set(staff)
    ties = list(ties)
    candidates = sorted(
        (person for person in persons if person.id not in staff), key=lambda p: p.id
    )
    dependent = set(staff_dependent(candidates, staff, ties))
    tied = {pair(tie.a, tie.b) for tie in ties}
    excluded = tied | {pair(a, b) for a, b in planned}
    interested = [
        (person, {topic: level for topic, level in person.topics.items() if level >= 1})
        for person in candidates
    ]
    found: list[Proposal] = []
    for index, (first, first_topics) in enumerate(interested):
        if not first_topics:
            continue
        for second, second_topics in interested[index + 1 :]:
            if first.id == second.id or pair(first.id, second.id) in excluded:
                continue
            shared = sorted(first_topics.keys() & second_topics.keys())
            if not shared:
                continue
            other_organisation = not (first.organisations & second.organisations)
            their_dependent = tuple(p for p in (first.id, second.id) if p in dependent)
            score = (
                sum(first_topics[topic] + second_topics[topic] for topic in shared)
                + DEPENDENT_BONUS * len(their_dependent)
                + (OTHER_ORGANISATION_BONUS if other_organisation else 0)
            )
            found.append(
                Proposal(
                    first=first.id,
                    second=second.id,
                    score=score,
                    shared_topics=tuple(shared),
                    dependent=their_dependent,
                    other_organisation=other_organisation,
                )
            )
    found.sort(key=lambda p: (-p.score, -len(p.shared_topics), p.first, p.second))
    return found if limit is None else found[:limit]
