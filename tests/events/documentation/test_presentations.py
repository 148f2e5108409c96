"""Presentations: PDFs checked by content, stored under random names, served only when allowed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse

from netzwerkstatt.events.documentation import presentations
from netzwerkstatt.events.documentation.presentations import is_pdf
from netzwerkstatt.events.models import Presentation
from tests.factories import EventFactory, PersonFactory, ProgrammeItemFactory

from .conftest import PDF, jpeg_bytes, upload


def _pdf(name="vortrag.pdf", content=PDF):
    return upload(content, name=name, content_type="application/pdf")


def test_is_pdf_looks_at_the_content():
    assert is_pdf(PDF)
    assert not is_pdf(b"%PDF-1.4 but cut off")
    assert not is_pdf(jpeg_bytes())
    assert not is_pdf(b"Hallo %%EOF")


def test_presentation_upload_view_stores_the_pdf_for_a_programme_item(staff_client, event):
    item = ProgrammeItemFactory(event=event, title="Akquise im Projekt TraM")
    speaker = PersonFactory(workspace=event.workspace, first_name="Susanne", last_name="Kundolf")
    item.speakers.add(speaker)

    response = staff_client.post(
        reverse("events:presentation_upload", args=[event.pk]),
        {
            "file": _pdf(name="Kundolf privat.pdf"),
            "title": "Erfahrungen aus der Unternehmensakquise",
            "programme_item": item.pk,
            "speaker": speaker.pk,
            "public": "on",
        },
    )

    assert response.status_code == 302
    presentation = Presentation.objects.get(event=event)
    assert (presentation.programme_item, presentation.speaker) == (item, speaker)
    assert presentation.public
    assert presentation.file.name.startswith("events/presentations/")
    assert "Kundolf" not in presentation.file.name
    with default_storage.open(presentation.file.name, "rb") as file:
        assert file.read() == PDF


def test_presentation_upload_view_refuses_a_file_that_is_not_a_pdf(staff_client, event):
    response = staff_client.post(
        reverse("events:presentation_upload", args=[event.pk]),
        {"file": _pdf(name="folien.pdf", content=jpeg_bytes()), "title": "Folien"},
    )

    assert response.status_code == 200
    assert response.context["presentation_form"].errors["file"]
    assert not Presentation.objects.exists()


def test_presentation_create_refuses_too_many_bytes(scope, event):
    too_large = _pdf(content=PDF[:20] + b" " * presentations.MAX_BYTES + PDF[20:])

    with pytest.raises(ValidationError) as refused:
        presentations.presentation_create(scope=scope, event=event, file=too_large, title="Groß")

    assert "file" in refused.value.error_dict


def test_presentation_create_refuses_a_programme_item_of_another_event(scope, event, workspace):
    foreign_item = ProgrammeItemFactory(event=EventFactory(workspace=workspace))

    with pytest.raises(ValidationError):
        presentations.presentation_create(
            scope=scope, event=event, file=_pdf(), title="Falsch", programme_item=foreign_item
        )


def test_presentation_update_view_can_take_it_out_of_the_report(staff_client, scope, event):
    presentation = presentations.presentation_create(
        scope=scope, event=event, file=_pdf(), title="Alt"
    )

    response = staff_client.post(
        reverse("events:presentation_update", args=[presentation.pk]), {"title": "Neu"}
    )

    assert response.status_code == 302
    presentation.refresh_from_db()
    assert presentation.title == "Neu"
    assert not presentation.public


def test_presentation_delete_removes_the_file(
    staff_client, scope, event, django_capture_on_commit_callbacks
):
    presentation = presentations.presentation_create(
        scope=scope, event=event, file=_pdf(), title="Weg damit"
    )
    name = presentation.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("events:presentation_delete", args=[presentation.pk]))

    assert response.status_code == 302
    assert not Presentation.objects.exists()
    assert not default_storage.exists(name)


def test_presentation_file_is_a_download_named_after_the_title(staff_client, scope, event):
    presentation = presentations.presentation_create(
        scope=scope, event=event, file=_pdf(), title="Netzwerke über das Projekt hinaus"
    )

    response = staff_client.get(reverse("events:presentation_file", args=[presentation.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "netzwerke-uber-das-projekt-hinaus.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
