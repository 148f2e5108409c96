"""The demo's relationship network as plain data, checked before anything is written."""

from collections import Counter
from datetime import timedelta

import pytest

from netzwerkstatt.contacts.enums import DoorOpener, OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.loader import DEFAULT_SEED
from netzwerkstatt.demo.network.dates import LAST_DAY, STALE_AFTER, YEAR_AGO
from netzwerkstatt.demo.network.index import DemoIndex
from netzwerkstatt.demo.network.plan import network_plan
from netzwerkstatt.demo.network.specs import Access
from netzwerkstatt.demo.network.team import OWN_ORGANISATION_KEY
from netzwerkstatt.demo.plan import contacts_plan
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.network.enums import TIE_RULES, NodeType, Provenance, RecommendationOutcome

EXPECTED_PROVENANCE = set(Provenance) - {Provenance.RECOMMENDATION}  # those come from services


@pytest.fixture(scope="module")
def contacts():
    return contacts_plan(seed=DEFAULT_SEED)


@pytest.fixture(scope="module")
def plan(contacts):
    return network_plan(seed=DEFAULT_SEED, contacts=contacts)


@pytest.fixture(scope="module")
def index(contacts, plan):
    return DemoIndex.build(
        organisations=contacts.organisations, persons=contacts.persons, team=plan.team
    )


def node_type(index, key):
    return NodeType.PERSON if key in index.persons else NodeType.ORGANISATION


def is_partner_person(index, key):
    employer = index.employer[key]
    return index.kind(employer) != OrganisationKind.COMPANY and employer != OWN_ORGANISATION_KEY


def test_network_plan_same_seed_gives_same_network(contacts, plan):
    assert network_plan(seed=DEFAULT_SEED, contacts=contacts) == plan


def test_network_plan_other_seed_gives_other_ties(plan):
    other_contacts = contacts_plan(seed=DEFAULT_SEED + 1)
    other = network_plan(seed=DEFAULT_SEED + 1, contacts=other_contacts)

    assert [(tie.source, tie.target) for tie in other.ties] != [
        (tie.source, tie.target) for tie in plan.ties
    ]


def test_network_plan_has_a_few_thousand_ties_of_every_kind(plan):
    kinds = Counter(tie.kind for tie in plan.ties)

    assert 2000 <= len(plan.ties) <= 4000
    assert set(kinds) == set(TIE_RULES)


def test_network_plan_ties_fit_their_kinds_rules(plan, index):
    for tie in plan.ties:
        rule = TIE_RULES[tie.kind]
        assert node_type(index, tie.source) == rule.source, tie
        assert node_type(index, tie.target) == rule.target, tie


def test_network_plan_ties_join_two_different_ends_once(plan):
    pairs = Counter(frozenset((tie.source, tie.target)) for tie in plan.ties)

    assert all(len(pair) == 2 for pair in pairs)
    assert pairs.most_common(1)[0][1] == 1


def test_network_plan_ties_have_plausible_values_and_dates(plan):
    for tie in plan.ties:
        assert 1 <= tie.strength <= 5
        assert tie.trust is None or 1 <= tie.trust <= 5
        assert tie.since <= LAST_DAY
        assert tie.last_contact is None or tie.since <= tie.last_contact <= LAST_DAY
        assert tie.recorded_at.date() < REFERENCE_DATE
        assert tie.recorded_by in (Role.LEAD, Role.STAFF)


def test_network_plan_mixes_fresh_stale_trusted_and_project_ties(plan):
    count = len(plan.ties)
    stale = [
        t for t in plan.ties if t.last_contact and t.last_contact < REFERENCE_DATE - STALE_AFTER
    ]
    fresh = [t for t in plan.ties if t.last_contact and t.last_contact >= LAST_DAY - timedelta(90)]
    new = [tie for tie in plan.ties if tie.since >= YEAR_AGO]

    assert 0.08 * count <= len(stale) <= 0.3 * count
    assert len(fresh) >= 0.25 * count
    assert 0.2 * count <= len(new) <= 0.5 * count
    assert 0.1 * count <= sum(tie.trust is not None for tie in plan.ties) <= 0.5 * count
    assert {tie.project for tie in plan.ties} == {"", "TraM", "FluGs"}
    assert {tie.provenance for tie in plan.ties} == EXPECTED_PROVENANCE
    assert sum(bool(tie.purpose) for tie in plan.ties) >= 0.3 * count


def test_network_plan_team_knows_the_partners_well_and_recently(plan, index):
    team = set(index.team)
    ties = [
        tie
        for tie in plan.ties
        if {tie.source, tie.target} & team
        and any(
            is_partner_person(index, end)
            for end in (tie.source, tie.target)
            if end in index.persons and end not in team
        )
    ]
    strong = [tie for tie in ties if tie.strength >= 4]
    recent = [tie for tie in ties if tie.last_contact and tie.last_contact >= YEAR_AGO]

    assert len(ties) >= 100
    assert len(strong) >= 0.6 * len(ties)
    assert len(recent) >= 0.8 * len(ties)


