"""The pipeline's pages: board, table, moves, the approach plan, the organisation panel, stages."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.models import Approach, ApproachMeasure, Stage
from netzwerkstatt.acquisition.selectors import pipeline as selectors
from netzwerkstatt.contacts.enums import OrganisationKind
from tests.factories import (
    FunctionFactory,
    MeasureFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

PAGES = ("acquisition:pipeline_board", "acquisition:pipeline_table", "acquisition:stage_list")


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def stages(scope, project):
    return {stage.name: stage for stage in services.stages_ensure(scope=scope, project=project)}


def _approach(scope, project, workspace, name="Metallbau Müller GmbH", **fields):
    company = OrganisationFactory(workspace=workspace, name=name, kind=OrganisationKind.COMPANY)
    return services.approach_create(scope=scope, project=project, organisation=company, **fields)


def _board(project):
    return f"{reverse('acquisition:pipeline_board')}?project={project.pk}"


# ------------------------------------------------------------------------------ access


@pytest.mark.parametrize("name", PAGES)
def test_pipeline_pages_closed_to_partners(partner_client, name):
    assert partner_client.get(reverse(name)).status_code == 403


def test_approach_pages_closed_to_partners(partner_client, scope, project, workspace, stages):
    approach = _approach(scope, project, workspace)

    assert partner_client.get(approach.get_absolute_url()).status_code == 403
    move = reverse("acquisition:approach_move", args=[approach.pk])
    assert partner_client.post(move, {"stage": stages["Gespräch"].pk}).status_code == 403
    approach.refresh_from_db()
    assert approach.stage == stages["identifiziert"]


def test_anonymous_goes_to_login(client):
    response = client.get(reverse("acquisition:pipeline_board"))

    assert response.status_code == 302
    assert "/anmelden/" in response.url


def test_navigation_offers_the_pipeline_under_akquise(staff_client):
    navigation = staff_client.get(reverse("core:home")).context["navigation"]

    [group] = [entry for entry in navigation if str(getattr(entry, "label", "")) == "Akquise"]
    assert "Pipeline" in [str(item.label) for item in group.items]


# ------------------------------------------------------------------------------- board


def test_board_without_projects_explains_where_pipelines_come_from(staff_client):
    response = staff_client.get(reverse("acquisition:pipeline_board"))

    assert response.status_code == 200
    assert "No projects yet." in response.content.decode() or "Noch keine Projekte" in (
        response.content.decode()
    )


def test_empty_board_has_the_default_columns_and_links_to_the_companies(staff_client, project):
    response = staff_client.get(reverse("acquisition:pipeline_board"))

    columns = response.context["columns"]
    assert [column.stage.name for column in columns][:3] == [
        "identifiziert", "recherchiert", "angesprochen",
    ]  # fmt: skip
    assert response.context["companies_url"] in response.content.decode()


def test_board_shows_cards_with_channel_owner_next_step_and_days(
    staff_client, scope, project, workspace, stages, staff
):
    approach = _approach(
        scope,
        project,
        workspace,
        channel="warm",
        next_step="Anruf Geschäftsführung",
        next_step_on=dt.date(2030, 3, 1),
        at=timezone.now() - dt.timedelta(days=4),
    )

    response = staff_client.get(_board(project))

    body = response.content.decode()
    [card] = response.context["columns"][0].cards
    assert card == approach
    assert card.days_in_stage == 4
    assert "Metallbau Müller GmbH" in body
    assert "Anruf Geschäftsführung" in body
    assert str(staff) in body
    assert f'id="move-{approach.pk}"' in body


def test_board_remembers_the_chosen_project(staff_client, scope, workspace, project):
    other = ProjectFactory(workspace=workspace, name="Andere")
    _approach(scope, other, workspace, name="Andere Firma AG")

    default = staff_client.get(reverse("acquisition:pipeline_board"))
    chosen = staff_client.get(_board(other))

    assert default.context["project"] == other  # "Andere" sorts before "TraM"
    assert chosen.context["project"] == other
    assert "Andere Firma AG" in chosen.content.decode()
    tram = staff_client.get(_board(project))
    assert "Andere Firma AG" not in tram.content.decode()
    assert 'name="project"' in tram.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_board_reads_a_fixed_number_of_queries(
    staff_client, scope, project, workspace, stages, django_assert_max_num_queries
):
    for number in range(5):
        _approach(scope, project, workspace, name=f"Firma {number}")
    few = _queries(staff_client, _board(project))
    for number in range(5, 50):
        _approach(scope, project, workspace, name=f"Firma {number}")

    with django_assert_max_num_queries(few):
        staff_client.get(_board(project))
    assert few <= 12


def test_a_column_shows_its_first_cards_and_counts_the_rest(scope, project, workspace, stages):
    for number in range(3):
        _approach(scope, project, workspace, name=f"Firma {number}")

    [column] = selectors.board_columns(
        scope=scope,
        project=project,
        stages=list(stages.values()),
        only={stages["identifiziert"].pk},
        limit=2,
    )

    assert ([card.organisation.name for card in column.cards], column.count) == (
        ["Firma 0", "Firma 1"],
        3,
    )
    assert column.hidden == 1


# ------------------------------------------------------------------------------- moves


def test_move_without_javascript_redirects_to_the_board(
    staff_client, scope, project, workspace, stages
):
    approach = _approach(scope, project, workspace)

    response = staff_client.post(
        reverse("acquisition:approach_move", args=[approach.pk]), {"stage": stages["Gespräch"].pk}
    )

    assert response.status_code == 302
    assert response.url == _board(project)
    approach.refresh_from_db()
    assert approach.stage == stages["Gespräch"]


def test_move_with_htmx_returns_both_columns_out_of_band(
    staff_client, scope, project, workspace, stages
):
    approach = _approach(scope, project, workspace)
    other = _approach(scope, project, workspace, name="Bäckerei Schulz", stage=stages["Gespräch"])

    response = staff_client.post(
        reverse("acquisition:approach_move", args=[approach.pk]),
        {"stage": stages["Gespräch"].pk, "position": "0"},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="stage-{stages["identifiziert"].pk}"' in body
    assert f'id="stage-{stages["Gespräch"].pk}"' in body
    assert body.count('hx-swap-oob="true"') == 3  # two columns and the status line
    assert f'id="stage-{stages["recherchiert"].pk}"' not in body
    assert list(Approach.objects.filter(stage=stages["Gespräch"]).order_by("position")) == [
        approach,
        other,
    ]


def test_move_to_another_project_s_stage_is_refused(
    staff_client, scope, project, workspace, stages
):
    approach = _approach(scope, project, workspace)
    foreign = services.stages_ensure(scope=scope, project=ProjectFactory(workspace=workspace))

    response = staff_client.post(
        reverse("acquisition:approach_move", args=[approach.pk]),
        {"stage": foreign[3].pk},
        headers={"HX-Request": "true"},
    )

    assert response.context["error"]
    approach.refresh_from_db()
    assert approach.stage == stages["identifiziert"]


def test_move_from_the_approach_page_returns_there(staff_client, scope, project, workspace, stages):
    approach = _approach(scope, project, workspace)

    response = staff_client.post(
        reverse("acquisition:approach_move", args=[approach.pk]),
        {"stage": stages["angesprochen"].pk, "next": "detail"},
    )

    assert response.url == approach.get_absolute_url()


# ------------------------------------------------------------------------------- table


def test_table_filters_by_stage_owner_and_channel_and_sorts(
    staff_client, scope, project, workspace, stages, lead
):
    a = _approach(scope, project, workspace, name="Alpha GmbH", channel="warm")
    b = _approach(scope, project, workspace, name="Beta KG", channel="cold", owner=lead)
    c = _approach(scope, project, workspace, name="Gamma AG", stage=stages["Gespräch"])
    url = reverse("acquisition:pipeline_table")

    def names(**query):
        response = staff_client.get(url, {"project": project.pk, **query})
        return [approach.organisation.name for approach in response.context["page"].object_list]

    assert names(sort="company") == ["Alpha GmbH", "Beta KG", "Gamma AG"]
    assert names(sort="-company") == ["Gamma AG", "Beta KG", "Alpha GmbH"]
    assert names(stage=stages["Gespräch"].pk) == [c.organisation.name]
    assert names(owner=lead.pk) == [b.organisation.name]
    assert names(channel="warm") == [a.organisation.name]
    assert names(channel="nonsense", sort="nonsense") == ["Alpha GmbH", "Beta KG", "Gamma AG"]


def test_table_htmx_returns_the_results_only(staff_client, scope, project, workspace, stages):
    _approach(scope, project, workspace)

    response = staff_client.get(
        reverse("acquisition:pipeline_table"),
        {"project": project.pk, "sort": "-since"},
        headers={"HX-Request": "true"},
    )

    assert response.templates[0].name == "acquisition/_pipeline_table_results.html"


def test_table_reads_a_fixed_number_of_queries(
    staff_client, scope, project, workspace, stages, django_assert_max_num_queries
):
    url = f"{reverse('acquisition:pipeline_table')}?project={project.pk}"
    for number in range(5):
        _approach(scope, project, workspace, name=f"Firma {number}")
    few = _queries(staff_client, url)
    for number in range(5, 50):
        _approach(scope, project, workspace, name=f"Firma {number}")

    with django_assert_max_num_queries(few):
        response = staff_client.get(url)
    assert len(response.context["page"].object_list) == 25


# ----------------------------------------------------------------------- approach plan


def test_approach_page_shows_plan_history_and_measures(
    staff_client, scope, project, workspace, stages, django_assert_max_num_queries
):
    approach = _approach(scope, project, workspace, next_step="Termin vereinbaren")
    services.approach_move(scope=scope, approach=approach, stage=stages["Gespräch"])
    measure = MeasureFactory(workspace=workspace, project=project, name="Demografie-Check")
    services.approach_measure_agree(scope=scope, approach=approach, measure=measure)

    with django_assert_max_num_queries(20):
        response = staff_client.get(approach.get_absolute_url())

    body = response.content.decode()
    assert "Termin vereinbaren" in body
    assert "Demografie-Check" in body
    assert [change.stage.name for change in response.context["history"]] == [
        "Gespräch",
        "identifiziert",
    ]
    assert 'id="benefit"' in body  # the benefit statement's section (the generator's include)
    assert approach.organisation.get_absolute_url() in body


def test_the_plan_is_edited_with_the_company_s_people(
    staff_client, scope, project, workspace, stages, lead
):
    approach = _approach(scope, project, workspace)
    contact = FunctionFactory(workspace=workspace, organisation=approach.organisation).person
    elsewhere = FunctionFactory(workspace=workspace).person
    introducer = PersonFactory(workspace=workspace)
    url = reverse("acquisition:approach_update", args=[approach.pk])

    form = staff_client.get(url).context["form"]
    assert list(form.fields["contact_person"].queryset) == [contact]

    bad = staff_client.post(url, {"channel": "warm", "contact_person": elsewhere.pk})
    assert "contact_person" in bad.context["form"].errors
    response = staff_client.post(
        url,
        {
            "channel": "recommendation",
            "contact_person": contact.pk,
            "introducer": f"person:{introducer.pk}",
            "owner": lead.pk,
            "next_step": "Erstgespräch",
            "next_step_on": "2030-02-01",
        },
    )

    assert response.status_code == 302
    approach.refresh_from_db()
    assert (approach.channel, approach.contact_person, approach.introducer, approach.owner) == (
        "recommendation",
        contact,
        introducer,
        lead,
    )
    assert approach.next_step_on == dt.date(2030, 2, 1)


def test_an_approach_is_deleted_after_confirmation(staff_client, scope, project, workspace, stages):
    approach = _approach(scope, project, workspace)
    url = reverse("acquisition:approach_delete", args=[approach.pk])

    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url)

    assert response.url == _board(project)
    assert not Approach.objects.exists()


def test_measures_are_agreed_delivered_and_removed(staff_client, scope, project, workspace, stages):
    approach = _approach(scope, project, workspace)
    measure = MeasureFactory(workspace=workspace, project=project)

    staff_client.post(
        reverse("acquisition:agreement_create", args=[approach.pk]),
        {"measure": measure.pk, "agreed_on": timezone.localdate().isoformat()},
    )
    agreement = ApproachMeasure.objects.get()
    staff_client.post(reverse("acquisition:agreement_delivered", args=[agreement.pk]))
    agreement.refresh_from_db()
    assert agreement.delivered_on == timezone.localdate()
    staff_client.post(reverse("acquisition:agreement_delete", args=[agreement.pk]))

    assert not ApproachMeasure.objects.exists()


def test_agreeing_another_project_s_measure_is_refused(
    staff_client, scope, project, workspace, stages
):
    approach = _approach(scope, project, workspace)
    other = MeasureFactory(workspace=workspace)

    staff_client.post(
        reverse("acquisition:agreement_create", args=[approach.pk]),
        {"measure": other.pk, "agreed_on": timezone.localdate().isoformat()},
    )

    assert not ApproachMeasure.objects.exists()


# ------------------------------------------------------------------ organisation page


def test_a_company_page_lists_its_approaches_and_adds_it_to_a_pipeline(
    staff_client, scope, workspace, project, stages
):
    other = ProjectFactory(workspace=workspace, name="FluGs")
    company = OrganisationFactory(workspace=workspace, kind=OrganisationKind.COMPANY)
    services.approach_create(scope=scope, project=other, organisation=company)

    page = staff_client.get(company.get_absolute_url()).content.decode()
    assert reverse("acquisition:approach_create") in page
    assert "FluGs" in page
    response = staff_client.post(
        reverse("acquisition:approach_create"),
        {"organisation": company.pk, "project": project.pk, "channel": "event"},
    )

    approach = Approach.objects.get(project=project)
    assert response.url == approach.get_absolute_url()
    assert approach.channel == "event"
    again = staff_client.get(company.get_absolute_url()).content.decode()
    assert reverse("acquisition:approach_create") not in again  # in every project's pipeline


def test_a_partner_sees_nothing_of_acquisition_on_a_company_page(
    partner_client, scope, workspace, project
):
    company = OrganisationFactory(
        workspace=workspace, kind=OrganisationKind.COMPANY, is_shared=True
    )
    services.approach_create(scope=scope, project=project, organisation=company)

    page = partner_client.get(company.get_absolute_url())

    assert page.status_code == 200
    assert 'id="acquisition"' not in page.content.decode()
    assert "TraM" not in page.content.decode()


def test_no_pipeline_section_on_a_chamber_s_page(staff_client, workspace, project):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    page = staff_client.get(chamber.get_absolute_url()).content.decode()

    assert 'id="acquisition"' not in page


# ------------------------------------------------------------------------ stage editor


def test_stage_editor_adds_renames_shifts_and_deletes(staff_client, project, stages):
    url = f"{reverse('acquisition:stage_list')}?project={project.pk}"
    assert len(staff_client.get(url).context["rows"]) == 8

    staff_client.post(
        reverse("acquisition:stage_create"),
        {"project": project.pk, "new-name": "Nachfassen", "new-kind": "other"},
    )
    new = Stage.objects.get(name="Nachfassen")
    staff_client.post(
        reverse("acquisition:stage_update", args=[new.pk]),
        {f"stage-{new.pk}-name": "Wiedervorlage", f"stage-{new.pk}-kind": "other"},
    )
    staff_client.post(reverse("acquisition:stage_shift", args=[new.pk]), {"offset": "-1"})
    order = list(Stage.objects.filter(project=project).values_list("name", flat=True))
    assert order[-2:] == ["Wiedervorlage", "abgesagt"]
    response = staff_client.post(reverse("acquisition:stage_delete", args=[new.pk]))

    assert response.status_code == 302
    assert not Stage.objects.filter(pk=new.pk).exists()


def test_a_duplicate_stage_name_is_shown_on_the_form(staff_client, project, stages):
    response = staff_client.post(
        reverse("acquisition:stage_create"),
        {"project": project.pk, "new-name": "gespräch", "new-kind": "conversation"},
    )

    assert response.status_code == 200
    assert "name" in response.context["new_form"].errors


def test_a_stage_in_use_is_not_deleted_and_the_page_says_why(
    staff_client, scope, project, workspace, stages
):
    _approach(scope, project, workspace)
    url = reverse("acquisition:stage_delete", args=[stages["identifiziert"].pk])

    assert staff_client.get(url).context["problems"]
    response = staff_client.post(url)

    assert response.status_code == 409
    assert Stage.objects.filter(pk=stages["identifiziert"].pk).exists()
