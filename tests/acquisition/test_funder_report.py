"""The funder report: its numbers from a real pipeline history, and its XLSX and PDF.

The helpers at the top write histories through the pipeline services; the views'
tests import them from here.
"""

import datetime as dt
import io
import subprocess
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.figures import Period, funder_figures
from netzwerkstatt.acquisition.models import Activity, ApproachMeasure
from netzwerkstatt.acquisition.selectors import figures as selectors
from netzwerkstatt.acquisition.selectors.figures import FigureFilter
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import (
    FunctionFactory,
    MeasureFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
YEAR = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
YEAR_QUERY = {"start": "2025-01-01", "end": "2025-12-31"}


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00").replace(tzinfo=BERLIN)


def approach(scope, project, moves, *, channel="cold", owner=None, introducer=None, **company):
    """A company entering the pipeline with the first (kind, day) of `moves`, then moving."""
    stages = {stage.kind: stage for stage in services.stages_ensure(scope=scope, project=project)}
    organisation = OrganisationFactory(
        workspace=scope.workspace, kind=OrganisationKind.COMPANY, **company
    )
    (kind, day), *rest = moves
    created = services.approach_create(
        scope=scope,
        project=project,
        organisation=organisation,
        stage=stages[kind],
        channel=channel,
        at=at(day),
        owner=owner or scope.user,
        introducer=introducer,
    )
    for kind, day in rest:
        services.approach_move(scope=scope, approach=created, stage=stages[kind], at=at(day))
    return created


def deliver(approach, measure, day: str, participants=None) -> ApproachMeasure:
    return ApproachMeasure.objects.create(
        workspace=approach.workspace,
        approach=approach,
        measure=measure,
        agreed_on=dt.date.fromisoformat(day),
        delivered_on=dt.date.fromisoformat(day),
        participants=participants,
    )


def activity(project, organisation, day: str, participants) -> Activity:
    entry = Activity.objects.create(
        workspace=project.workspace,
        project=project,
        organisation=organisation,
        kind="meeting",
        occurred_on=dt.date.fromisoformat(day),
    )
    entry.participants.set(participants)
    return entry


def works_at(person, kind, name, **dates):
    organisation = OrganisationFactory(workspace=person.workspace, kind=kind, name=name)
    return FunctionFactory(
        workspace=person.workspace, person=person, organisation=organisation, **dates
    ).organisation


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def history(scope, project, workspace):
    """Three participating companies, one only approached, one outside the period; two
    measures delivered; a chamber that introduced a company, a union at a meeting, and
    the team's own organisation (which does not count)."""
    ihk_person = PersonFactory(workspace=workspace, last_name="Kammermann")
    ihk = works_at(ihk_person, OrganisationKind.CHAMBER, "IHK Braunschweig")
    union_person = PersonFactory(workspace=workspace, last_name="Gewerkmann")
    works_at(union_person, OrganisationKind.UNION, "IG Metall Wolfsburg")
    gone_person = PersonFactory(workspace=workspace)
    works_at(gone_person, OrganisationKind.UNION, "Ver.di früher", end_date=dt.date(2024, 6, 30))
    colleague = PersonFactory(workspace=workspace, last_name="Teamfrau")
    works_at(colleague, OrganisationKind.EDUCATION_PROVIDER, "Teamhaus gGmbH")
    TeamMemberFactory(workspace=workspace, person=colleague)

    warm = approach(
        scope, project, [("approached", "2025-02-01"), ("agreement", "2025-03-01")],
        channel="warm", introducer=ihk_person, employee_count=8, sector="25",
    )  # fmt: skip
    active = approach(
        scope, project,
        [("approached", "2025-01-10"), ("conversation", "2025-01-20"), ("agreement", "2025-02-01"), ("active", "2025-04-01")],
        employee_count=120, sector="86",
    )  # fmt: skip
    earlier = approach(
        scope, project, [("approached", "2024-10-01"), ("agreement", "2024-11-01"), ("active", "2025-01-05")],
        employee_count=30, sector="28",
    )  # fmt: skip
    approach(scope, project, [("approached", "2025-05-01")], employee_count=3)
    approach(scope, project, [("approached", "2024-05-01"), ("agreement", "2024-06-01")])
    check = MeasureFactory(workspace=workspace, project=project, name="Demografie-Check")
    deliver(warm, check, "2025-06-01", participants=4)
    deliver(active, check, "2025-07-01", participants=None)
    deliver(earlier, MeasureFactory(workspace=workspace, project=project, name="Führungskräfte-Workshop"), "2025-03-03", participants=9)  # fmt: skip
    deliver(active, MeasureFactory(workspace=workspace, project=project, name="Altersstrukturanalyse"), "2024-12-01", participants=2)  # fmt: skip
    activity(project, active.organisation, "2025-03-03", [union_person, colleague, gone_person])
    return {"ihk": ihk}


def _report(scope, project):
    filters = FigureFilter(YEAR.start, YEAR.end, project=project.pk)
    approaches, changes = selectors.pipeline_history(scope=scope, filters=filters)
    return funder_figures(
        approaches=approaches,
        changes=changes,
        period=YEAR,
        deliveries=selectors.deliveries(scope=scope, project=project, period=YEAR),
        partner_links=selectors.partner_links(scope=scope, project=project, period=YEAR),
    )


def test_funder_report_numbers(scope, project, history):
    report = _report(scope, project)

    assert (report.approached, report.conversations, report.agreements) == (3, 2, 2)
    assert report.participating == 3
    assert report.by_size == [("micro", 1), ("small", 1), ("medium", 1)]
    assert report.by_section == [("C", 2), ("Q", 1)]
    assert [(m.name, m.deliveries, m.participants) for m in report.measures] == [
        ("Demografie-Check", 2, 4), ("Führungskräfte-Workshop", 1, 9),
    ]  # fmt: skip
    assert [(p.name, p.kind, p.introduced, p.in_activities) for p in report.partners] == [
        ("IG Metall Wolfsburg", "union", False, True),
        ("IHK Braunschweig", "chamber", True, False),
    ]


def test_another_workspace_s_approaches_never_count(scope, project, history, other_workspace):
    stranger = MembershipFactory(workspace=other_workspace, role=Role.STAFF).user
    foreign = Scope(workspace=other_workspace, role=Role.STAFF, user=stranger)
    foreign_project = ProjectFactory(workspace=other_workspace)
    approach(foreign, foreign_project, [("approached", "2025-02-01"), ("agreement", "2025-03-01")])

    mine = _report(scope, project)
    # The foreign project's id in this workspace's scope finds nothing.
    filters = FigureFilter(YEAR.start, YEAR.end, project=foreign_project.pk)
    approaches, changes = selectors.pipeline_history(scope=scope, filters=filters)

    assert (mine.approached, mine.participating) == (3, 3)
    assert (approaches, changes) == ([], [])


def test_funder_report_xlsx_reads_back(staff_client, project, history):
    response = staff_client.get(
        "/akquise/kennzahlen/foerderbericht/export.xlsx", {**YEAR_QUERY, "project": project.pk}
    )

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    with translation.override("de"):
        overview = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(values_only=True)}
        assert overview[gettext("Companies approached")] == 3
        assert overview[gettext("Companies participating")] == 3
        assert overview[gettext("Project")] == "TraM"
    measures = list(workbook.worksheets[3].iter_rows(values_only=True))
    assert measures[1:] == [("Demografie-Check", 2, 4, 1), ("Führungskräfte-Workshop", 1, 9, 0)]
    partners = [row[0] for row in workbook.worksheets[4].iter_rows(min_row=2, values_only=True)]
    assert partners == ["IG Metall Wolfsburg", "IHK Braunschweig"]