def test_network_plan_partners_know_each_other_across_institutions(plan, index):
    partners = [
        tie
        for tie in plan.ties
        if tie.source in index.persons
        and tie.target in index.persons
        and is_partner_person(index, tie.source)
        and is_partner_person(index, tie.target)
        and index.employer[tie.source] != index.employer[tie.target]
    ]
    kinds = Counter(
        frozenset((index.person_kind(tie.source), index.person_kind(tie.target)))
        for tie in partners
    )

    assert len(partners) >= 600
    assert kinds[frozenset((OrganisationKind.UNION, OrganisationKind.EMPLOYERS_ASSOCIATION))] > 20
    assert kinds[frozenset((OrganisationKind.CHAMBER, OrganisationKind.EMPLOYMENT_AGENCY))] > 20


def test_network_plan_companies_are_members_of_chambers_and_associations(plan, index):
    memberships = Counter(
        index.kind(tie.target)
        for tie in plan.ties
        if tie.source in index.organisations
        and index.kind(tie.source) == OrganisationKind.COMPANY
        and tie.kind == "membership"
    )

    assert memberships[OrganisationKind.CHAMBER] >= 150
    assert memberships[OrganisationKind.EMPLOYERS_ASSOCIATION] >= 20


def test_network_plan_door_openers_mostly_willing_or_not_asked_a_few_unwilling(plan, index):
    partners = [key for key in index.persons if is_partner_person(index, key)]
    companies = [
        key for key in index.persons if index.kind(index.employer[key]) == OrganisationKind.COMPANY
    ]
    partner_words = Counter(plan.door_openers.get(key, DoorOpener.NOT_ASKED) for key in partners)
    company_words = Counter(plan.door_openers.get(key, DoorOpener.NOT_ASKED) for key in companies)

    assert 3 <= partner_words[DoorOpener.UNWILLING] <= 0.15 * len(partners)
    assert partner_words[DoorOpener.WILLING] >= 0.35 * len(partners)
    assert partner_words[DoorOpener.NOT_ASKED] >= 0.2 * len(partners)
    assert company_words[DoorOpener.NOT_ASKED] >= 0.85 * len(companies)
    assert company_words[DoorOpener.UNWILLING] > 0


def test_network_plan_gives_the_companies_every_kind_of_access(plan):
    access = Counter(plan.access.values())

    assert set(access) == set(Access)
    assert access[Access.WARM] + access[Access.TEAM] >= 0.5 * len(plan.access)
    assert access[Access.COLD] + access[Access.BLOCKED] <= 0.25 * len(plan.access)


def test_network_plan_team_of_four_with_the_two_team_logins(plan):
    members = plan.team.members
    logins = Counter(member.user for member in members)

    assert len(members) == 4
    assert logins == {Role.LEAD: 1, Role.STAFF: 1, None: 2}
    assert plan.team.organisation.kind == OrganisationKind.EDUCATION_PROVIDER
    assert {person.functions[0].organisation for person in plan.team.persons} == {
        plan.team.organisation.key
    }


def test_network_plan_acquaintances_have_left_and_know_only_the_team(plan, index):
    team = set(index.team)
    for person in plan.team.acquaintances:
        assert all(function.end_date < REFERENCE_DATE for function in person.functions)
        others = {
            tie.target if tie.source == person.key else tie.source
            for tie in plan.ties
            if person.key in (tie.source, tie.target)
        }
        assert others
        assert others <= team


def test_network_plan_about_forty_recommendations_with_every_outcome(plan, index):
    outcomes = Counter(recommendation.outcome for recommendation in plan.recommendations)

    assert 35 <= len(plan.recommendations) <= 45
    assert set(outcomes) == set(RecommendationOutcome)
    for recommendation in plan.recommendations:
        assert YEAR_AGO <= recommendation.date < REFERENCE_DATE
        if recommendation.outcome == RecommendationOutcome.OPEN:
            assert recommendation.outcome_date is None
        else:
            assert recommendation.date < recommendation.outcome_date <= LAST_DAY
        assert recommendation.recommender in index.persons
        assert (
            len({recommendation.recommender, recommendation.subject, recommendation.recipient}) == 3
        )


def test_network_plan_surveys_one_answered_one_open(plan, index):
    answered, open_survey = plan.surveys
    free = [answer for answer in answered.answers if not answer.organisation]

    assert 6 <= len(answered.answers) <= 8
    assert len(free) == 2
    assert all(answer.organisation_name and answer.city for answer in free)
    assert all(1 <= answer.closeness <= 5 for answer in answered.answers)
    assert not open_survey.answers
    assert plan.door_openers[answered.respondent] == DoorOpener.WILLING
    assert is_partner_person(index, answered.respondent)


def test_network_plan_growing_partners_joined_over_the_year(plan, index):
    assert len(plan.joined) >= 8
    assert len({day.month for day in plan.joined.values()}) >= 8
    team = set(index.team)
    for tie in plan.ties:
        ends = {tie.source, tie.target}
        joined = [
            plan.joined[index.employer.get(end, end)]
            for end in ends
            if index.employer.get(end, end) in plan.joined
        ]
        same_partner = len({index.employer.get(end, end) for end in ends}) == 1
        if joined and not ends & team and not same_partner:
            assert tie.since >= max(joined), tie
