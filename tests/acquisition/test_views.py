import pytest
from django.urls import reverse

from netzwerkstatt.acquisition.defaults import DEFAULT_NEEDS
from netzwerkstatt.acquisition.models import Measure, Need
from tests.factories import MeasureFactory, NeedFactory, ProjectFactory

PAGES = (
    "acquisition:measure_list", "acquisition:measure_create", "acquisition:need_list",
)  # fmt: skip


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


# --------------------------------------------------------------------------- access


@pytest.mark.parametrize("name", PAGES)
def test_pages_closed_to_partners(partner_client, name):
    assert partner_client.get(reverse(name)).status_code == 403


def test_measure_pages_closed_to_partners(partner_client, workspace):
    measure = MeasureFactory(workspace=workspace)

    assert partner_client.get(measure.get_absolute_url()).status_code == 403


def test_anonymous_goes_to_login(client):
    response = client.get(reverse("acquisition:measure_list"))

    assert response.status_code == 302
    assert "/anmelden/" in response.url


def test_navigation_groups_the_acquisition_pages_under_akquise(staff_client, client, partner):
    navigation = staff_client.get(reverse("core:home")).context["navigation"]

    groups = {str(entry.label): entry for entry in navigation if hasattr(entry, "items")}
    assert [str(item.label) for item in groups["Akquise"].items] == [
        "Heute", "Zielliste", "Pipeline", "Dossiers", "Kennzahlen", "Maßnahmen", "Bedarfe",
    ]  # fmt: skip
    client.force_login(partner)
    partner_home = client.get(reverse("core:home")).content.decode()
    assert reverse("acquisition:measure_list") not in partner_home


def test_navigation_marks_the_menu_active_on_a_measure_page(staff_client, workspace):
    measure = MeasureFactory(workspace=workspace)

    navigation = staff_client.get(measure.get_absolute_url()).context["navigation"]

    [group] = [entry for entry in navigation if str(entry.label) == "Akquise"]
    assert group.active
    assert [str(item.label) for item in group.items if item.active] == ["Maßnahmen"]


# ------------------------------------------------------------------------- measures


