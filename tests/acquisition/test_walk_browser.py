"""Issue 4's walk in a browser: from the target list to a company, its benefit statement,
the approach plan and an activity, then a move on the pipeline board.

The acquisition strings get their German words from the catalogue filled last, so this
test reads the English source text (language cookie "en"). Stage names are data (the
German defaults), not translations.
"""

import datetime as dt
import os
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from netzwerkstatt.acquisition import benefit_text, services
from netzwerkstatt.acquisition.models import Activity, Approach, Stage
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium
from tests.factories import (
    PASSWORD,
    FunctionFactory,
    MeasureFactory,
    MembershipFactory,
    NeedFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamMemberFactory,
    TieFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("NETZWERKSTATT_SCREENSHOTS")  # a folder, to look at the pages
COMPANY = "Metallbau Müller GmbH"
EDITED = "Gern kommen wir im Mai zu Ihnen in die Werkstatt."


def _screenshot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def walk(live_server):
    """A project with a target profile and measures, the needs vocabulary, a few companies
    (one researched, with a contact person a team member knows well) and a staff member."""
    workspace = WorkspaceFactory(slug="bv-nord")
    lead = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    setup = Scope(workspace=workspace, role=Role.LEAD, user=lead)
    project = ProjectFactory(workspace=workspace, name="TraM")
    skilled, older = (
        NeedFactory(workspace=workspace, name="Fachkräftegewinnung"),
        NeedFactory(workspace=workspace, name="Ältere Beschäftigte halten"),
    )
    NeedFactory(workspace=workspace, name="Digitalisierung")
    MeasureFactory(workspace=workspace, project=project, name="Demografie-Check", needs=[older])
    MeasureFactory(workspace=workspace, project=project, name="Azubi-Coaching", needs=[skilled])
    services.target_profile_save(
        scope=setup, project=project, sectors=["C"], size_classes=["medium"], warm_path_weight=3
    )
    for name, sector, employees in (
        ("Autohaus Ahrens KG", "45", 12),
        ("Bäckerei Schulz KG", "10", 8),
        ("Pflegedienst Sonnenschein", "87", 30),
    ):
        OrganisationFactory(workspace=workspace, name=name, sector=sector, employee_count=employees)
    contact = FunctionFactory(
        workspace=workspace,
        organisation=OrganisationFactory(
            workspace=workspace, name=COMPANY, sector="25", employee_count=85, city="Gifhorn"
        ),
        person=PersonFactory(workspace=workspace, first_name="Sabine", last_name="Krüger"),
    )
    company = contact.organisation
    colleague = TeamMemberFactory(
        workspace=workspace,
        person=PersonFactory(workspace=workspace, first_name="Jonas", last_name="Brandt"),
        user=user,
    ).person
    TieFactory(
        workspace=workspace,
        source_person=colleague,
        target_person=contact.person,
        strength=5,
        trust=5,
    )
    dossier, _new = services.dossier_open(scope=setup, project=project, organisation=company)
    services.dossier_update(
        scope=setup,
        dossier=dossier,
        situation="Der Betrieb wächst und sucht Schweißer",
        share_50_plus=40,
        open_positions=4,
    )
    for need, evidence in ((skilled, "Stellenanzeigen seit Monaten"), (older, "40 % über 50")):
        services.identified_need_add(scope=setup, dossier=dossier, need=need, evidence=evidence)
    return {"user": user, "project": project, "company": company}


def test_walk_from_the_target_list_to_the_board(live_server, page, walk):
    project, company = walk["project"], walk["company"]
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(walk["user"].email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    # The target list ranks the researched company with the warm path first.
    page.goto(f"{live_server.url}{reverse('acquisition:target_list')}?project={project.pk}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Target list")
    first_row = page.locator("table.targets tbody tr").first
    expect(first_row).to_contain_text(COMPANY)
    expect(first_row).to_contain_text("Warm path")
    expect(first_row).to_contain_text("Needs")
    _screenshot(page, "1-target-list")

    # Its page: put it into the project's pipeline as a warm introduction.
    first_row.get_by_role("link", name=COMPANY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COMPANY)
    panel = page.locator("#acquisition")
    panel.get_by_label("Channel").select_option(label="warm introduction")
    panel.get_by_role("button", name="Add to pipeline").click()
    expect(page.locator(".messages")).to_contain_text("is now in the pipeline of TraM")
    approach = Approach.objects.get(organisation=company, project=project)
    expect(page).to_have_url(re.compile(rf"{re.escape(approach.get_absolute_url())}$"))

    # The benefit statement: generate it from the template and the dossier, edit, save.
    benefit = page.locator("#benefit")
    benefit.get_by_label("Template").select_option(label=benefit_text.DEFAULT_BENEFIT_TEMPLATE_NAME)
    benefit.get_by_role("button", name="Generate text").click()
    statement = page.locator("#id_benefit-statement")
    expect(statement).to_have_value(re.compile("Fachkräftegewinnung"))
    expect(statement).to_have_value(re.compile("Demografie-Check"))
    generated = statement.input_value()
    assert "{" not in generated
    statement.fill(f"{generated}\n\n{EDITED}")
    _screenshot(page, "2-benefit-generated")
    page.locator("#benefit").get_by_role("button", name="Save benefit statement").click()
    expect(page.locator("#benefit")).to_contain_text("The benefit statement has been saved.")
    page.reload()
    expect(page.locator("#id_benefit-statement")).to_have_value(re.compile(EDITED))
    approach.refresh_from_db()
    assert approach.benefit_statement.endswith(EDITED)
    assert approach.benefit_template.name == benefit_text.DEFAULT_BENEFIT_TEMPLATE_NAME

    # The approach plan: whom to contact and the next step.
    page.get_by_role("link", name="Edit plan").click()
    page.get_by_label("Person to contact").select_option(label="Sabine Krüger")
    page.locator("#id_next_step").fill(  # its label is a prefix of "Next step on"
        "Termin für den Demografie-Check anbieten"
    )
    next_week = dt.date.today() + dt.timedelta(days=7)
    page.get_by_label("Next step on").fill(next_week.isoformat())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Your changes have been saved.")
    plan = page.locator("section", has=page.locator("#plan-heading"))
    expect(plan).to_contain_text("warm introduction")
    expect(plan).to_contain_text("Sabine Krüger")
    expect(plan).to_contain_text("Termin für den Demografie-Check anbieten")

    # An activity with the company, logged from the approach page, comes back there.
    activities = page.locator("#activities")
    activities.get_by_role("link", name="Log activity").click()
    expect(page.get_by_label("Project")).to_have_value(str(project.pk))
    page.get_by_label("call", exact=True).check()
    page.get_by_label("Sabine Krüger").check()
    page.get_by_label("Summary").fill("Erstes Telefonat mit Frau Krüger")
    page.get_by_label("Outcome").fill("Interesse am Demografie-Check")
    page.get_by_role("button", name="Log activity").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(approach.get_absolute_url())}$"))
    expect(page.locator(".messages")).to_contain_text("The activity has been logged.")
    expect(page.locator("#activities")).to_contain_text("Interesse am Demografie-Check")
    assert Activity.objects.get(organisation=company).approach == approach
    _screenshot(page, "3-approach")

    # The board: drag the card to "Gespräch".
    page.get_by_role("link", name="Pipeline of TraM").click()
    stages = {stage.name: stage for stage in Stage.objects.filter(project=project)}
    identified = page.locator(f"#stage-{stages['identifiziert'].pk}")
    conversation = page.locator(f"#stage-{stages['Gespräch'].pk}")
    card = page.locator(f"#card-{approach.pk}")
    expect(identified.locator(card)).to_be_visible()
    card.drag_to(conversation)
    expect(conversation.locator(card)).to_be_visible()
    page.reload()
    expect(conversation).to_contain_text(COMPANY)
    expect(identified).not_to_contain_text(COMPANY)
    _screenshot(page, "4-board")
    approach.refresh_from_db()
    assert approach.stage == stages["Gespräch"]
