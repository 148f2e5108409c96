"""A real browser opens the main pages with script payloads in every free-text field: no
script runs (proof 5 of issue 7).

The payloads of tests/security/xss_payloads.py call `alert(1)`; every dialog the browser
opens is counted. The pages: persons list and detail, organisation detail, the network
map (drawn, its list filled, a payload-named node clicked), the pipeline board, the
event, its World Café pages and the public registration and report pages, the steering
dashboard.
"""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from tests.factories import MembershipFactory, WorkspaceFactory
from tests.planted import plant_everything
from tests.security.probe import matrix_pages, page_requests
from tests.security.xss_payloads import SCRIPT, plant_payloads

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = (
    "contacts:person_list",
    "contacts:person_detail",
    "contacts:organisation_list",
    "contacts:organisation_detail",
    "network:tie_list",
    "network:recommendation_list",
    "acquisition:pipeline_board",
    "acquisition:approach_detail",
    "acquisition:dossier_detail",
    "events:event_detail",
    "events:world_cafe",
    "events:world_cafe_results",
    "events:event_documentation",
    "events:registration",
    "events:report",
    "network:survey_respond",
    "steering:network_detail",
    "steering:network_dashboard",
    "steering:network_matrix",
)


def _signed_in(page, live_server, user) -> None:
    """The browser carries the session of `user` (signed in without the login form)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _paths(planted) -> dict[str, str]:
    world = SimpleNamespace(own=planted, foreign=planted)
    paths = {}
    for name, route, pattern in matrix_pages():
        if name in PAGES:
            paths[name] = dict(page_requests(world, name, route, pattern))["own"]
    return paths


def test_main_pages_with_payloads_open_no_dialog(live_server, page):
    workspace = WorkspaceFactory(slug="bv-nord")
    planted = plant_everything(workspace, SCRIPT)
    lead = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    plant_payloads()
    paths = _paths(planted)
    dialogs = []

    def count(dialog):
        dialogs.append((page.url, dialog.message))
        dialog.dismiss()

    page.on("dialog", count)
    _signed_in(page, live_server, lead)
    for name in PAGES:
        response = page.goto(f"{live_server.url}{paths[name]}")
        page.wait_for_load_state("networkidle")
        assert response.ok, f"{name}: {response.status}"

    page.goto(f"{live_server.url}/netzwerk/karte/")
    canvas = page.locator("#map-canvas")
    expect(canvas).to_have_attribute("data-nodes", "3", timeout=30_000)
    expect(page.locator("#map-list")).to_contain_text("alert(1)")
    person = planted["person"]
    position = page.evaluate(
        """key => {
            const node = document.getElementById("map-canvas").cytoscape.getElementById(key);
            return node.renderedPosition();
        }""",
        f"person:{person.pk}",
    )
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + position["x"], box["y"] + position["y"])
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_load_state("networkidle")

    assert dialogs == []
