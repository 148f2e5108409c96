"""Company dossiers: services (validation, permissions, other workspaces) and pages."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.models import DecisionMaker, Dossier, IdentifiedNeed, ResearchNote
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from tests.factories import (
    FunctionFactory,
    NeedFactory,
    NoteFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    WorkspaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def company(workspace):
    return OrganisationFactory(
        workspace=workspace, name="Tischlerei Holm", kind=OrganisationKind.COMPANY, city="Kiel"
    )


@pytest.fixture
def dossier(scope, project, company):
    return services.dossier_open(scope=scope, project=project, organisation=company)[0]


# ---------------------------------------------------------------------------- services


def test_a_dossier_is_opened_once_per_project_and_company(scope, project, company):
    first, created = services.dossier_open(scope=scope, project=project, organisation=company)
    again, created_again = services.dossier_open(scope=scope, project=project, organisation=company)

    assert (created, created_again) == (True, False)
    assert again == first
    assert Dossier.objects.count() == 1
    other = ProjectFactory(workspace=project.workspace)
    assert services.dossier_open(scope=scope, project=other, organisation=company)[1]


def test_only_companies_get_a_dossier(scope, project, workspace):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    with pytest.raises(ValidationError):
        services.dossier_open(scope=scope, project=project, organisation=chamber)


def test_another_workspace_s_company_gets_no_dossier(scope, project):
    foreign = OrganisationFactory(workspace=WorkspaceFactory(), kind=OrganisationKind.COMPANY)

    with pytest.raises(ValidationError):
        services.dossier_open(scope=scope, project=project, organisation=foreign)
    assert not Dossier.objects.exists()


def test_partners_cannot_open_or_change_dossiers(partner_scope, scope, project, company):
    with pytest.raises(PermissionDenied):
        services.dossier_open(scope=partner_scope, project=project, organisation=company)
    dossier = services.dossier_open(scope=scope, project=project, organisation=company)[0]
    with pytest.raises(PermissionDenied):
        services.dossier_update(scope=partner_scope, dossier=dossier, situation="x")
    with pytest.raises(PermissionDenied):
        services.research_note_add(scope=partner_scope, dossier=dossier, text="x")


def test_facts_are_saved_and_only_changed_names_are_logged(scope, dossier):
    services.dossier_update(
        scope=scope,
        dossier=dossier,
        situation="  Wächst, findet keine Gesellen. ",
        share_50_plus=38,
        open_positions=3,
        recent_events="",
    )

    dossier.refresh_from_db()
    assert (dossier.situation, dossier.share_50_plus, dossier.updated_by) == (
        "Wächst, findet keine Gesellen.",
        38,
        scope.user,
    )
    entry = ActivityEntry.objects.filter(object_id=dossier.pk).latest("id")
    assert entry.details == {"fields": ["situation", "share_50_plus", "open_positions"]}
    assert "Gesellen" not in str(entry.details)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"share_50_plus": 101}, "share_50_plus"),
        ({"share_50_plus": -1}, "share_50_plus"),
        ({"open_positions": -2}, "open_positions"),
    ],
)
def test_facts_out_of_range_are_refused(scope, dossier, fields, field):
    with pytest.raises(ValidationError) as error:
        services.dossier_update(scope=scope, dossier=dossier, **fields)

    assert field in error.value.message_dict


def test_open_positions_far_beyond_the_staff_are_refused(scope, dossier):
    dossier.organisation.employee_count = 12
    dossier.organisation.save()

    with pytest.raises(ValidationError, match="12"):
        services.dossier_update(scope=scope, dossier=dossier, open_positions=500)


def test_research_notes_need_text_and_no_future_date(scope, dossier):
    with pytest.raises(ValidationError) as error:
        services.research_note_add(
            scope=scope,
            dossier=dossier,
            text=" ",
            noted_on=timezone.localdate() + dt.timedelta(days=2),
        )

    assert set(error.value.message_dict) == {"text", "noted_on"}
    note = services.research_note_add(
        scope=scope, dossier=dossier, text="Neue Halle", source="https://holm.example/presse"
    )
    assert (note.noted_on, note.author) == (timezone.localdate(), scope.user)
    services.research_note_delete(scope=scope, note=note)
    assert not ResearchNote.objects.exists()


def test_a_need_is_named_once_and_only_from_the_workspace(scope, dossier, workspace):
    need = NeedFactory(workspace=workspace, name="Nachfolge")
    services.identified_need_add(scope=scope, dossier=dossier, need=need, evidence="Chef ist 64")

    with pytest.raises(ValidationError, match="Nachfolge"):
        services.identified_need_add(scope=scope, dossier=dossier, need=need)
    with pytest.raises(ValidationError):
        services.identified_need_add(
            scope=scope, dossier=dossier, need=NeedFactory(workspace=WorkspaceFactory())
        )
    assert IdentifiedNeed.objects.count() == 1


def test_decision_makers_once_with_a_role(scope, dossier, workspace):
    person = PersonFactory(workspace=workspace, last_name="Holm")
    services.decision_maker_add(scope=scope, dossier=dossier, person=person, role="decider")

    with pytest.raises(ValidationError) as error:
        services.decision_maker_add(scope=scope, dossier=dossier, person=person, role="boss")
    assert set(error.value.message_dict) == {"person", "role"}
    with pytest.raises(ValidationError):
        services.decision_maker_add(
            scope=scope,
            dossier=dossier,
            person=PersonFactory(workspace=WorkspaceFactory()),
            role="decider",
        )
    maker = DecisionMaker.objects.get()
    services.decision_maker_delete(scope=scope, maker=maker)
    assert not DecisionMaker.objects.exists()


# ------------------------------------------------------------------------------- pages


def test_dossier_pages_closed_to_partners(partner_client, dossier):
    assert partner_client.get(reverse("acquisition:dossier_list")).status_code == 403
    assert partner_client.get(dossier.get_absolute_url()).status_code == 403


def test_company_page_offers_a_dossier_per_project(staff_client, project, company):
    content = staff_client.get(company.get_absolute_url()).content.decode()

    assert reverse("acquisition:dossier_open", args=[company.pk]) in content

    response = staff_client.post(
        reverse("acquisition:dossier_open", args=[company.pk]), {"project": project.pk}
    )
    dossier = Dossier.objects.get()
    assert response.url == dossier.get_absolute_url()
    content = staff_client.get(company.get_absolute_url()).content.decode()
    assert dossier.get_absolute_url() in content


def test_partners_see_no_dossier_section(partner_client, company, project):
    company.is_shared = True
    company.save()

    content = partner_client.get(company.get_absolute_url()).content.decode()

    assert reverse("acquisition:dossier_open", args=[company.pk]) not in content


def test_dossier_page_shows_everything_the_team_knows(staff_client, scope, dossier, workspace):
    person = FunctionFactory(
        workspace=workspace, organisation=dossier.organisation, role="Inhaber"
    ).person
    NoteFactory(
        workspace=workspace, person=person, organisation=None, text="Kennt uns von der Messe"
    )
    NoteFactory(workspace=workspace, organisation=dossier.organisation, text="Rückruf erbeten")
    services.decision_maker_add(scope=scope, dossier=dossier, person=person, role="decider")
    services.research_note_add(scope=scope, dossier=dossier, text="Neue Halle", source="KN")
    need = NeedFactory(workspace=workspace, name="Nachfolge")
    services.identified_need_add(scope=scope, dossier=dossier, need=need, evidence="Chef 64")
    services.approach_create(
        scope=scope, project=dossier.project, organisation=dossier.organisation
    )

    response = staff_client.get(dossier.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Tischlerei Holm", "Kennt uns von der Messe", "Rückruf erbeten", "Inhaber",
        "Neue Halle", "KN", "Nachfolge", "Chef 64", "identifiziert",
        reverse("network:warm_paths_organisation", args=[dossier.organisation_id]),
    ):  # fmt: skip
        assert text in content, text


def test_dossier_page_queries_are_bounded(staff_client, scope, dossier, workspace,
                                          django_assert_max_num_queries):  # fmt: skip
    for index in range(6):
        person = FunctionFactory(workspace=workspace, organisation=dossier.organisation).person
        NoteFactory(workspace=workspace, person=person, organisation=None)
        services.decision_maker_add(scope=scope, dossier=dossier, person=person, role="user")
        services.research_note_add(scope=scope, dossier=dossier, text=f"Fund {index}")
        services.identified_need_add(
            scope=scope, dossier=dossier, need=NeedFactory(workspace=workspace)
        )

    with django_assert_max_num_queries(15):
        assert staff_client.get(dossier.get_absolute_url()).status_code == 200


def test_research_note_added_and_deleted_with_htmx(staff_client, dossier):
    url = reverse("acquisition:research_note_create", args=[dossier.pk])

    response = staff_client.post(
        url,
        {"note-text": "Sucht Azubis", "note-source": "Website", "note-noted_on": "2026-01-05"},
        headers={"HX-Request": "true"},
    )

    assert response.templates[0].name == "acquisition/_dossier_notes.html"
    assert "Sucht Azubis" in response.content.decode()
    note = ResearchNote.objects.get()
    response = staff_client.post(
        reverse("acquisition:research_note_delete", args=[note.pk]),
        headers={"HX-Request": "true"},
    )
    assert not ResearchNote.objects.exists()
    assert "Sucht Azubis" not in response.content.decode()


def test_an_invalid_finding_comes_back_with_its_error(staff_client, dossier):
    response = staff_client.post(
        reverse("acquisition:research_note_create", args=[dossier.pk]),
        {"note-text": "", "note-noted_on": "2026-01-05"},
        headers={"HX-Request": "true"},
    )

    assert response.context["note_form"].errors["text"]
    assert not ResearchNote.objects.exists()


def test_facts_form_in_place_refuses_a_share_over_100(staff_client, dossier):
    url = reverse("acquisition:dossier_update", args=[dossier.pk])

    response = staff_client.post(
        url, {"facts-share_50_plus": "140"}, headers={"HX-Request": "true"}
    )

    assert response.context["facts_form"].errors["share_50_plus"]
    dossier.refresh_from_db()
    assert dossier.share_50_plus is None
    response = staff_client.post(
        url,
        {"facts-share_50_plus": "40", "facts-situation": "Wachstum"},
        headers={"HX-Request": "true"},
    )
    dossier.refresh_from_db()
    assert (dossier.share_50_plus, dossier.situation) == (40, "Wachstum")


def test_needs_and_decision_makers_added_through_the_page(staff_client, dossier, workspace):
    need = NeedFactory(workspace=workspace, name="Digitalisierung")
    person = FunctionFactory(workspace=workspace, organisation=dossier.organisation).person
    htmx = {"HX-Request": "true"}

    staff_client.post(
        reverse("acquisition:identified_need_create", args=[dossier.pk]),
        {"need-need": need.pk, "need-evidence": "ERP alt"},
        headers=htmx,
    )
    staff_client.post(
        reverse("acquisition:decision_maker_create", args=[dossier.pk]),
        {"maker-person": person.pk, "maker-role": "door_opener"},
        headers=htmx,
    )

    assert IdentifiedNeed.objects.get().evidence == "ERP alt"
    assert DecisionMaker.objects.get().person == person


def test_a_foreign_person_cannot_become_a_decision_maker(staff_client, dossier):
    foreign = FunctionFactory(workspace=WorkspaceFactory()).person

    response = staff_client.post(
        reverse("acquisition:decision_maker_create", args=[dossier.pk]),
        {"maker-person": foreign.pk, "maker-role": "decider"},
        headers={"HX-Request": "true"},
    )

    assert response.context["maker_form"].errors["person"]
    assert not DecisionMaker.objects.exists()


def test_dossier_list_empty_states(staff_client, project):
    response = staff_client.get(reverse("acquisition:dossier_list"))

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert not response.context["filters"].search


def test_dossier_list_searches_and_pages(staff_client, scope, project, workspace,
                                         django_assert_max_num_queries):  # fmt: skip
    for index in range(27):
        company = OrganisationFactory(
            workspace=workspace, name=f"Betrieb {index:02}", kind=OrganisationKind.COMPANY
        )
        dossier = services.dossier_open(scope=scope, project=project, organisation=company)[0]
        services.identified_need_add(
            scope=scope, dossier=dossier, need=NeedFactory(workspace=workspace)
        )
    url = reverse("acquisition:dossier_list")

    with django_assert_max_num_queries(9):
        response = staff_client.get(url, {"project": project.pk, "page": 2})
    assert len(response.context["page"].object_list) == 2

    response = staff_client.get(url, {"search": "betrieb 07"}, headers={"HX-Request": "true"})
    assert response.templates[0].name == "acquisition/_dossier_results.html"
    assert [d.organisation.name for d in response.context["page"].object_list] == ["Betrieb 07"]


def test_another_workspace_s_dossier_is_not_found(staff_client, other_workspace):
    system = Scope.system(other_workspace)
    company = OrganisationFactory(workspace=other_workspace, kind=OrganisationKind.COMPANY)
    dossier = services.dossier_open(
        scope=system, project=ProjectFactory(workspace=other_workspace), organisation=company
    )[0]

    assert staff_client.get(dossier.get_absolute_url()).status_code == 404
