import pytest
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from tests.factories import (
    FunctionFactory,
    MembershipFactory,
    OrganisationFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_as_you_type_then_note_on_company(live_server, page, log_in):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    company = OrganisationFactory(workspace=workspace, name="Metallbau Müller GmbH")
    FunctionFactory(workspace=workspace, organisation=company, person__last_name="Kröger")
    OrganisationFactory(workspace=workspace, name="Bäckerei Schulz")
    log_in(user)

    page.get_by_role("link", name="Organisationen").first.click()
    page.get_by_label("Suche").fill("mueller")

    results = page.locator("#results")
    expect(results).to_contain_text("Metallbau Müller GmbH")
    expect(results).not_to_contain_text("Bäckerei Schulz")
    assert "search=mueller" in page.url
    results.get_by_role("link", name="Metallbau Müller GmbH").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Metallbau Müller GmbH")
    expect(page.get_by_text("Kröger")).to_be_visible()

    page.get_by_label("Neue Notiz").fill("Telefonat: Interesse am Demografie-Check.")
    page.get_by_role("button", name="Notiz hinzufügen").click()

    expect(page.locator("#timeline")).to_contain_text("Interesse am Demografie-Check")
    expect(page.get_by_label("Neue Notiz")).to_have_value("")
