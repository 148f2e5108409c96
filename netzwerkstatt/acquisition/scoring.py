"""The target score of companies for a project: fit and access, each part explained.

Pure: plain values and numpy arrays in, numbers out, so the whole workspace is
scored at once (20,000 companies in milliseconds) and tested without a database.

Every part is a number from 0 to 1:

- fit: `sector` (the company's WZ division, or its section, is one of the
  profile's), `size` (its size class is one of the profile's), `region` (its
  district is one of the profile's), `needs` (needs identified in its dossier
  that a measure of the project answers: 1 − ½ⁿ, so one need gives 0.5, two
  0.75, three 0.875);
- access: `warm_path` (the score of the best warm path from the team, itself
  the chance that the introduction works), `recommendation` (recommendations
  naming the company or its people, declined ones left out: 1 − ½ⁿ),
  `contact` (the latest earlier contact, halving every year: 1 a day ago, 0.5
  a year ago, 0 without contact).

The total is the weighted sum normalised to 0 … 100: 100 × Σ wᵢpᵢ / Σ wᵢ. A fit
criterion the profile leaves empty ("any") tells companies apart by nothing, so
it does not count: its weight is 0. Each part's points (100 × wᵢpᵢ / Σ wᵢ) add up
to the total, which is what a row shows.

`best_path_scores` computes the best warm path's score from the team to many
organisations at once, with the rules of `network.paths` (see there).
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.network.paths import MAX_HOPS, PathGraph

FIT_PARTS = ("sector", "size", "region", "needs")
ACCESS_PARTS = ("warm_path", "recommendation", "contact")
PARTS = FIT_PARTS + ACCESS_PARTS
# The fit parts that need criteria in the profile to tell companies apart.
CRITERIA_PARTS = {"sector": "sectors", "size": "size_classes", "region": "districts"}
# An earlier contact counts half after this many days, a quarter after twice as many.
CONTACT_HALF_LIFE_DAYS = 365


@dataclass(frozen=True)
class Criteria:
    """What the project looks for; an empty set means any."""

    sectors: frozenset[str] = frozenset()  # WZ sections ("C") and divisions ("25")
    size_classes: frozenset[str] = frozenset()  # contacts.enums.SizeClass values
    districts: frozenset[str] = frozenset()  # folded district names

    def has(self, part: str) -> bool:
        criterion = CRITERIA_PARTS.get(part)
        return criterion is None or bool(getattr(self, criterion))


@dataclass(frozen=True)
class Companies:
    """The facts of n companies as columns; index i is one company throughout."""

    sector: Sequence[str]  # WZ division or ""
    size_class: Sequence[str]  # SizeClass value or ""
    district: Sequence[str]  # folded district or ""
    needs: np.ndarray  # identified needs a measure of the project answers
    warm_path: np.ndarray  # best warm path's score, 0 … 1
    recommendations: np.ndarray  # recommendations naming the company or its people
    contact_days: np.ndarray  # days since the latest earlier contact, nan without one

    def __len__(self) -> int:
        return len(self.sector)


@dataclass(frozen=True)
class Part:
    """One part of a company's score, as a row explains it."""

    name: str
    value: float  # 0 … 1
    weight: int  # as it counts: 0 when the profile leaves the criterion empty
    points: float  # its share of the total, 0 … 100

    @property
    def counts(self) -> bool:
        return self.weight > 0


@dataclass(frozen=True)
class Scores:
    """The parts (name → array of 0 … 1) and totals (0 … 100) of n companies."""

    parts: dict[str, np.ndarray]
    weights: dict[str, int]
    total: np.ndarray = field(repr=False)

    def explain(self, i: int) -> list[Part]:
        weight_sum = sum(self.weights.values())
        return [
            Part(
                name=name,
                value=float(self.parts[name][i]),
                weight=self.weights[name],
                points=_points(float(self.parts[name][i]), self.weights[name], weight_sum),
            )
            for name in PARTS
        ]


def effective_weights(weights: dict[str, int], criteria: Criteria) -> dict[str, int]:
    """The weights as they count: a part without criteria (any sector …) weighs 0."""
    return {name: max(0, int(weights.get(name, 0))) if criteria.has(name) else 0 for name in PARTS}


