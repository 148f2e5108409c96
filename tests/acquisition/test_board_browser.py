"""The pipeline board in a browser: drag a card to another stage, or move it with its select.

The board's own strings get their German words from the catalogue filled last, so the
test finds elements by ids and company names, not by words.
"""

import pytest
from playwright.sync_api import expect

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.models import Approach
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 -- Debian's Chromium
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    WorkspaceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def board(live_server):
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    scope = Scope(workspace=workspace, role=Role.STAFF, user=user)
    project = ProjectFactory(workspace=workspace, name="TraM")
    stages = {stage.name: stage for stage in services.stages_ensure(scope=scope, project=project)}
    approaches = [
        services.approach_create(
            scope=scope,
            project=project,
            organisation=OrganisationFactory(
                workspace=workspace, name=name, kind=OrganisationKind.COMPANY
            ),
        )
        for name in ("Metallbau Müller GmbH", "Bäckerei Schulz KG")
    ]
    return {"user": user, "stages": stages, "approaches": approaches, "project": project}


def _open_board(page, live_server, board):
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(board["user"].email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/akquise/pipeline/?project={board['project'].pk}")


def _column(page, stage):
    return page.locator(f"#stage-{stage.pk}")


def test_drag_a_card_to_another_stage(live_server, page, board):
    stages, (muller, schulz) = board["stages"], board["approaches"]
    _open_board(page, live_server, board)
    card = page.locator(f"#card-{muller.pk}")
    expect(card).to_be_visible()

    card.drag_to(_column(page, stages["Gespräch"]))

    expect(_column(page, stages["Gespräch"]).locator(f"#card-{muller.pk}")).to_be_visible()
    expect(page.locator("#board-status")).to_contain_text("Metallbau Müller GmbH")
    page.reload()
    expect(_column(page, stages["Gespräch"])).to_contain_text("Metallbau Müller GmbH")
    expect(_column(page, stages["identifiziert"])).not_to_contain_text("Metallbau Müller GmbH")
    expect(_column(page, stages["identifiziert"])).to_contain_text("Bäckerei Schulz KG")
    assert Approach.objects.get(pk=muller.pk).stage == stages["Gespräch"]
    assert Approach.objects.get(pk=schulz.pk).stage == stages["identifiziert"]


def test_drag_a_card_above_another_in_the_same_stage(live_server, page, board):
    stages, (muller, schulz) = board["stages"], board["approaches"]
    _open_board(page, live_server, board)

    page.locator(f"#card-{schulz.pk}").drag_to(
        page.locator(f"#card-{muller.pk}"), target_position={"x": 20, "y": 5}
    )

    first = _column(page, stages["identifiziert"]).locator(".board-card").first
    expect(first).to_have_id(f"card-{schulz.pk}")
    page.reload()
    first = _column(page, stages["identifiziert"]).locator(".board-card").first
    expect(first).to_have_id(f"card-{schulz.pk}")


def test_move_a_card_with_its_select_and_the_keyboard(live_server, page, board):
    stages, (muller, _schulz) = board["stages"], board["approaches"]
    _open_board(page, live_server, board)

    select = page.locator(f"#move-{muller.pk}")
    select.select_option(str(stages["Vereinbarung"].pk))
    select.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(_column(page, stages["Vereinbarung"]).locator(f"#card-{muller.pk}")).to_be_visible()
    page.reload()
    expect(_column(page, stages["Vereinbarung"])).to_contain_text("Metallbau Müller GmbH")
