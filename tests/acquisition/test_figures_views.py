"""The figures page and its XLSX: what it shows, who may see it, and its query count."""

import io

import pytest
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.acquisition.test_funder_report import YEAR_QUERY, approach
from tests.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db
URL = "/akquise/kennzahlen/"


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


def _history(scope, project, copies=1):
    for _ in range(copies):
        approach(scope, project, [("approached", "2025-01-10"), ("agreement", "2025-02-10")], channel="warm")  # fmt: skip
        approach(scope, project, [("approached", "2025-03-01"), ("conversation", "2025-03-10"), ("declined", "2025-04-01")])  # fmt: skip
        approach(scope, project, [("identified", "2025-05-01")], channel="event")


def test_figures_page_shows_counts_next_to_rates(staff_client, scope, project):
    _history(scope, project)

    response = staff_client.get(URL, {**YEAR_QUERY, "project": project.pk})

    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures.total.approached, figures.total.agreements.count) == (2, 1)
    body = response.content.decode()
    assert "50 %" in body
    assert 'class="tag few-cases"' in body
    assert 'data-chart="chart-channels"' in body
    assert "acquisition/figures.js" in body


def test_figures_page_counts_only_the_chosen_staff_member(staff_client, scope, project, workspace):
    _history(scope, project)
    colleague = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    approach(scope, project, [("approached", "2025-06-01")], owner=colleague)

    everyone = staff_client.get(URL, YEAR_QUERY).context["figures"]
    theirs = staff_client.get(URL, {**YEAR_QUERY, "owner": colleague.pk}).context["figures"]

    assert everyone.total.approached == 3
    assert theirs.total.approached == 1
    assert [name for name, _row in staff_client.get(URL, YEAR_QUERY).context["owners"]] == sorted(
        [str(colleague), str(scope.user)], key=str.casefold
    )


def test_figures_page_explains_an_empty_period(staff_client, project):
    response = staff_client.get(URL)

    assert response.status_code == 200
    assert response.context["figures"].empty
    assert b'class="empty"' in response.content


def test_figures_page_rejects_a_period_ending_before_it_starts(staff_client, project):
    response = staff_client.get(URL, {"start": "2025-05-01", "end": "2025-04-01"})

    assert response.status_code == 200
    assert "figures" not in response.context
    assert response.context["form"].errors["end"]


def test_figures_htmx_returns_the_results_only(staff_client, scope, project):
    _history(scope, project)

    response = staff_client.get(URL, YEAR_QUERY, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="channels"' in response.content


def test_figures_xlsx_reads_back(staff_client, scope, project):
    _history(scope, project)

    response = staff_client.get("/akquise/kennzahlen/export.xlsx", YEAR_QUERY)

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    channels = list(workbook.worksheets[1].iter_rows(values_only=True))
    # Channel, approached, conversations, %, agreements, %, declined, %, note, median …
    with translation.override("de"):
        few = gettext("few cases")
    assert channels[1][1:9] == (1, 1, 100, 0, 0, 1, 100, few)  # cold
    assert channels[2][1:10] == (1, 1, 100, 1, 100, 0, 0, few, 31)  # warm
    months = list(workbook.worksheets[4].iter_rows(values_only=True))
    assert len(months) == 13


@pytest.mark.parametrize(
    "path",
    [
        URL,
        "/akquise/kennzahlen/export.xlsx",
        "/akquise/kennzahlen/foerderbericht/",
        "/akquise/kennzahlen/foerderbericht/export.xlsx",
        "/akquise/kennzahlen/foerderbericht/bericht.pdf",
    ],
)
def test_partners_never_see_acquisition_figures(partner_client, path):
    assert partner_client.get(path).status_code == 403


@pytest.mark.parametrize("copies", [1, 12])
def test_figures_pages_read_a_fixed_number_of_queries(
    staff_client, scope, project, copies, django_assert_max_num_queries
):
    _history(scope, project, copies=copies)

    with django_assert_max_num_queries(10):
        staff_client.get(URL, {**YEAR_QUERY, "project": project.pk})
    with django_assert_max_num_queries(12):
        staff_client.get("/akquise/kennzahlen/foerderbericht/", YEAR_QUERY)


def test_another_workspace_s_approaches_never_count_on_the_page(
    staff_client, scope, project, other_workspace
):
    _history(scope, project)
    stranger = MembershipFactory(workspace=other_workspace, role=Role.STAFF).user
    _history(
        Scope(workspace=other_workspace, role=Role.STAFF, user=stranger),
        ProjectFactory(workspace=other_workspace),
        copies=3,
    )

    figures = staff_client.get(URL, YEAR_QUERY).context["figures"]

    assert figures.total.approached == 2