def sector_matches(sector: str, sectors: Iterable[str]) -> bool:
    """Whether a WZ division ("25") is one of `sectors` itself or by its section ("C")."""
    if not sector:
        return False
    sectors = set(sectors)
    if sector in sectors:
        return True
    entry = wz2008.get(sector)
    return entry is not None and entry.section in sectors


def saturating(count: np.ndarray) -> np.ndarray:
    """1 − ½ⁿ: the first need or recommendation counts most, each further one half as much."""
    return 1.0 - np.power(0.5, np.maximum(np.asarray(count, float), 0.0))


def contact_recency(days: np.ndarray) -> np.ndarray:
    """½^(days / half-life) for an earlier contact, 0 without one (nan)."""
    days = np.asarray(days, float)
    value = np.power(0.5, np.maximum(np.nan_to_num(days, nan=0.0), 0.0) / CONTACT_HALF_LIFE_DAYS)
    return np.where(np.isnan(days), 0.0, value)


def part_values(companies: Companies, criteria: Criteria) -> dict[str, np.ndarray]:
    """Each part's value per company, 0 … 1."""
    n = len(companies)
    section_of = matching_divisions(criteria.sectors)
    return {
        "sector": np.fromiter((code in section_of for code in companies.sector), float, n),
        "size": np.fromiter(
            (size in criteria.size_classes for size in companies.size_class), float, n
        ),
        "region": np.fromiter(
            (bool(d) and d in criteria.districts for d in companies.district), float, n
        ),
        "needs": saturating(companies.needs),
        "warm_path": np.clip(np.asarray(companies.warm_path, float), 0.0, 1.0),
        "recommendation": saturating(companies.recommendations),
        "contact": contact_recency(companies.contact_days),
    }


def score(companies: Companies, criteria: Criteria, weights: dict[str, int]) -> Scores:
    """The parts and totals of all companies (see the module docstring)."""
    parts = part_values(companies, criteria)
    counted = effective_weights(weights, criteria)
    weight_sum = sum(counted.values())
    total = np.zeros(len(companies))
    if weight_sum:
        for name, weight in counted.items():
            if weight:
                total += weight * parts[name]
        total *= 100.0 / weight_sum
    return Scores(parts=parts, weights=counted, total=total)


def ranking(scores: Scores, *, by: str = "score") -> np.ndarray:
    """Company indexes best first: by total, or by one part then the total; ties keep the
    given order (the caller passes companies sorted by name)."""
    if by == "name":
        return np.arange(len(scores.total))
    # np.lexsort sorts by the last key first; negative values put the best first.
    keys = [-scores.total] if by not in scores.parts else [-scores.total, -scores.parts[by]]
    return np.lexsort(keys).astype(np.int64) if len(scores.total) else np.zeros(0, np.int64)


def days_between(earlier: date | None, today: date) -> float:
    return math.nan if earlier is None else float((today - earlier).days)


def _points(value: float, weight: int, weight_sum: int) -> float:
    return 100.0 * weight * value / weight_sum if weight_sum else 0.0


def matching_divisions(sectors: frozenset[str]) -> set[str]:
    """The divisions that match the sectors (a section stands for all its divisions)."""
    matching = set()
    for code in sectors:
        entry = wz2008.get(code)
        if entry is None:
            continue
        matching.update(wz2008.divisions_of(entry.code) if entry.is_section else [entry.code])
    return matching


# --------------------------------------------------------------- warm paths, batched


