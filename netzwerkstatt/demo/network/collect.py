"""The list the tie builders fill: one tie per pair of ends, with its dates and provenance."""

import random
from collections.abc import Collection, Mapping
from datetime import date

from netzwerkstatt.core.enums import Role
from netzwerkstatt.network.enums import Provenance, TieKind

from .dates import History, history_from, recorded_moment
from .specs import TieSpec

# Who entered a tie: the project lead or the staff member, as with the timeline notes.
AUTHORS = (Role.LEAD, Role.STAFF)
AUTHOR_WEIGHTS = (2, 3)


def weighted(rng: random.Random, weights: dict):
    (choice,) = rng.choices(list(weights), weights=list(weights.values()))
    return choice


class Ties:
    """The ties built so far. Two ends are joined by at most one tie, whatever its kind.

    `joined`: persons and organisations that joined the network on a date (an
    organisation and its people on the same day); their ties to anyone but the
    team (`team`) and each other begin on or after it.
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        joined: Mapping[str, date] | None = None,
        team: Collection[str] = (),
    ):
        self.rng = rng
        self.joined = dict(joined or {})
        self.team = frozenset(team)
        self.specs: list[TieSpec] = []
        self._pairs: set[frozenset[str]] = set()

    def __len__(self) -> int:
        return len(self.specs)

    def joined(self, first: str, second: str) -> bool:
        return frozenset((first, second)) in self._pairs

    def add(
        self,
        kind: TieKind,
        source: str,
        target: str,
        *,
        strength: int,
        history: History,
        provenance: Provenance,
        trust: int | None = None,
        purpose: str = "",
        project: str = "",
        note: str = "",
        recorded_by: Role | None = None,
    ) -> bool:
        """Add the tie unless the two are the same or joined already; True if it was added."""
        pair = frozenset((source, target))
        if source == target or pair in self._pairs:
            return False
        self._pairs.add(pair)
        joined = (self.joined.get(source), self.joined.get(target))
        first = max((day for day in joined if day is not None), default=None)
        if first is not None and not pair & self.team and joined[0] != joined[1]:
            history = history_from(self.rng, history, first)
        if recorded_by is None:
            recorded_by = Role.LEAD if provenance == Provenance.IMPORT else self._author()
        self.specs.append(
            TieSpec(
                kind=kind,
                source=source,
                target=target,
                strength=strength,
                trust=trust,
                since=history.since,
                last_contact=history.last_contact,
                provenance=provenance,
                purpose=purpose,
                project=project,
                note=note,
                recorded_by=recorded_by,
                recorded_at=recorded_moment(self.rng, since=history.since, provenance=provenance),
            )
        )
        return True

    def _author(self) -> Role:
        (author,) = self.rng.choices(AUTHORS, weights=AUTHOR_WEIGHTS)
        return author