def test_funder_report_pdf_is_german_and_names_no_persons(staff_client, project, history, tmp_path):
    response = staff_client.get(
        "/akquise/kennzahlen/foerderbericht/bericht.pdf", {**YEAR_QUERY, "project": project.pk}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    (tmp_path / "bericht.pdf").write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "bericht.pdf"), "-"],  # noqa: S607
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    with translation.override("de"):
        title = gettext("Acquisition report for the funder")
    assert title in text
    assert "TraM" in text
    assert "Bildungsverein Nord" in text  # the workspace
    assert "1. Januar 2025" in text
    assert "31. Dezember 2025" in text
    assert "IHK Braunschweig" in text
    assert "Teamhaus" not in text
    for surname in ("Kammermann", "Gewerkmann", "Teamfrau"):
        assert surname not in text


def test_funder_report_page_without_a_project_choice_takes_the_first(
    staff_client, project, history
):
    unbound = staff_client.get("/akquise/kennzahlen/foerderbericht/")
    response = staff_client.get("/akquise/kennzahlen/foerderbericht/", YEAR_QUERY)

    assert unbound.context["project"] == project
    assert response.status_code == 200
    assert response.context["project"] == project
    assert b"IHK Braunschweig" in response.content


def test_funder_report_refuses_another_workspace_s_project(staff_client, project, other_workspace):
    foreign = ProjectFactory(workspace=other_workspace, name="Fremdprojekt")

    response = staff_client.get("/akquise/kennzahlen/foerderbericht/", {"project": foreign.pk})

    assert response.status_code == 200
    assert "report" not in response.context
    assert b"Fremdprojekt" not in response.content
    pdf = staff_client.get(
        "/akquise/kennzahlen/foerderbericht/bericht.pdf", {"project": foreign.pk}
    )
    assert pdf.status_code == 400
