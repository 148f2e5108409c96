import pytest
from playwright.sync_api import expect

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.models import Recommendation, Tie
from tests.factories import (
    FunctionFactory,
    MembershipFactory,
    OrganisationFactory,
    TeamMemberFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pick(panel, field_id: str, text: str, value: str) -> None:
    """Search in a node picker and choose the option with `value`."""
    field = panel.locator(f".field:has(#{field_id})")
    field.locator("input[type=search]").press_sequentially(text, delay=50)
    expect(field.locator(f"#{field_id} option[value='{value}']")).to_be_attached()
    field.locator(f"#{field_id}").select_option(value)


def test_record_tie_and_recommendation_on_company_page_then_outcome(live_server, page, log_in):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    me = TeamMemberFactory(workspace=workspace, user=user, person__last_name="Teamfrau").person
    company = OrganisationFactory(workspace=workspace, name="Metallbau Müller GmbH")
    union = OrganisationFactory(
        workspace=workspace, name="IG Metall Gifhorn", kind=OrganisationKind.UNION
    )
    meyer = FunctionFactory(workspace=workspace, organisation=union, person__last_name="Meyer")
    log_in(user)

    page.goto(f"{live_server.url}{company.get_absolute_url()}")
    panel = page.locator("#relationships")
    panel.locator("details").nth(0).locator("summary").click()
    panel.locator("#id_tie-kind").select_option(TieKind.COOPERATION)
    pick(panel, "id_tie-other", "IG Metall", f"organisation:{union.pk}")
    panel.locator("#id_tie-strength").select_option("4")
    panel.locator("details").nth(0).locator("button[type=submit]").click()

    expect(page.locator("#relationships .timeline")).to_contain_text("IG Metall Gifhorn")
    tie = Tie.objects.get()
    assert (tie.kind, tie.strength) == (TieKind.COOPERATION, 4)

    panel = page.locator("#relationships")
    panel.locator("details").nth(1).locator("summary").click()
    pick(panel, "id_recommendation-recommender", "Meyer", f"person:{meyer.person.pk}")
    expect(panel.locator("#id_recommendation-recipient")).to_have_value(f"person:{me.pk}")
    panel.locator("#id_recommendation-outcome").select_option("conversation")
    panel.locator("details").nth(1).locator("button[type=submit]").click()

    expect(page.locator("#relationships ul").last).to_contain_text("Meyer")
    recommendation = Recommendation.objects.get()
    assert (recommendation.subject, recommendation.recipient) == (company, me)

    page.goto(f"{live_server.url}/netzwerk/empfehlungen/")
    row = page.locator(f"#recommendation-{recommendation.pk}")
    row.locator("select[name=outcome]").select_option("cooperation")
    row.locator("button[type=submit]").click()

    expect(page.locator(f"#recommendation-{recommendation.pk} [role=status]")).to_be_visible()
    recommendation.refresh_from_db()
    assert recommendation.outcome == "cooperation"
    assert Tie.objects.filter(kind=TieKind.COLLABORATES, strength=4).exists()
