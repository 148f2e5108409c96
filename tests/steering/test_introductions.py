"""The pure handover figures: staff dependency, key relationships, ranked introductions."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from netzwerkstatt.steering.introductions import (
    DEPENDENT_BONUS,
    OTHER_ORGANISATION_BONUS,
    KeyRelationship,
    NetworkPerson,
    TieRow,
    key_relationships,
    pair,
    proposals,
    staff_dependent,
)

# A constructed network with a known answer.
# Staff: 1 (Anna) and 2 (Bernd). Topics: 10 Fachkräfte, 11 Ausbildung, 12 Digitalisierung.
# Organisations: 100 (Kammer), 200 (Betrieb A), 300 (Betrieb B).
STAFF = {1, 2}
PERSONS = [
    NetworkPerson(3, frozenset({100}), {10: 3, 11: 2}),  # Kammer: knows staff only
    NetworkPerson(4, frozenset({200}), {10: 2, 12: 1}),  # Betrieb A: knows 1 and 5
    NetworkPerson(5, frozenset({200}), {10: 1, 11: 1}),  # Betrieb A: knows 4
    NetworkPerson(6, frozenset({300}), {11: 3, 12: 0}),  # Betrieb B: knows staff only
    NetworkPerson(7, frozenset({300}), {12: 2}),  # Betrieb B: no strong tie at all
    NetworkPerson(1, frozenset(), {10: 3}),  # staff who is also a member
]
TIES = [
    TieRow(1, 3, 5),
    TieRow(2, 3, 4),
    TieRow(1, 4, 4),
    TieRow(4, 5, 4),
    TieRow(2, 6, 4),
    TieRow(6, 7, 2),  # weak, but a direct tie
    TieRow(1, 5, 3),  # weak: not a key relationship
]


def test_staff_dependent_lists_members_whose_strong_ties_all_go_to_staff():
    assert staff_dependent(PERSONS, STAFF, TIES) == [3, 6]


def test_staff_dependent_ignores_persons_without_strong_ties():
    persons = [NetworkPerson(8), NetworkPerson(9)]

    assert staff_dependent(persons, STAFF, [TieRow(8, 1, 3), TieRow(8, 9, 2)]) == []


def test_key_relationships_are_the_strong_staff_member_ties():
    assert key_relationships(PERSONS, STAFF, [*TIES, TieRow(3, 1, 4)]) == [
        KeyRelationship(staff=1, member=3, strength=5),
        KeyRelationship(staff=1, member=4, strength=4),
        KeyRelationship(staff=2, member=3, strength=4),
        KeyRelationship(staff=2, member=6, strength=4),
    ]


def test_proposals_rank_the_constructed_network_as_expected():
    ranked = proposals(PERSONS, STAFF, TIES)

    # 3–6: topic 11 (2 + 3) + both depend on staff (2 × 3) + other organisations (2) = 13
    # 3–4: topic 10 (3 + 2) + 3 depends (3) + other organisations (2) = 10
    # 3–5: topics 10 (3 + 1) and 11 (2 + 1) + 3 depends (3) + other organisations (2) = 12
    # 4–7: topic 12 (1 + 2) + other organisations (2) = 5
    # 5–6: topic 11 (1 + 3) + 6 depends (3) + other organisations (2) = 9
    # not: 4–5 (tied), 6–7 (tied, however weakly), anyone with staff person 1
    assert [(p.first, p.second, p.score) for p in ranked] == [
        (3, 6, 13),
        (3, 5, 12),
        (3, 4, 10),
        (5, 6, 9),
        (4, 7, 5),
    ]
    best = ranked[0]
    assert best.shared_topics == (11,)
    assert best.dependent == (3, 6)
    assert best.other_organisation is True


def test_proposals_give_the_same_organisation_no_bonus_and_skip_planned_pairs():
    persons = [
        NetworkPerson(3, frozenset({100}), {10: 1}),
        NetworkPerson(4, frozenset({100}), {10: 1}),
        NetworkPerson(5, frozenset({200}), {10: 1}),
    ]

    ranked = proposals(persons, set(), [], planned=[(5, 3)])

    assert [(p.first, p.second, p.score) for p in ranked] == [
        (4, 5, 2 + OTHER_ORGANISATION_BONUS),
        (3, 4, 2),
    ]


def test_proposals_limit_keeps_the_best():
    assert [(p.first, p.second) for p in proposals(PERSONS, STAFF, TIES, limit=2)] == [
        (3, 6),
        (3, 5),
    ]


# ------------------------------------------------------------------------------ properties

ids = st.integers(min_value=1, max_value=12)
people = st.dictionaries(
    ids,
    st.tuples(
        st.frozensets(st.integers(100, 102), max_size=2),
        st.dictionaries(st.integers(10, 13), st.integers(0, 3), max_size=4),
    ),
    max_size=10,
)
tie_rows = st.lists(
    st.builds(TieRow, ids, ids, st.integers(1, 5)).filter(lambda tie: tie.a != tie.b),
    max_size=20,
)


def _persons(data) -> list[NetworkPerson]:
    return [NetworkPerson(pk, orgs, topics) for pk, (orgs, topics) in data.items()]


@given(people, st.sets(ids, max_size=3), tie_rows)
def test_proposals_never_pair_tied_persons_and_are_unique_unordered(data, staff, ties):
    ranked = proposals(_persons(data), staff, ties)

    tied = {pair(tie.a, tie.b) for tie in ties}
    pairs = [(p.first, p.second) for p in ranked]
    assert all(first < second for first, second in pairs)
    assert len(pairs) == len(set(pairs))
    assert not set(pairs) & tied
    assert not {pk for pair_ in pairs for pk in pair_} & staff
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)


@given(people, st.sets(ids, max_size=3), tie_rows, st.integers(10, 13), st.integers(1, 3))
def test_proposal_scores_grow_with_shared_topics(data, staff, ties, topic, level):
    persons = _persons(data)
    before = {(p.first, p.second): p for p in proposals(persons, staff, ties)}

    # Everyone gains an interest in one more topic (or keeps a higher level).
    more = [
        replace(person, topics={**person.topics, topic: max(level, person.topics.get(topic, 0))})
        for person in persons
    ]
    after = {(p.first, p.second): p for p in proposals(more, staff, ties)}

    for key, proposal in before.items():
        assert key in after
        grown = len(after[key].shared_topics) > len(proposal.shared_topics)
        assert after[key].score >= proposal.score + (2 if grown else 0)


def test_dependent_bonus_counts_each_dependent_person():
    persons = [NetworkPerson(3, topics={10: 1}), NetworkPerson(4, topics={10: 1})]
    ties = [TieRow(1, 3, 4), TieRow(1, 4, 5)]

    [proposal] = proposals(persons, {1}, ties)

    assert proposal.score == 2 + 2 * DEPENDENT_BONUS + OTHER_ORGANISATION_BONUS
