"""What the World Café planner is asked: participants, tables, rounds, topics and wishes.

Plain frozen dataclasses, so an event, a test or the command line can state a
problem without the database. Participants and tables keep the caller's ids;
the planner works on positions internally and answers in the caller's ids.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ParticipantId = int | str
TableId = int | str
Pair = tuple[ParticipantId, ParticipantId]


@dataclass(frozen=True)
class Participant:
    """Someone to seat.

    `broker_weight` is how much the person bridges otherwise separate parts of
    the network (e.g. normalised betweenness, 0 for most people); two brokers at
    one table cost the product of their weights, so brokers spread over tables.
    """

    id: ParticipantId
    organisation: str | None = None
    organisation_kind: str | None = None
    topic_preferences: tuple[str, ...] = ()
    broker_weight: float = 0.0


@dataclass(frozen=True)
class Table:
    """A table seating at most `capacity` people; its host (if any) sits there every round."""

    id: TableId
    capacity: int
    host: ParticipantId | None = None


@dataclass(frozen=True)
class Weights:
    """Relative cost of the soft goals; hard constraints are never traded against these.

    repeat: a pair meeting again (the k-th meeting of a pair costs repeat·(k-1), so
        a pair meeting three times costs more than two pairs meeting twice);
    mix: two people of the same organisation kind at one table in one round;
    preference: a participant who never sits at a table with a preferred topic;
    broker: two brokers at one table in one round, times their broker weights.
    """

    repeat: float = 10.0
    mix: float = 1.0
    preference: float = 5.0
    broker: float = 3.0


@dataclass(frozen=True)
class Problem:
    """A World Café to plan.

    `topics[r][t]` is the topic of table `tables[t]` in round r (empty: no topics).
    `already_met` are pairs with a strong tie: they count as having met once.
    `keep_apart` are pairs that must never share a table (like colleagues of one
    organisation, who never do).
    """

    participants: tuple[Participant, ...]
    tables: tuple[Table, ...]
    rounds: int
    topics: tuple[tuple[str | None, ...], ...] = ()
    already_met: tuple[Pair, ...] = ()
    keep_apart: tuple[Pair, ...] = ()
    weights: Weights = field(default_factory=Weights)

    @classmethod
    def social_golfer(cls, *, groups: int, size: int, rounds: int) -> "Problem":
        """The pure Social Golfer Problem: participants 0 … groups·size−1, tables 0 … groups−1."""
        return cls(
            participants=tuple(Participant(id=number) for number in range(groups * size)),
            tables=tuple(Table(id=number, capacity=size) for number in range(groups)),
            rounds=rounds,
        )

    @property
    def is_social_golfer(self) -> bool:
        """True if only repeats matter and every table is full: designs apply as they are."""
        sizes = {table.capacity for table in self.tables}
        return (
            len(sizes) == 1
            and sum(table.capacity for table in self.tables) == len(self.participants)
            and not self.already_met
            and not self.keep_apart
            and all(table.host is None for table in self.tables)
            and all(
                person.organisation is None
                and person.organisation_kind is None
                and not person.topic_preferences
                and not person.broker_weight
                for person in self.participants
            )
        )


def balanced_tables(
    participant_count: int,
    *,
    count: int | None = None,
    size: int | None = None,
    hosts: Sequence[ParticipantId | None] = (),
) -> tuple[Table, ...]:
    """Tables numbered from 1 for a number of tables or a preferred table size.

    With a size, as many tables as needed so that no table exceeds it; either
    way the capacities differ by at most one. Hosts go to the first tables.
    """
    if (count is None) == (size is None):
        raise ValueError("give either the number of tables or the table size")
    if count is None:
        count = -(-participant_count // size)
    count = max(count, len(hosts), 1)
    base, extra = divmod(participant_count, count)
    hosts = [*hosts, *[None] * (count - len(hosts))]
    return tuple(
        Table(id=number + 1, capacity=base + (number < extra), host=hosts[number])
        for number in range(count)
    )


def topics_every_round(
    table_topics: Iterable[str | None], rounds: int
) -> tuple[tuple[str | None, ...], ...]:
    """Each table keeps its topic in every round (the usual World Café, with the host as topic owner)."""
    table_topics = tuple(table_topics)
    return tuple(table_topics for _ in range(rounds))
