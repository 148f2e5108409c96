import pytest
from playwright.sync_api import expect

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.loading import graph_cache_clear
from tests.factories import (
    FunctionFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    TeamMemberFactory,
    TieFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def small_network(workspace):
    """A team member, a chamber and a union with their people, and three companies."""
    member = TeamMemberFactory(workspace=workspace, person__last_name="Team")
    chamber = OrganisationFactory(
        workspace=workspace, name="IHK Lüneburg-Wolfsburg", kind=OrganisationKind.CHAMBER
    )
    union = OrganisationFactory(workspace=workspace, name="IG Metall", kind=OrganisationKind.UNION)
    companies = [
        OrganisationFactory(workspace=workspace, name=name, kind=OrganisationKind.COMPANY)
        for name in ("Metallbau Müller GmbH", "Bäckerei Schulz", "Pflegedienst Sonnenschein")
    ]
    for organisation in (chamber, union, *companies):
        person = PersonFactory(workspace=workspace)
        FunctionFactory(workspace=workspace, person=person, organisation=organisation)
        TieFactory(
            workspace=workspace, source_person=member.person, target_person=person, strength=4
        )
    for company in companies:
        TieFactory(
            workspace=workspace,
            kind=TieKind.MEMBERSHIP,
            source_person=None,
            source_organisation=company,
            target_person=None,
            target_organisation=chamber,
            strength=2,
        )
    return companies[0]


def test_network_map_filter_then_open_a_company(live_server, page, log_in):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    company = small_network(workspace)
    graph_cache_clear()
    log_in(user)
    # In English: the German catalogue of the network pages is filled at the end.
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.reload()

    page.get_by_role("link", name="Network map").click()
    canvas = page.locator("#map-canvas")
    # 1 team member + 5 organisations with one person each.
    expect(canvas).to_have_attribute("data-nodes", "11")
    expect(page.locator("#map-list")).to_contain_text("Metallbau Müller GmbH")

    page.get_by_label("Kind of organisation").select_option("company")

    # The chamber and the union leave the map (their people stay: the team knows them) …
    expect(canvas).to_have_attribute("data-nodes", "9")
    assert "organisation_kind=company" in page.url
    expect(page.locator("#map-list")).not_to_contain_text("IG Metall")

    # … and the company opens its page from the map.
    canvas.scroll_into_view_if_needed()
    position = page.evaluate(
        """key => {
            const node = document.getElementById("map-canvas").cytoscape.getElementById(key);
            return node.renderedPosition();
        }""",
        f"organisation:{company.pk}",
    )
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])

    expect(page).to_have_url(f"{live_server.url}{company.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Metallbau Müller GmbH")
