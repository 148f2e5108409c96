import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
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
DEMO_STAFF = "mitarbeit@bildungsverein-nord.example"
DEMO_PASSWORD = "Netzwerk-Demo-2026"


def click_node(page, canvas, key: str) -> None:
    """Click a node of the map where Cytoscape has drawn it."""
    # Cytoscape keeps the canvas's place on the page until a scroll event tells it otherwise;
    # that event comes with the next frame, and a click before it misses the node.
    canvas.evaluate(
        """element => new Promise(done => {
            element.scrollIntoView({block: 'start'});
            requestAnimationFrame(() => requestAnimationFrame(done));
        })"""
    )
    position = page.evaluate(
        """key => {
            const node = document.getElementById("map-canvas").cytoscape.getElementById(key);
            return node.renderedPosition();
        }""",
        key,
    )
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])


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

    page.locator("summary").get_by_text("Network", exact=True).click()  # the network menu
    page.get_by_role("link", name="Network map").click()
    canvas = page.locator("#map-canvas")
    # 1 team member + 5 organisations with one person each.
    expect(canvas).to_have_attribute("data-nodes", "11")
    expect(page.locator("#map-list")).to_contain_text("Metallbau Müller GmbH")
    # Each count in its form: the union employs one person and has no other tie.
    expect(page.locator("#map-status")).to_have_text(
        re.compile(r"^11 contacts and \d+ ties shown\.$")
    )
    expect(page.locator("#map-list")).to_contain_text(re.compile(r"IG Metall \([^)]*\b1 tie\)"))
    with page.expect_download() as download:
        page.get_by_role("button", name="Save as PNG").click()
    assert download.value.suggested_filename == "network-map.png"

    page.get_by_label("Kind of organisation").select_option("company")

    # The chamber and the union leave the map (their people stay: the team knows them) …
    expect(canvas).to_have_attribute("data-nodes", "9")
    assert "organisation_kind=company" in page.url
    expect(page.locator("#map-list")).not_to_contain_text("IG Metall")

    # … and the company opens its page from the map.
    click_node(page, canvas, f"organisation:{company.pk}")

    expect(page).to_have_url(f"{live_server.url}{company.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Metallbau Müller GmbH")


def test_network_map_of_the_demo_network(live_server, page):
    call_command("load-demo", verbosity=0)
    graph_cache_clear()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-mail address").fill(DEMO_STAFF)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.locator("summary").get_by_text("Network", exact=True).click()  # the network menu
    page.get_by_role("link", name="Network map").click()
    canvas = page.locator("#map-canvas")
    expect(canvas).to_have_attribute("data-nodes", re.compile(r"^\d{3,}$"), timeout=60_000)
    everything = int(canvas.get_attribute("data-nodes"))

    page.get_by_label("Minimum strength").select_option("5")
    expect(canvas).not_to_have_attribute("data-nodes", str(everything), timeout=60_000)
    assert 0 < int(canvas.get_attribute("data-nodes")) < everything

    # The network around one company, found by its name, one step deep.
    company = Organisation.objects.filter(kind=OrganisationKind.COMPANY).order_by("pk").first()
    page.get_by_label("Minimum strength").select_option("1")
    page.get_by_placeholder("Type a name to search …").fill(company.name)
    centre = page.locator("#id_centre")
    expect(centre.locator(f'option[value="organisation:{company.pk}"]')).to_have_count(
        1, timeout=20_000
    )
    centre.select_option(f"organisation:{company.pk}")
    expect(page.locator("#map-list")).to_contain_text(company.name)
    expect(canvas).to_have_attribute("data-centre", f"organisation:{company.pk}", timeout=20_000)

    click_node(page, canvas, f"organisation:{company.pk}")

    expect(page).to_have_url(f"{live_server.url}{company.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(company.name)