def best_path_scores(
    graph: PathGraph, *, sources: Sequence[str], targets: Sequence[str], max_hops: int = MAX_HOPS
) -> tuple[np.ndarray, np.ndarray]:
    """The best warm path's score and hop count from any source to each target organisation
    (0 and 0 where there is none), for all targets at once.

    The same paths as `network.paths.warm_paths(k=1)`: intermediates are persons outside
    the team who have not declined to open doors; the last person before an organisation
    may also be one of its own people who declined (`PathGraph.closed_key`). The best path
    of at most H hops is found by rounds of relaxation over all ties at once (Bellman–Ford
    bounded to H hops, multiplying probabilities): with probabilities ≤ 1, dropping a loop
    from a walk never lowers its score, so the best walk is a simple path. Equal scores go
    to fewer hops. Cost: a few passes over the index's pair arrays instead of one search
    per target.
    """
    n = len(graph.keys)
    target_ids = np.array([graph.index.get(key, -1) for key in targets], np.int64)
    result = np.zeros(len(target_ids))
    result_hops = np.zeros(len(target_ids), np.int64)
    source_ids = np.array(sorted({graph.index[k] for k in sources if k in graph.index}), np.int64)
    if not n or not len(source_ids) or max_hops < 1 or not len(graph.pair_key):
        return result, result_hops

    low, high, prob = graph.pair_key // n, graph.pair_key % n, graph.pair_prob
    is_source = np.zeros(n, bool)
    is_source[source_ids] = True
    # The possible intermediates are what the index lists as neighbours (persons outside
    # the team who did not decline), the sources aside.
    intermediate = np.zeros(n, bool)
    intermediate[graph.nbr] = True
    intermediate &= ~is_source

    # layers[h]: per node the best score of a path of at most h hops from a source that
    # ends there and may go on (at a source, or an intermediate), with its hop count.
    best = np.zeros(n)
    best[source_ids] = 1.0
    hops = np.zeros(n, np.int64)
    origin = np.concatenate([low, high])
    dest = np.concatenate([high, low])
    both = np.concatenate([prob, prob])
    onward = intermediate[dest] & (is_source[origin] | intermediate[origin])
    layers = [(best, hops)]
    for _ in range(max_hops - 1):
        best, hops = _relax(best, hops, origin[onward], dest[onward], both[onward])
        layers.append((best, hops))

    # The last hop into the organisation: from a source or an intermediate reached in at
    # most H − 1 hops …
    last, last_hops = layers[max_hops - 1]
    into = ~intermediate[dest] & (is_source[origin] | intermediate[origin])
    target = [dest[into]]
    value = [last[origin[into]] * both[into]]
    count = [last_hops[origin[into]] + 1]
    if len(graph.closed_key) and max_hops >= 2:
        # … or from one of its own people who declined, reached in at most H − 1 hops.
        before, before_hops = layers[max_hops - 2]
        closed = graph.door_closed[dest] & (is_source[origin] | intermediate[origin])
        reach, reach_hops = _relax(
            np.zeros(n), np.zeros(n, np.int64), origin[closed], dest[closed], both[closed],
            best=before, hops=before_hops,
        )  # fmt: skip
        person, organisation = graph.closed_key % n, graph.closed_key // n
        target.append(organisation)
        value.append(reach[person] * graph.closed_prob)
        count.append(reach_hops[person] + 1)
    final, final_hops = np.zeros(n), np.zeros(n, np.int64)
    _take_best(
        final, final_hops, np.concatenate(target), np.concatenate(value), np.concatenate(count)
    )
    found = target_ids >= 0
    result[found] = final[target_ids[found]]
    result_hops[found] = final_hops[target_ids[found]]
    return result, result_hops


def _relax(current, current_hops, origin, dest, prob, *, best=None, hops=None):
    """One round: each dest's better of its current value and best[origin] × prob (best
    defaults to current), on equal scores the fewer hops. Returns new arrays."""
    best = current if best is None else best
    hops = current_hops if hops is None else hops
    value = best[origin] * prob
    new, new_hops = current.copy(), current_hops.copy()
    _take_best(new, new_hops, dest, value, hops[origin] + 1)
    return new, new_hops


def _take_best(best, hops, node, value, count) -> None:
    """best[node] = max(best[node], value) in place, per node; equal scores: fewer hops."""
    keep = value > 0
    node, value, count = node[keep], value[keep], count[keep]
    if not len(node):
        return
    order = np.lexsort((count, -value, node))
    node, value, count = node[order], value[order], count[order]
    first = np.ones(len(node), bool)
    first[1:] = node[1:] != node[:-1]
    node, value, count = node[first], value[first], count[first]
    better = (value > best[node]) | ((value == best[node]) & (count < hops[node]))
    best[node[better]] = value[better]
    hops[node[better]] = count[better]
