from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netzwerkstatt.network.graph import EMPLOYMENT, EMPLOYMENT_STRENGTH
from netzwerkstatt.network.scoring import (
    HALF_LIFE_MONTHS,
    RECENCY_FLOOR,
    RECENCY_UNKNOWN,
    STRENGTH_BASE,
    TRUST_FACTOR,
    TRUST_UNKNOWN_FACTOR,
    tie_factors,
    tie_probabilities,
    tie_probability,
)

from .builders import TODAY, employment, tie

dates = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1)))
edges = st.builds(
    lambda strength, trust, since, last_contact, kind: tie(
        "person:1",
        "person:2",
        strength=strength,
        trust=trust,
        since=since,
        last_contact=last_contact,
        kind=kind,
    ),
    st.integers(1, 5),
    st.one_of(st.none(), st.integers(1, 5)),
    dates,
    dates,
    st.sampled_from(["knows", "advises", EMPLOYMENT]),
)


@given(edge=edges)
def test_tie_probability_lies_in_the_unit_interval(edge):
    assert 0 < tie_probability(edge, today=TODAY) <= 1


@given(edge=edges)
def test_tie_probability_never_falls_when_strength_rises(edge):
    stronger = replace(edge, strength=min(5, edge.strength + 1))

    assert tie_probability(stronger, today=TODAY) >= tie_probability(edge, today=TODAY)


@given(edge=edges, trust=st.integers(1, 5))
def test_tie_probability_never_falls_when_trust_rises(edge, trust):
    lower, higher = replace(edge, trust=trust), replace(edge, trust=min(5, trust + 1))

    assert tie_probability(higher, today=TODAY) >= tie_probability(lower, today=TODAY)


@given(edge=edges, days=st.integers(1, 5000))
def test_tie_probability_never_falls_when_the_last_contact_is_more_recent(edge, days):
    if edge.last_contact is None:
        edge = replace(edge, last_contact=TODAY - timedelta(days=days))
    later = replace(edge, last_contact=edge.last_contact + timedelta(days=days))

    assert tie_probability(later, today=TODAY) >= tie_probability(edge, today=TODAY)


def test_tie_probability_halves_after_the_half_life():
    fresh = tie("person:1", "person:2", strength=5, trust=5, last_contact=TODAY)
    old = replace(fresh, last_contact=date(TODAY.year - HALF_LIFE_MONTHS // 12, 6, 1))

    assert tie_probability(fresh, today=TODAY) == STRENGTH_BASE[5]
    assert tie_factors(old, today=TODAY).recency == pytest.approx(0.5, abs=1e-3)


def test_tie_probability_keeps_a_floor_for_old_ties():
    ancient = tie("person:1", "person:2", last_contact=date(1970, 1, 1))

    assert tie_factors(ancient, today=TODAY).recency == RECENCY_FLOOR


def test_tie_probability_decays_from_since_without_a_last_contact():
    edge = tie("person:1", "person:2", since=TODAY)

    assert tie_factors(edge, today=TODAY).recency == 1.0


def test_tie_probability_of_unknown_trust_and_date_uses_middle_values():
    factors = tie_factors(tie("person:1", "person:2", strength=3), today=TODAY)

    assert factors.trust == TRUST_UNKNOWN_FACTOR == TRUST_FACTOR[3]
    assert factors.recency == RECENCY_UNKNOWN
    assert factors.probability == STRENGTH_BASE[3] * TRUST_UNKNOWN_FACTOR * RECENCY_UNKNOWN


def test_tie_probability_of_employment_is_strong_and_does_not_decay():
    factors = tie_factors(employment("person:1", "organisation:2"), today=TODAY)

    assert factors.strength == STRENGTH_BASE[EMPLOYMENT_STRENGTH]
    assert factors.recency == 1.0


@given(edges=st.lists(edges, max_size=30), trust=st.integers(-2, 8), strength=st.integers(-1, 7))
def test_tie_probabilities_equal_tie_probability_bit_for_bit(edges, trust, strength):
    edges = [*edges, replace(tie("person:1", "person:2"), trust=trust, strength=strength)]

    vectorised = tie_probabilities(edges, today=TODAY).tolist()

    assert vectorised == [tie_probability(edge, today=TODAY) for edge in edges]
