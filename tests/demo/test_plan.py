"""The demo network as plain data, checked before anything is written to the database."""

from collections import Counter
from datetime import date
from urllib.parse import urlsplit

import pytest
from faker.providers.person.de_DE import Provider as GermanNames

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, PhoneKind, Salutation, SizeClass
from netzwerkstatt.demo.geography import DISTRICTS
from netzwerkstatt.demo.loader import DEFAULT_SEED
from netzwerkstatt.demo.plan import contacts_plan
from netzwerkstatt.demo.specs import REFERENCE_DATE

METAL_AND_ELECTRICAL = {"24", "25", "26", "27", "28", "29", "30", "33", "43"}


@pytest.fixture(scope="module")
def plan():
    return contacts_plan(seed=DEFAULT_SEED)


@pytest.fixture(scope="module")
def companies(plan):
    return [spec for spec in plan.organisations if spec.kind == OrganisationKind.COMPANY]


@pytest.fixture(scope="module")
def organisations_by_key(plan):
    return {spec.key: spec for spec in plan.organisations}


def test_plan_same_seed_gives_same_data(plan):
    assert contacts_plan(seed=DEFAULT_SEED) == plan


def test_plan_other_seed_gives_other_data(plan):
    other = contacts_plan(seed=DEFAULT_SEED + 1)

    assert [spec.name for spec in other.organisations] != [spec.name for spec in plan.organisations]
    assert [spec.last_name for spec in other.persons] != [spec.last_name for spec in plan.persons]


def test_plan_has_about_the_numbers_the_demo_promises(plan, companies):
    assert len(companies) == 300
    assert 55 <= len(plan.organisations) - len(companies) <= 70
    assert 850 <= len(plan.persons) <= 950
    assert len(plan.notes) > 300


def test_plan_companies_are_mostly_small_with_a_few_large(companies):
    sizes = Counter(SizeClass.for_employees(spec.employee_count) for spec in companies)

    assert set(sizes) == set(SizeClass)
    assert sizes[SizeClass.MICRO] + sizes[SizeClass.SMALL] > 0.5 * len(companies)
    assert 0 < sizes[SizeClass.LARGE] < 0.15 * len(companies)


def test_plan_tram_companies_are_metal_and_electrical(companies):
    tram = [spec for spec in companies if "TraM" in spec.tags]

    assert len(tram) > 150
    assert all(spec.sector in METAL_AND_ELECTRICAL for spec in tram)


def test_plan_sectors_are_wz_2008_divisions(companies):
    for spec in companies:
        entry = wz2008.get(spec.sector)
        assert entry is not None
        assert not entry.is_section


def test_plan_postal_codes_and_districts_come_from_the_geography_table(plan):
    known = {
        (district.name, town.name, town.postal_code)
        for district in DISTRICTS
        for town in district.towns
    }

    for spec in plan.organisations:
        assert (
            spec.place.district.name,
            spec.place.town.name,
            spec.place.town.postal_code,
        ) in known


def test_plan_organisation_names_are_unique(plan):
    names = [spec.name for spec in plan.organisations]

    assert len(names) == len(set(names))


def test_plan_every_person_has_a_current_function_at_a_known_organisation(
    plan, organisations_by_key
):
    for person in plan.persons:
        assert person.functions[0].end_date is None
        for function in person.functions:
            assert function.organisation in organisations_by_key
            assert function.role
            assert function.start_date < REFERENCE_DATE
            assert function.end_date is None or function.start_date <= function.end_date


def test_plan_has_past_functions_and_seats_at_partners(plan, organisations_by_key):
    second_functions = [person.functions[1] for person in plan.persons if len(person.functions) > 1]
    at_partners = [
        function
        for function in second_functions
        if organisations_by_key[function.organisation].kind != OrganisationKind.COMPANY
    ]

    assert any(function.end_date for function in second_functions)
    assert at_partners


def test_plan_salutation_matches_the_first_names_gender(plan):
    for person in plan.persons:
        female_names = GermanNames.first_names_female
        assert (person.first_name in female_names) == (person.salutation == Salutation.MS)


def test_plan_web_and_email_addresses_use_example_domains(plan):
    addresses = [email.address for person in plan.persons for email in person.emails]

    assert all(address.endswith(".example") for address in addresses)
    assert len(addresses) == len(set(addresses))
    for spec in plan.organisations:
        assert spec.website == "" or urlsplit(spec.website).hostname.endswith(".example")


def test_plan_work_phones_carry_the_area_code_of_the_organisations_town(plan, organisations_by_key):
    for person in plan.persons:
        organisation = organisations_by_key[person.functions[0].organisation]
        work_phone = next(phone for phone in person.phones if phone.kind == PhoneKind.WORK)
        assert work_phone.number.startswith(f"{organisation.place.town.area_code} ")


def test_plan_shares_some_organisations_and_their_persons(plan, organisations_by_key):
    shared = [spec for spec in plan.organisations if spec.is_shared]

    assert 0 < len(shared) < len(plan.organisations) / 2
    for person in plan.persons:
        assert person.is_shared == organisations_by_key[person.functions[0].organisation].is_shared


def test_plan_notes_are_dated_on_working_days_before_the_reference_date(plan):
    days = {note.written_at.date() for note in plan.notes}

    assert all(date(2026, 1, 1) <= day < REFERENCE_DATE for day in days)
    assert all(day.weekday() < 5 for day in days)
    assert len(days) > 100


def test_plan_notes_cover_about_a_quarter_of_organisations_and_persons(plan):
    organisations = {note.organisation for note in plan.notes if note.organisation}
    persons = {note.person for note in plan.notes if note.person}

    assert 0.15 < len(organisations) / len(plan.organisations) < 0.35
    assert 0.15 < len(persons) / len(plan.persons) < 0.35
