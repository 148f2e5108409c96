"""Exports: a network's minutes and decisions as PDF, action items as XLSX."""

import datetime as dt
import io
import subprocess
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netzwerkstatt.steering import services
from tests.factories import NetworkFactory, PersonFactory

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://example.org","klick")'


def _pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"],  # noqa: S607 -- poppler-utils on PATH
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def minutes(staff_scope, network, workspace):
    person = PersonFactory(workspace=workspace, first_name="Sabine", last_name="Krüger")
    meeting = services.meeting_create(
        scope=staff_scope,
        network=network,
        title="Netzwerktreffen Frühjahr",
        held_on=dt.date(2026, 3, 12),
        agenda="Begrüßung",
        minutes="Wir haben über Fachkräfte gesprochen.",
        attendees=[person],
    )
    services.decision_add(
        scope=staff_scope, meeting=meeting, text="Das Netzwerk trifft sich quartalsweise."
    )
    services.action_item_create(
        scope=staff_scope, network=network, meeting=meeting, title="Protokoll verschicken",
        owner=person, due_on=dt.date(2026, 3, 20),
    )  # fmt: skip
    services.meeting_create(
        scope=staff_scope, network=network, title="Treffen im Vorjahr", held_on=dt.date(2025, 6, 1)
    )
    return meeting


def test_minutes_pdf_holds_the_period_s_meetings_and_decisions(staff_client, network, minutes):
    response = staff_client.get(
        reverse("steering:minutes_pdf", args=[network.pk]),
        {"start": "2026-01-01", "end": "2026-12-31"},
    )

    content = _body(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert content.startswith(b"%PDF")
    text = _pdf_text(content)
    assert "Netzwerktreffen Frühjahr" in text
    assert "Das Netzwerk trifft sich quartalsweise." in text
    assert "Sabine Krüger" in text
    assert "Protokoll verschicken" in text
    assert "Treffen im Vorjahr" not in text


def test_minutes_pdf_refuses_a_reversed_period(staff_client, network):
    response = staff_client.get(
        reverse("steering:minutes_pdf", args=[network.pk]),
        {"start": "2026-12-31", "end": "2026-01-01"},
    )

    assert response.status_code == 400
    assert "end" in response.context["period_form"].errors


def test_minutes_pdf_of_another_workspace_s_network_is_not_found(staff_client, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)
    response = staff_client.get(reverse("steering:minutes_pdf", args=[foreign.pk]))
    assert response.status_code == 404


def test_action_items_xlsx_reads_back_with_text_kept_as_text(
    staff_client, staff_scope, network, minutes
):
    services.action_item_create(scope=staff_scope, network=network, title=FORMULA, status="done")

    response = staff_client.get(reverse("steering:action_items_xlsx"), {"status": "all"})

    content = _body(response)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    titles = {row[1]: row for row in rows[1:]}
    assert titles["Protokoll verschicken"][0] == network.name
    assert titles["Protokoll verschicken"][3] == "Sabine Krüger"
    assert titles["Protokoll verschicken"][4] == dt.datetime(2026, 3, 20)
    assert titles["Protokoll verschicken"][8] == "Netzwerktreffen Frühjahr"
    assert FORMULA in titles
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_action_items_xlsx_follows_the_filters(staff_client, staff_scope, network, workspace):
    other = NetworkFactory(workspace=workspace)
    services.action_item_create(scope=staff_scope, network=network, title="Hier")
    services.action_item_create(scope=staff_scope, network=other, title="Dort")

    response = staff_client.get(reverse("steering:action_items_xlsx"), {"network": other.pk})

    rows = list(load_workbook(io.BytesIO(_body(response))).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["Dort"]