def test_measure_list_empty_without_projects(staff_client):
    response = staff_client.get(reverse("acquisition:measure_list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Noch keine Projekte." in content
    assert "Neue Maßnahme" not in content


def test_measure_list_empty_with_a_project_invites_the_first(staff_client, project):
    content = staff_client.get(reverse("acquisition:measure_list")).content.decode()

    assert "Noch keine Maßnahmen." in content
    assert "Beschreiben Sie die erste Maßnahme" in content


def test_measure_list_shows_measures_with_cost_and_needs_in_german(
    staff_client, workspace, project
):
    need = NeedFactory(workspace=workspace, name="Nachfolge")
    MeasureFactory(
        workspace=workspace, project=project, name="Nachfolgeberatung", cost=1200, needs=[need]
    )

    content = staff_client.get(reverse("acquisition:measure_list")).content.decode()

    assert "1 Maßnahme" in content
    assert "Nachfolgeberatung" in content
    assert "1.200,00 € · gefördert, für den Betrieb kostenfrei" in content
    assert f'?need={need.pk}">Nachfolge</a>' in content


def test_measure_list_filtered_without_match(staff_client, workspace, project):
    MeasureFactory(workspace=workspace, project=project)

    response = staff_client.get(reverse("acquisition:measure_list"), {"search": "gibtsnicht"})

    assert "Keine Maßnahme passt zu diesen Filtern." in response.content.decode()


def test_measure_list_htmx_gets_only_the_results(staff_client, workspace, project):
    MeasureFactory(workspace=workspace, project=project)

    response = staff_client.get(reverse("acquisition:measure_list"), headers={"HX-Request": "true"})

    assert response.templates[0].name == "acquisition/_measure_results.html"


def test_measure_list_pages(staff_client, workspace, project):
    MeasureFactory.create_batch(27, workspace=workspace, project=project)

    response = staff_client.get(reverse("acquisition:measure_list"), {"page": 2})

    assert len(response.context["page"].object_list) == 2
    assert "Seite 2 von 2" in response.content.decode()


def _measure_list_queries(client, django_assert_max_num_queries, *, limit: int) -> None:
    with django_assert_max_num_queries(limit):
        assert client.get(reverse("acquisition:measure_list")).status_code == 200


@pytest.mark.parametrize("count", [2, 25])
def test_measure_list_queries_do_not_grow_with_rows(
    staff_client, workspace, django_assert_max_num_queries, count
):
    needs = NeedFactory.create_batch(3, workspace=workspace)
    for project in ProjectFactory.create_batch(2, workspace=workspace):
        MeasureFactory.create_batch(count, workspace=workspace, project=project, needs=needs)

    # session, user, membership, navigation memberships; filter form: projects, needs;
    # page: projects, count, rows, needs of the rows.
    _measure_list_queries(staff_client, django_assert_max_num_queries, limit=10)


def test_measure_create_saves_and_redirects(staff_client, workspace, project):
    need = NeedFactory(workspace=workspace)

    response = staff_client.post(
        reverse("acquisition:measure_create"),
        {
            "project": project.pk,
            "name": "Qualifizierungsplanung",
            "effort": "medium",
            "cost": "850.50",
            "funded": "on",
            "needs": [need.pk],
        },
    )

    measure = Measure.objects.get()
    assert response.status_code == 302
    assert response.url == measure.get_absolute_url()
    assert str(measure.cost) == "850.50"
    assert list(measure.needs.all()) == [need]


def test_measure_create_shows_service_errors_on_the_form(staff_client, workspace, project):
    MeasureFactory(workspace=workspace, project=project, name="Demografie-Check")

    response = staff_client.post(
        reverse("acquisition:measure_create"),
        {"project": project.pk, "name": "Demografie-Check", "cost": "-5"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Die Kosten dürfen nicht negativ sein." in content
    assert Measure.objects.count() == 1


def test_measure_create_unfunded_without_cost_is_explained(staff_client, project):
    response = staff_client.post(
        reverse("acquisition:measure_create"), {"project": project.pk, "name": "Coaching"}
    )

    assert "oder kennzeichnen Sie sie als gefördert" in response.content.decode()
    assert not Measure.objects.exists()


def test_measure_create_preselects_project_and_need(staff_client, workspace, project):
    need = NeedFactory(workspace=workspace)

    response = staff_client.get(
        reverse("acquisition:measure_create"), {"project": project.pk, "need": need.pk}
    )

    form = response.context["form"]
    assert form.initial == {"project": str(project.pk), "needs": [str(need.pk)]}


def test_measure_form_offers_only_this_workspaces_projects_and_needs(
    staff_client, workspace, other_workspace, project
):
    ProjectFactory(workspace=other_workspace, name="Fremdprojekt")
    NeedFactory(workspace=other_workspace, name="Fremdbedarf")

    content = staff_client.get(reverse("acquisition:measure_create")).content.decode()

    assert "TraM" in content
    assert "Fremdprojekt" not in content
    assert "Fremdbedarf" not in content
    assert "Das Bedarfe-Vokabular ist noch leer." in content


def test_measure_detail_in_german(staff_client, workspace, project):
    need = NeedFactory(workspace=workspace, name="Fachkräftemangel", description="Stellen offen")
    measure = MeasureFactory(
        workspace=workspace,
        project=project,
        effort="low",
        effort_note="ein Termin",
        funded=False,
        cost=0,
        needs=[need],
    )

    content = staff_client.get(measure.get_absolute_url()).content.decode()

    assert "Aufwand für den Betrieb" in content
    assert "gering (bis zu einem halben Tag): ein Termin" in content
    assert "0,00 € · für den Betrieb kostenfrei" in content
    assert "Fachkräftemangel" in content
    assert "Maßnahmen von TraM" in content


def test_measure_update_saves(staff_client, workspace, project):
    measure = MeasureFactory(workspace=workspace, project=project, name="Alt")

    response = staff_client.post(
        reverse("acquisition:measure_update", args=[measure.pk]),
        {"project": project.pk, "name": "Neu", "funded": "on"},
    )

    measure.refresh_from_db()
    assert response.status_code == 302
    assert measure.name == "Neu"


def test_measure_delete_asks_then_deletes(staff_client, workspace, project):
    measure = MeasureFactory(workspace=workspace, project=project, name="Workshop")
    url = reverse("acquisition:measure_delete", args=[measure.pk])

    assert "Die Maßnahme „Workshop“ löschen?" in staff_client.get(url).content.decode()
    response = staff_client.post(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('acquisition:measure_list')}?project={project.pk}"
    assert not Measure.objects.exists()


# ---------------------------------------------------------------------------- needs


def test_need_list_empty_offers_standard_needs_to_the_lead(lead_client):
    content = lead_client.get(reverse("acquisition:need_list")).content.decode()

    assert "Das Bedarfe-Vokabular ist noch leer." in content
    assert "Standard-Bedarfe anlegen" in content
    assert "Bedarf hinzufügen" in content


def test_need_list_read_only_for_staff(staff_client, workspace):
    NeedFactory(workspace=workspace, name="Nachfolge")

    content = staff_client.get(reverse("acquisition:need_list")).content.decode()

    assert "Nachfolge" in content
    assert "Bedarf hinzufügen" not in content
    assert "Bearbeiten" not in content


def test_need_list_empty_for_staff_names_who_sets_it_up(staff_client):
    content = staff_client.get(reverse("acquisition:need_list")).content.decode()

    assert "Die Projektleitung legt das Vokabular an." in content
    assert "Standard-Bedarfe anlegen" not in content


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("acquisition:need_create", "post"),
        ("acquisition:need_defaults", "post"),
    ],
)
def test_need_writes_forbidden_to_staff(staff_client, name, method):
    assert getattr(staff_client, method)(reverse(name), {"new-name": "X"}).status_code == 403
    assert not Need.objects.exists()


def test_need_edit_and_delete_forbidden_to_staff(staff_client, workspace):
    need = NeedFactory(workspace=workspace)

    for name in ("acquisition:need_update", "acquisition:need_delete"):
        assert staff_client.post(reverse(name, args=[need.pk])).status_code == 403
    assert Need.objects.get() == need


def test_need_defaults_by_htmx_returns_the_section(lead_client):
    response = lead_client.post(
        reverse("acquisition:need_defaults"), headers={"HX-Request": "true"}
    )

    content = response.content.decode()
    assert response.templates[0].name == "acquisition/_needs.html"
    assert f"{len(DEFAULT_NEEDS)} Standard-Bedarfe wurden angelegt." in content
    assert "Fachkräftemangel" in content
    assert Need.objects.count() == len(DEFAULT_NEEDS)


def test_need_defaults_twice_adds_nothing(lead_client):
    lead_client.post(reverse("acquisition:need_defaults"))

    response = lead_client.post(reverse("acquisition:need_defaults"), follow=True)

    assert "Das Vokabular enthält schon alle Standard-Bedarfe." in response.content.decode()
    assert Need.objects.count() == len(DEFAULT_NEEDS)


def test_need_create_by_htmx(lead_client):
    response = lead_client.post(
        reverse("acquisition:need_create"),
        {"new-name": "Energiewende", "new-description": "Neue Anforderungen"},
        headers={"HX-Request": "true"},
    )

    content = response.content.decode()
    assert "„Energiewende“ wurde hinzugefügt." in content
    assert 'id="need-' in content
    assert Need.objects.get().name == "Energiewende"


def test_need_create_duplicate_shows_the_error_in_place(lead_client, workspace):
    NeedFactory(workspace=workspace, name="Nachfolge")

    response = lead_client.post(
        reverse("acquisition:need_create"),
        {"new-name": "nachfolge"},
        headers={"HX-Request": "true"},
    )

    assert "Den Bedarf „Nachfolge“ gibt es im Vokabular schon." in response.content.decode()
    assert Need.objects.count() == 1


def test_need_create_without_javascript_redirects(lead_client):
    response = lead_client.post(reverse("acquisition:need_create"), {"new-name": "Energiewende"})

    assert response.status_code == 302
    assert response.url == reverse("acquisition:need_list")


def test_need_inline_edit_round_trip(lead_client, workspace):
    need = NeedFactory(workspace=workspace, name="Vereinbarkeit")
    MeasureFactory(workspace=workspace, needs=[need])
    url = reverse("acquisition:need_update", args=[need.pk])
    htmx = {"HX-Request": "true"}

    form = lead_client.get(url, headers=htmx)
    saved = lead_client.post(
        url, {f"need-{need.pk}-name": "Vereinbarkeit von Familie und Beruf"}, headers=htmx
    )
    cancelled = lead_client.get(reverse("acquisition:need_row", args=[need.pk]), headers=htmx)

    assert form.templates[0].name == "acquisition/_need_edit_row.html"
    assert saved.templates[0].name == "acquisition/_need_row.html"
    assert "Ihre Änderungen wurden gespeichert." in saved.content.decode()
    assert "Vereinbarkeit von Familie und Beruf" in cancelled.content.decode()
    assert f'?need={need.pk}">1</a>' in cancelled.content.decode()


def test_need_edit_page_without_javascript(lead_client, workspace):
    need = NeedFactory(workspace=workspace)

    response = lead_client.get(reverse("acquisition:need_update", args=[need.pk]))

    assert "Bedarf bearbeiten" in response.content.decode()


def test_need_row_without_htmx_goes_to_the_list(staff_client, workspace):
    need = NeedFactory(workspace=workspace)

    response = staff_client.get(reverse("acquisition:need_row", args=[need.pk]))

    assert response.url == f"{reverse('acquisition:need_list')}#need-{need.pk}"


def test_need_delete_names_the_measures_that_lose_it(lead_client, workspace):
    need = NeedFactory(workspace=workspace, name="Nachfolge")
    measure = MeasureFactory(workspace=workspace, needs=[need])
    url = reverse("acquisition:need_delete", args=[need.pk])

    question = lead_client.get(url).content.decode()
    answer = lead_client.post(url, follow=True).content.decode()

    assert "1 Maßnahme passt zu diesem Bedarf." in question
    assert "„Nachfolge“ wurde gelöscht; 1 Maßnahme nennt ihn nicht mehr." in answer
    assert Measure.objects.get() == measure
    assert not measure.needs.exists()


def test_need_list_queries_do_not_grow_with_rows(
    lead_client, workspace, django_assert_max_num_queries
):
    needs = NeedFactory.create_batch(30, workspace=workspace)
    MeasureFactory.create_batch(5, workspace=workspace, needs=needs)

    # session, user, membership, navigation memberships, needs with their counts.
    with django_assert_max_num_queries(6):
        assert lead_client.get(reverse("acquisition:need_list")).status_code == 200


def test_measure_create_refuses_another_workspaces_project_and_needs(
    staff_client, workspace, other_workspace, project
):
    foreign_project = ProjectFactory(workspace=other_workspace)
    foreign_need = NeedFactory(workspace=other_workspace)

    response = staff_client.post(
        reverse("acquisition:measure_create"),
        {"project": foreign_project.pk, "name": "Workshop", "funded": "on"},
    )
    assert response.context["form"].errors["project"]
    response = staff_client.post(
        reverse("acquisition:measure_create"),
        {"project": project.pk, "name": "Workshop", "funded": "on", "needs": [foreign_need.pk]},
    )
    assert response.context["form"].errors["needs"]
    assert not Measure.objects.exists()
