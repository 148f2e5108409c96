"""The target list: scores from the database, filters, sort, bulk-add, profile, permissions."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from netzwerkstatt.acquisition import selectors, services
from netzwerkstatt.acquisition.models import (
    Approach,
    Dossier,
    IdentifiedNeed,
    TargetProfile,
    WarmPathScore,
)
from netzwerkstatt.contacts.enums import OrganisationKind
from tests.factories import (
    FunctionFactory,
    MeasureFactory,
    NeedFactory,
    NoteFactory,
    OrganisationFactory,
    ProjectFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("acquisition:target_list")


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def names(result) -> list[str]:
    return [row.organisation.name for row in result.page.object_list]


def listing(scope, project, **filters):
    return selectors.target_list(
        scope=scope, project=project, filters=selectors.TargetFilter(project=project.pk, **filters)
    )


def test_a_company_with_a_strong_warm_path_ranks_above_an_identical_one_without(
    scope, workspace, project
):
    # "Anders" comes first by name, and is otherwise identical to "Bäckerei"
    OrganisationFactory(workspace=workspace, name="Anders GmbH")
    reachable = FunctionFactory(
        workspace=workspace, organisation__name="Bäckerei Warm"
    ).organisation
    colleague = TeamMemberFactory(workspace=workspace).person
    TieFactory(
        workspace=workspace,
        source_person=colleague,
        target_person=reachable.functions.get().person,
        strength=5,
        trust=5,
    )
    services.warm_path_scores_refresh(scope=scope)

    result = listing(scope, project)

    assert names(result) == ["Bäckerei Warm", "Anders GmbH"]
    first, second = result.page.object_list
    assert first.part("warm_path").value > 0.3
    assert second.part("warm_path").value == 0
    assert first.total > second.total
    assert first.warm_hops == 2


def test_needs_recommendations_and_earlier_contact_count(scope, workspace, project):
    need, other_need = NeedFactory(workspace=workspace), NeedFactory(workspace=workspace)
    MeasureFactory(workspace=workspace, project=project, needs=[need])
    plain = OrganisationFactory(workspace=workspace, name="A Plain")
    needy = OrganisationFactory(workspace=workspace, name="B Bedarf")
    dossier = Dossier.objects.create(workspace=workspace, project=project, organisation=needy)
    for each in (need, other_need):
        IdentifiedNeed.objects.create(workspace=workspace, dossier=dossier, need=each)
    recommended = OrganisationFactory(workspace=workspace, name="C Empfohlen")
    RecommendationFactory(workspace=workspace, subject_organisation=recommended)
    staff_recommended = FunctionFactory(
        workspace=workspace, organisation__name="D Person"
    ).organisation
    RecommendationFactory(
        workspace=workspace,
        subject_organisation=None,
        subject_person=staff_recommended.functions.get().person,
    )
    RecommendationFactory(workspace=workspace, subject_organisation=plain, outcome="declined")
    contacted = OrganisationFactory(workspace=workspace, name="E Kontakt")
    NoteFactory(workspace=workspace, organisation=contacted)
    services.warm_path_scores_refresh(scope=scope)

    rows = {row.organisation.name: row for row in listing(scope, project).page.object_list}

    assert rows["B Bedarf"].needs == 1  # the other need no measure answers
    assert rows["B Bedarf"].part("needs").value == 0.5
    assert rows["C Empfohlen"].recommendations == 1
    assert rows["D Person"].recommendations == 1
    assert rows["A Plain"].recommendations == 0  # declined ones do not count
    assert rows["E Kontakt"].last_contact == dt.date.today()
    assert rows["E Kontakt"].part("contact").value == pytest.approx(1.0)
    assert rows["A Plain"].total == 0
    assert names(listing(scope, project, sort="recommendation"))[:2] == ["C Empfohlen", "D Person"]


def test_the_profile_sets_criteria_and_weights(scope, workspace, project):
    OrganisationFactory(workspace=workspace, name="Maschinen", sector="28", employee_count=60)
    OrganisationFactory(workspace=workspace, name="Handel", sector="47", employee_count=60)
    services.target_profile_save(
        scope=scope, project=project, sectors=["c", "c"], size_classes=["medium"], sector_weight=3
    )
    profile = TargetProfile.objects.get(project=project)
    services.warm_path_scores_refresh(scope=scope)

    result = listing(scope, project)

    assert profile.sectors == ["C"]
    assert names(result) == ["Maschinen", "Handel"]
    maschinen = result.page.object_list[0]
    # weights: sector 3, size 1, needs, warm, recommendation, contact 1; region does not count
    assert maschinen.total == pytest.approx(100 * 4 / 8)
    assert maschinen.part("sector").points == pytest.approx(100 * 3 / 8)
    assert not maschinen.part("region").counts


def test_profile_rejects_unknown_codes_with_a_clear_message(scope, project):
    with pytest.raises(ValidationError) as error:
        services.target_profile_save(scope=scope, project=project, sectors=["00", "Z"])

    assert "WZ 2008" in str(error.value.message_dict["sectors"])


def test_filters_narrow_the_list(scope, workspace, project):
    OrganisationFactory(workspace=workspace, name="Maschinen", sector="28", employee_count=5)
    OrganisationFactory(
        workspace=workspace,
        name="Handel",
        sector="47",
        employee_count=60,
        district="Region Hannover",
    )
    piped = OrganisationFactory(workspace=workspace, name="Pipeline", sector="28")
    OrganisationFactory(workspace=workspace, name="Kammer", kind=OrganisationKind.CHAMBER)
    services.approach_create(scope=scope, project=project, organisation=piped)
    services.warm_path_scores_refresh(scope=scope)

    assert names(listing(scope, project, sort="name")) == ["Handel", "Maschinen", "Pipeline"]
    assert names(listing(scope, project, sector="C")) == ["Maschinen", "Pipeline"]
    assert names(listing(scope, project, size_class="micro")) == ["Maschinen"]
    assert names(listing(scope, project, district="region hannover")) == ["Handel"]
    assert names(listing(scope, project, new_only=True, sort="name")) == ["Handel", "Maschinen"]
    assert names(listing(scope, project, min_score=1)) == []


def test_page_shows_parts_and_stage(staff_client, scope, workspace, project):
    piped = OrganisationFactory(workspace=workspace, name="Im Trichter GmbH")
    services.approach_create(scope=scope, project=project, organisation=piped)

    response = staff_client.get(URL, {"project": project.pk})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Im Trichter GmbH" in body
    assert "identifiziert" in body  # its stage
    assert "score-part" in body
    assert "<meter" in body


def test_page_query_count_does_not_grow_with_the_companies(
    staff_client, scope, workspace, project, django_assert_max_num_queries
):
    def add(count):
        for i in range(count):
            company = OrganisationFactory(workspace=workspace, name=f"Betrieb {i:03}")
            NoteFactory(workspace=workspace, organisation=company)
        services.warm_path_scores_refresh(scope=scope)

    add(3)
    with django_assert_max_num_queries(30) as few:
        staff_client.get(URL, {"project": project.pk})
    add(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(URL, {"project": project.pk, "page": 2})
    assert len(response.context["page"].object_list) == 18


def test_stale_scores_are_refreshed_on_a_small_workspace(staff_client, workspace, project):
    company = OrganisationFactory(workspace=workspace)
    WarmPathScore.objects.create(
        workspace=workspace, organisation=company, score=0.9, hops=1, network_version=999
    )

    response = staff_client.get(URL, {"project": project.pk})

    assert not response.context["result"].warm_stale
    assert WarmPathScore.objects.get().score == 0  # nobody in the team: no warm path


def test_stale_scores_on_a_large_workspace_show_a_notice_and_a_button(
    staff_client, english, workspace, project, settings
):
    settings.NETZWERKSTATT_WARM_PATH_INLINE_COMPANIES = 0
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    OrganisationFactory(workspace=workspace)

    response = staff_client.get(URL, {"project": project.pk})

    assert response.context["result"].warm_stale
    assert "out of date" in response.content.decode()
    assert reverse("acquisition:target_warm_paths_refresh") in response.content.decode()

    refreshed = staff_client.post(
        reverse("acquisition:target_warm_paths_refresh"), {"query": f"project={project.pk}"}
    )
    assert refreshed.status_code == 302
    assert refreshed.url == f"{URL}?project={project.pk}"
    assert WarmPathScore.objects.count() == 1
    assert not staff_client.get(URL, {"project": project.pk}).context["result"].warm_stale


def test_bulk_add_puts_companies_into_the_pipeline_and_counts_those_already_there(
    staff_client, english, scope, workspace, project
):
    companies = [OrganisationFactory(workspace=workspace) for _ in range(4)]
    services.approach_create(scope=scope, project=project, organisation=companies[0])
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    response = staff_client.post(
        reverse("acquisition:target_add"),
        {
            "project": project.pk,
            "organisation": [c.pk for c in companies] + [chamber.pk],
            "query": "sort=name",
        },
    )

    assert response.status_code == 302
    assert response.url == f"{URL}?sort=name"
    assert Approach.objects.filter(project=project).count() == 4
    [message] = get_messages(response.wsgi_request)
    assert str(message) == "3 companies added to the pipeline, 1 was already there."


def test_bulk_add_without_a_tick_says_so(staff_client, english, project):
    response = staff_client.post(reverse("acquisition:target_add"), {"project": project.pk})

    [message] = get_messages(response.wsgi_request)
    assert "tick" in str(message)


def test_profile_page_saves(staff_client, workspace, project):
    OrganisationFactory(workspace=workspace, district="Landkreis Gifhorn")
    url = reverse("acquisition:target_profile")
    page = staff_client.get(url, {"project": project.pk})
    assert page.status_code == 200
    assert "Landkreis Gifhorn" in page.content.decode()

    response = staff_client.post(
        url,
        {
            "project": project.pk,
            "sectors": ["C", "47"],
            "size_classes": ["small"],
            "districts": ["Landkreis Gifhorn"],
            "sector_weight": 2,
            "size_weight": 1,
            "region_weight": 1,
            "needs_weight": 3,
            "warm_path_weight": 4,
            "recommendation_weight": 2,
            "contact_weight": 0,
        },
    )

    assert response.status_code == 302
    profile = TargetProfile.objects.get(project=project)
    assert (profile.sectors, profile.districts, profile.warm_path_weight) == (
        ["C", "47"],
        ["Landkreis Gifhorn"],
        4,
    )


def test_profile_page_rejects_a_weight_above_10(staff_client, project):
    response = staff_client.post(
        reverse("acquisition:target_profile"),
        {"project": project.pk, **dict.fromkeys(
            ["sector_weight", "size_weight", "region_weight", "needs_weight",
             "warm_path_weight", "recommendation_weight", "contact_weight"], 11)},
    )  # fmt: skip

    assert response.status_code == 200
    assert "10" in str(response.context["form"].errors["sector_weight"])
    assert not TargetProfile.objects.exists()


def test_partners_see_no_target_list(partner_client, project):
    assert partner_client.get(URL).status_code == 403
    assert partner_client.get(reverse("acquisition:target_profile")).status_code == 403
    assert partner_client.post(reverse("acquisition:target_add")).status_code == 403


def test_another_workspaces_project_is_not_found(staff_client, other_workspace):
    foreign = ProjectFactory(workspace=other_workspace)

    assert staff_client.get(URL, {"project": foreign.pk}).status_code == 404
    assert (
        staff_client.get(reverse("acquisition:target_profile"), {"project": foreign.pk}).status_code
        == 404
    )
    response = staff_client.post(
        reverse("acquisition:target_add"), {"project": foreign.pk, "organisation": [1]}
    )
    assert response.status_code == 404


def test_the_list_without_projects_explains_itself(staff_client):
    response = staff_client.get(URL)

    assert response.status_code == 200
    assert response.context["project"] is None


def test_htmx_gets_only_the_results(staff_client, workspace, project):
    OrganisationFactory(workspace=workspace, name="Nur Ergebnis GmbH")

    response = staff_client.get(URL, {"project": project.pk}, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert "Nur Ergebnis GmbH" in body
    assert "<html" not in body
