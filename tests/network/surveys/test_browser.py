"""The survey as a partner and a team member use it: suggestions, rows, review by htmx."""

import pytest
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import AnswerStatus, TieKind
from netzwerkstatt.network.models import SurveyAnswer, Tie
from netzwerkstatt.network.surveys import survey_create
from tests.browser.conftest import browser_type_launch_args, log_in  # noqa: F401
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory, WorkspaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_answers_with_a_suggestion_and_a_free_entry_then_team_accepts(
    live_server,
    page,
    log_in,  # noqa: F811
):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    company = OrganisationFactory(workspace=workspace, name="Metallbau Müller GmbH", city="Gifhorn")
    respondent = PersonFactory(workspace=workspace, first_name="Petra", last_name="Schulz")
    scope = Scope(workspace=workspace, role=Role.STAFF, user=user)
    _survey, token = survey_create(scope=scope, respondent=respondent)

    page.goto(f"{live_server.url}/netzwerk/umfrage/{token}/")
    expect(page.get_by_text("Petra Schulz")).to_be_visible()
    page.locator('input[name="form-0-organisation_name"]').fill("mueller")
    page.locator("[data-suggestion]").first.click()
    expect(page.locator('input[name="form-0-organisation"]')).to_have_value(str(company.pk))
    expect(page.locator('input[name="form-0-city"]')).to_have_value("Gifhorn")
    page.locator('select[name="form-0-closeness"]').select_option("4")
    page.locator("[data-add-row]").click()
    expect(page.locator('input[name="form-3-organisation_name"]')).to_be_focused()
    page.locator('input[name="form-3-organisation_name"]').fill("Tischlerei Krause")
    page.locator('input[name="form-3-city"]').fill("Wolfsburg")
    page.locator('select[name="form-3-closeness"]').select_option("2")
    page.locator('input[name="form-1-organisation_name"]').fill("Doch nicht GmbH")
    page.locator("[data-remove-row]").nth(1).click()
    page.locator('main form button[type="submit"]:not([data-add-row])').click()

    page.wait_for_url(f"{live_server.url}/netzwerk/umfrage/danke/")
    assert list(
        SurveyAnswer.objects.order_by("id").values_list(
            "organisation_id", "organisation_name", "closeness"
        )
    ) == [(company.pk, "", 4), (None, "Tischlerei Krause", 2)]

    log_in(user)
    page.goto(f"{live_server.url}/netzwerk/befragungen/pruefen/")
    known = SurveyAnswer.objects.get(organisation=company)
    free = SurveyAnswer.objects.get(organisation__isnull=True)
    page.locator(f"#answer-{known.pk} button[type=submit]").first.click()
    expect(page.locator(f"#answer-{known.pk} [role=status]")).to_be_visible()
    page.locator(f'#answer-{free.pk} button[name="create"]').click()
    expect(page.locator(f"#answer-{free.pk} [role=status]")).to_be_visible()

    assert set(SurveyAnswer.objects.values_list("status", flat=True)) == {AnswerStatus.ACCEPTED}
    assert sorted(Tie.objects.values_list("kind", "target_organisation__name", "strength")) == [
        (TieKind.COLLABORATES, "Metallbau Müller GmbH", 4),
        (TieKind.COLLABORATES, "Tischlerei Krause", 2),
    ]
