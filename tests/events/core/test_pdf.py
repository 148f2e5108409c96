import shutil
import subprocess

import pytest
from django.urls import reverse

from netzwerkstatt.events.enums import InvitationStatus
from tests.factories import FunctionFactory, PersonFactory

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        [shutil.which("pdftotext"), "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_participants_pdf_lists_registered_names_with_a_signature_column(
    staff_client, event, invite, workspace
):
    registered = PersonFactory(workspace=workspace, first_name="Jürgen", last_name="Größmann")
    FunctionFactory(
        workspace=workspace, person=registered, organisation__name="IG Metall Wolfsburg"
    )
    invite("a", person=registered, status=InvitationStatus.REGISTERED, dietary_notes="vegan")
    declined = invite("b", status=InvitationStatus.DECLINED).person
    staff_client.cookies["django_language"] = "en"

    response = staff_client.get(reverse("events:participants_pdf", args=[event.pk]))

    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Größmann, Jürgen" in text
    assert "IG Metall Wolfsburg" in text
    assert "vegan" in text
    assert "Signature" in text
    assert declined.last_name not in text
    assert event.title in text
