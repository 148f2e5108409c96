import pytest

from netzwerkstatt.contacts import selectors, services
from netzwerkstatt.contacts.selectors import OrganisationFilter, PersonFilter
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    NoteFactory,
    OrganisationFactory,
    PersonFactory,
    TagFactory,
)


def names(queryset):
    return [item.name for item in queryset]


@pytest.mark.parametrize("search", ["Müller", "Mueller", "muller", "MÜLL", "müller gifhorn"])
def test_organisation_search_finds_spelling_variants(scope, search):
    OrganisationFactory(workspace=scope.workspace, name="Metallbau Müller GmbH", city="Gifhorn")
    OrganisationFactory(workspace=scope.workspace, name="Kröger KG", city="Gifhorn")

    result = selectors.organisation_list(scope=scope, filters=OrganisationFilter(search=search))

    assert names(result) == ["Metallbau Müller GmbH"]


def test_organisation_search_strasse_finds_strasse(scope):
    OrganisationFactory(workspace=scope.workspace, name="Autohaus Hauptstraße")

    result = selectors.organisation_list(
        scope=scope, filters=OrganisationFilter(search="Hauptstrasse")
    )

    assert names(result) == ["Autohaus Hauptstraße"]


def test_organisation_search_never_returns_foreign_rows(scope, other_workspace):
    OrganisationFactory(workspace=other_workspace, name="Müller GmbH")

    result = selectors.organisation_list(scope=scope, filters=OrganisationFilter(search="müller"))

    assert not result.exists()


def test_organisation_filters_combine(scope):
    workspace = scope.workspace
    tag = TagFactory(workspace=workspace, name="TraM")
    match = OrganisationFactory(
        workspace=workspace,
        name="Treffer",
        kind="company",
        sector="28",
        employee_count=30,
        district="Landkreis Peine",
    )
    match.tags.add(tag)
    OrganisationFactory(
        workspace=workspace,
        name="Zu groß",
        sector="28",
        employee_count=300,
        district="Landkreis Peine",
    )
    OrganisationFactory(
        workspace=workspace,
        name="Andere Branche",
        sector="47",
        employee_count=30,
        district="Landkreis Peine",
    )
    OrganisationFactory(
        workspace=workspace, name="Kammer", kind="chamber", sector="28", employee_count=30
    )

    filters = OrganisationFilter(
        kind="company", sector="C", size_class="small", district="Landkreis Peine", tag="TraM"
    )

    assert names(selectors.organisation_list(scope=scope, filters=filters)) == ["Treffer"]


@pytest.mark.parametrize(
    ("size_class", "expected"),
    [("micro", ["9"]), ("small", ["10", "49"]), ("medium", ["50", "249"]), ("large", ["250"])],
)
def test_organisation_size_class_follows_eu_sme_bounds(scope, size_class, expected):
    for count in (9, 10, 49, 50, 249, 250):
        OrganisationFactory(workspace=scope.workspace, name=str(count), employee_count=count)

    result = selectors.organisation_list(
        scope=scope, filters=OrganisationFilter(size_class=size_class)
    )

    assert sorted(names(result), key=int) == expected


def test_organisation_sort_by_employees_descending(scope):
    for count in (5, 500, 50):
        OrganisationFactory(workspace=scope.workspace, name=f"B{count}", employee_count=count)

    result = selectors.organisation_list(scope=scope, filters=OrganisationFilter(sort="-employees"))

    assert names(result) == ["B500", "B50", "B5"]


def test_person_search_by_email_and_name(scope):
    person = PersonFactory(workspace=scope.workspace, first_name="Jürgen", last_name="Kröger")
    EmailAddressFactory(person=person, address="J.Kroeger@Metall.example")
    PersonFactory(workspace=scope.workspace, last_name="Schulz")

    for search in ("kroeger", "Jürgen Kröger", "metall.example"):
        result = selectors.person_list(scope=scope, filters=PersonFilter(search=search))
        assert list(result) == [person], search


def test_person_filter_by_organisation_kind_lists_each_person_once(scope):
    function = FunctionFactory(workspace=scope.workspace, organisation__kind="union")
    FunctionFactory(workspace=scope.workspace, person=function.person, organisation__kind="union")
    FunctionFactory(workspace=scope.workspace, organisation__kind="company")

    result = selectors.person_list(scope=scope, filters=PersonFilter(kind="union"))

    assert list(result) == [function.person]


def test_partner_lists_only_shared_persons(workspace, partner):
    shared = PersonFactory(workspace=workspace, is_shared=True)
    PersonFactory(workspace=workspace)
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    assert list(selectors.person_list(scope=partner_scope, filters=PersonFilter())) == [shared]


def test_organisation_duplicates_by_folded_name_and_postal_code(scope):
    existing = OrganisationFactory(
        workspace=scope.workspace, name="Müller GmbH", postal_code="38518"
    )
    OrganisationFactory(workspace=scope.workspace, name="Müller GmbH", postal_code="30159")

    found = selectors.organisation_duplicates(
        scope=scope, name="Mueller G.m.b.H.", postal_code="38518"
    )

    assert list(found) == [existing]


def test_person_duplicates_by_email_ignoring_case(scope):
    email = EmailAddressFactory(person__workspace=scope.workspace, address="Anke@Betrieb.example")

    found = selectors.person_duplicates(
        scope=scope, first_name="X", last_name="Y", emails=["anke@betrieb.EXAMPLE"]
    )

    assert list(found) == [email.person]


def test_person_duplicates_by_name_at_same_organisation(scope):
    function = FunctionFactory(
        workspace=scope.workspace, person__first_name="Anke", person__last_name="Müller"
    )

    same_org = selectors.person_duplicates(
        scope=scope,
        first_name="Anke",
        last_name="Mueller",
        organisation_ids=[function.organisation_id],
    )
    other_org = selectors.person_duplicates(
        scope=scope,
        first_name="Anke",
        last_name="Mueller",
        organisation_ids=[OrganisationFactory(workspace=scope.workspace).pk],
    )

    assert list(same_org) == [function.person]
    assert not other_org.exists()


def test_timeline_merges_notes_and_activity_newest_first(scope):
    organisation = OrganisationFactory(workspace=scope.workspace)
    services.organisation_update(scope=scope, organisation=organisation, name="Neuer Name")
    note = services.note_create(scope=scope, subject=organisation, text="Telefonat")

    timeline = selectors.timeline(scope=scope, subject=organisation)

    assert timeline[0] == note or timeline[1] == note
    assert len(timeline) == 3  # the note, its "noted" entry and the update


def test_timeline_is_empty_for_partners(workspace, partner):
    note = NoteFactory(workspace=workspace)
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    assert selectors.timeline(scope=partner_scope, subject=note.organisation) == []


def test_partner_sees_functions_only_at_shared_organisations(workspace, partner):
    person = PersonFactory(workspace=workspace, is_shared=True)
    shared = FunctionFactory(workspace=workspace, person=person, organisation__is_shared=True)
    FunctionFactory(workspace=workspace, person=person, organisation__is_shared=False)
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    detail = selectors.person_detail(scope=partner_scope, pk=person.pk)

    assert list(detail.functions.all()) == [shared]
