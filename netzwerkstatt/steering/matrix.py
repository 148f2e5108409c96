"""The member × topic matrix of a network: which topics most members share, and which
members share no topic with anyone.

Pure: plain ids and levels in, plain data out (no ORM), so the rules are tested with
known answers. A member "has" a topic when its interest level is at least `INTERESTED`
(1); a missing cell is level 0 ("none").
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

# A member has a topic from this level on (Interest.INTERESTED).
HAS_TOPIC = 1


@dataclass(frozen=True)
class MatrixAnalysis:
    """What the matrix page highlights.

    `counts`: topic → how many members have it. `shared_topics`: topics that at least
    half of the members have, and at least two of them (one member shares nothing).
    `isolated_members`: members without a topic that at least one other member also
    has, in the order the members were given. `partners`: member → how many other
    members share at least one of its topics.
    """

    counts: dict[Hashable, int]
    shared_topics: frozenset
    isolated_members: tuple
    partners: dict[Hashable, int]


def matrix_analyse(
    *,
    members: Sequence[Hashable],
    topics: Sequence[Hashable],
    levels: Mapping[tuple[Hashable, Hashable], int],
    share: float = 0.5,
) -> MatrixAnalysis:
    """Analyse the matrix given as `levels[(member, topic)]`; cells outside the given
    members and topics are ignored."""
    topic_set = set(topics)
    member_set = set(members)
    holders: dict[Hashable, set] = {topic: set() for topic in topics}
    member_topics: dict[Hashable, set] = {member: set() for member in members}
    for (member, topic), level in levels.items():
        if level >= HAS_TOPIC and member in member_set and topic in topic_set:
            holders[topic].add(member)
            member_topics[member].add(topic)

    counts = {topic: len(holders[topic]) for topic in topics}
    needed = share * len(members)
    shared = frozenset(topic for topic in topics if counts[topic] >= 2 and counts[topic] >= needed)

    partners = {}
    for member in members:
        others = set()
        for topic in member_topics[member]:
            others |= holders[topic]
        others.discard(member)
        partners[member] = len(others)
    isolated = tuple(member for member in members if partners[member] == 0)
    return MatrixAnalysis(
        counts=counts, shared_topics=shared, isolated_members=isolated, partners=partners
    )
