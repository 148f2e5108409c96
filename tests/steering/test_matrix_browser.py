"""A network set up in a browser: created from the list, two members picked by search,
a topic added, and the matrix's cells set with htmx until the topic is marked as shared.

The steering strings get their German words from the catalogue filled last, so this
test reads the English source text (language cookie "en").
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from netzwerkstatt.steering.models import Network, TopicInterest
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium
from tests.factories import PASSWORD, MembershipFactory, OrganisationFactory, WorkspaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_network_members_topic_and_matrix(live_server, page):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    OrganisationFactory(workspace=workspace, name="Metallbau Müller GmbH", city="Gifhorn")
    OrganisationFactory(workspace=workspace, name="IHK Lüneburg-Wolfsburg", city="Wolfsburg")
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])

    # An empty list invites the first network.
    page.goto(f"{live_server.url}{reverse('steering:network_list')}")
    expect(page.get_by_text("No networks yet.")).to_be_visible()
    page.get_by_role("link", name="New network").first.click()
    page.get_by_label("Name").fill("Arbeitgeberkreis Gifhorn")
    page.get_by_label("Region").fill("Landkreis Gifhorn")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Arbeitgeberkreis Gifhorn")
    network = Network.objects.get()

    # Two members, each picked by typing part of the name.
    for search, option in (("metallbau", "Metallbau Müller GmbH"), ("ihk", "IHK Lüneburg")):
        page.get_by_role("link", name="Add member").click()
        page.get_by_placeholder("Type a name to search …").fill(search)
        select = page.locator("select#id_node")
        expect(select.locator("option", has_text=option)).to_have_count(1)
        select.select_option(label=select.locator("option", has_text=option).inner_text())
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator("#members")).to_contain_text(option)

    # A topic, then the matrix: nobody shares it yet, both members stand alone.
    page.get_by_role("link", name="Topics and interests").first.click()
    page.get_by_label("Name").fill("Fachkräftesicherung")
    page.get_by_role("button", name="Add topic").click()
    matrix = page.locator("#matrix")
    expect(matrix).to_contain_text("Members without a shared topic:")
    expect(matrix.locator("th.matrix-shared")).to_have_count(0)

    # Setting both cells with htmx marks the topic as shared by most.
    for name in ("Metallbau Müller GmbH", "IHK Lüneburg-Wolfsburg"):
        # the previous swap has settled, so htmx listens on the new selects
        expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)
        cell = page.get_by_label(f"Interest of {name} in Fachkräftesicherung")
        with page.expect_response(lambda response: "/interessen/" in response.url):
            cell.select_option(label="engaged")
        expect(page.locator("#matrix .message")).to_have_text("Saved.")
        expect(page.get_by_label(f"Interest of {name} in Fachkräftesicherung")).to_have_value("2")
    expect(matrix.locator("th.matrix-shared")).to_contain_text("shared by most")
    expect(matrix).to_contain_text("none – every member shares a topic with someone")
    assert sorted(TopicInterest.objects.values_list("level", flat=True)) == [2, 2]
    assert network.members.count() == 2
