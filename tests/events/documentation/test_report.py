"""The public report: opt-in, at its token only, showing exactly what is public."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.documentation import photos, presentations, report
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    InvitationFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeItemFactory,
)
from tests.files import release

from .conftest import PDF, jpeg_bytes, not_consenting, table_round, upload


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        [shutil.which("pdftotext"), "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def documented(scope, event):
    """A published event with public and non-public items, each non-public one with a marker."""
    event.description = "Austausch über Netzwerke und Betriebe."
    event.report_summary = "Die Teilnehmenden waren sich einig: Netzwerke brauchen Ziele."
    event.report_published = True
    event.save()
    speaker = PersonFactory(workspace=event.workspace, first_name="André", last_name="Schülke")
    FunctionFactory(
        workspace=event.workspace,
        person=speaker,
        organisation=OrganisationFactory(workspace=event.workspace, name="ac consult"),
    )
    EmailAddressFactory(person=speaker, workspace=event.workspace, address="geheim@ac.example")
    item = ProgrammeItemFactory(event=event, title="Vertrauensvolles Networking", room="Saal 2")
    item.speakers.add(speaker)
    guest = InvitationFactory(
        event=event,
        status="registered",
        photo_consent=True,
        dietary_notes="MARKER-DIAET vegan",
        accessibility_notes="MARKER-ZUGANG Rollstuhl",
        person=PersonFactory(workspace=event.workspace, last_name="MARKER-TEILNEHMERIN"),
    )
    refuser = not_consenting(
        event, person=PersonFactory(workspace=event.workspace, last_name="MARKER-OHNE-FOTO")
    )
    photos.photos_upload(
        scope=scope,
        event=event,
        files=[upload(jpeg_bytes())],
        caption="Öffentliches Gruppenfoto",
        people=[guest.person],
    )
    photos.photos_upload(
        scope=scope,
        event=event,
        files=[upload(jpeg_bytes())],
        caption="MARKER-FOTO ohne Einwilligung",
        people=[guest.person, refuser.person],
    )
    flip_chart_round = table_round(
        event, topic="Nachhaltigkeit von Netzwerken", key_points="Gemeinsame Ziele festhalten."
    )
    flip_chart_round.participants.add(guest, refuser)  # who sat where is not for the public
    flip_chart_round.topic.proposed_by = PersonFactory(
        workspace=event.workspace, last_name="MARKER-VORSCHLAG"
    )
    flip_chart_round.topic.save()
    photos.photos_upload(
        scope=scope,
        event=event,
        files=[upload(jpeg_bytes())],
        caption="Flipchart Tisch 1",
        table_round=flip_chart_round,
    )
    presentations.presentation_create(
        scope=scope,
        event=event,
        file=upload(PDF, name="a.pdf"),
        title="FluGs – Flexibilisieren und Gleichstellen",
        programme_item=item,
        speaker=speaker,
    )
    presentations.presentation_create(
        scope=scope,
        event=event,
        file=upload(PDF, name="b.pdf"),
        title="MARKER-PRAESENTATION intern",
        public=False,
    )
    return event


def _status(client, url) -> int:
    response = client.get(url)
    release(response)
    return response.status_code


def _report_url(event, name="report", *args):
    return reverse(f"events:{name}", args=[event.report_token, *args])


def test_report_page_shows_the_public_items(client, documented):
    response = client.get(_report_url(documented))

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        documented.title,
        "Die Teilnehmenden waren sich einig",
        "Austausch über Netzwerke",
        "Vertrauensvolles Networking",
        "André Schülke (ac consult)",
        "Nachhaltigkeit von Netzwerken",
        "Gemeinsame Ziele festhalten.",
        "Öffentliches Gruppenfoto",
        "Flipchart Tisch 1",
        "FluGs – Flexibilisieren und Gleichstellen",
    ):
        assert text in html, text
    assert response["X-Robots-Tag"] == "noindex"


def test_report_page_shows_nothing_that_is_not_public(client, documented):
    html = client.get(_report_url(documented)).content.decode()

    assert "marker" not in html.lower()
    assert "geheim@ac.example" not in html
    assert "/media/" not in html  # files only through the checked views


def test_report_pdf_shows_the_public_items_and_nothing_else(client, documented):
    response = client.get(_report_url(documented, "report_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    text = _pdf_text(pdf)
    for expected in (
        "Vertrauensvolles Networking",
        "ac consult",
        "Gemeinsame Ziele festhalten.",
        "Öffentliches Gruppenfoto",
        "FluGs – Flexibilisieren und Gleichstellen",
    ):
        assert expected in text, expected
    assert "marker" not in text.lower()
    assert "geheim@ac.example" not in text
    assert pdf.count(b"/Subtype /Image") == 2  # the public photo and the flip chart


def test_report_files_are_served_only_when_public(client, documented):
    public, blocked, flip_chart = photos.photo_list(
        scope=Scope.system(documented.workspace), event=documented
    )
    shown, hidden = documented.presentations.order_by("id")

    assert _status(client, _report_url(documented, "report_photo", public.pk)) == 200
    assert _status(client, _report_url(documented, "report_thumbnail", flip_chart.pk)) == 200
    assert _status(client, _report_url(documented, "report_photo", blocked.pk)) == 404
    assert _status(client, _report_url(documented, "report_thumbnail", blocked.pk)) == 404
    download = client.get(_report_url(documented, "report_presentation", shown.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    release(download)
    assert _status(client, _report_url(documented, "report_presentation", hidden.pk)) == 404


def test_report_photo_is_withdrawn_with_the_consent(client, documented):
    public = report.public_photos(event=documented)[0]
    url = _report_url(documented, "report_photo", public.pk)
    assert _status(client, url) == 200

    documented.invitations.filter(photo_consent=True).update(photo_consent=False)

    assert _status(client, url) == 404


def test_report_of_an_unpublished_event_is_not_found(client, documented):
    url, photo_url = (
        _report_url(documented),
        _report_url(documented, "report_photo", report.public_photos(event=documented)[0].pk),
    )
    documented.report_published = False
    documented.save()

    assert client.get(url).status_code == 404
    assert client.get(photo_url).status_code == 404
    assert client.get(_report_url(documented, "report_pdf")).status_code == 404


@pytest.mark.parametrize("token", ["falsch", "x" * 43, "x" * 200])
def test_report_with_a_wrong_token_is_not_found(client, documented, token):
    response = client.get(reverse("events:report", args=[token]))

    assert response.status_code == 404
    assert documented.title not in response.content.decode()


def test_report_token_renewal_invalidates_the_old_address(staff_client, client, documented):
    old = _report_url(documented)
    old_pdf = _report_url(documented, "report_pdf")

    response = staff_client.post(reverse("events:report_token_renew", args=[documented.pk]))

    documented.refresh_from_db()
    assert response.status_code == 302
    assert client.get(old).status_code == 404
    assert client.get(old_pdf).status_code == 404
    assert client.get(_report_url(documented)).status_code == 200


def test_report_settings_publish_and_unpublish(staff_client, client, event):
    url = reverse("events:report_settings", args=[event.pk])

    staff_client.post(url, {"published": "on", "summary": "Ein gelungener Tag."})
    event.refresh_from_db()
    assert event.report_published
    assert event.report_summary == "Ein gelungener Tag."
    assert client.get(_report_url(event)).status_code == 200
    page = staff_client.get(reverse("events:event_documentation", args=[event.pk]))
    assert _report_url(event) in page.content.decode()

    staff_client.post(url, {"summary": "Ein gelungener Tag."})
    event.refresh_from_db()
    assert not event.report_published
    assert client.get(_report_url(event)).status_code == 404


def test_report_settings_make_a_token_when_the_event_has_none(scope, event):
    event.report_token = ""
    event.save()

    report.report_settings_update(scope=scope, event=event, published=True, summary="")

    assert len(event.report_token) >= 43


def test_report_unknown_tokens_are_held_off_after_a_few(client, documented):
    for attempt in range(20):
        assert client.get(reverse("events:report", args=[f"rate-{attempt}"])).status_code == 404

    assert client.get(reverse("events:report", args=["noch-einer"])).status_code == 429
    assert client.get(_report_url(documented)).status_code == 429


def test_report_preview_shows_the_same_content_to_the_team(staff_client, documented):
    documented.report_published = False
    documented.save()

    response = staff_client.get(reverse("events:report_preview", args=[documented.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Öffentliches Gruppenfoto" in html
    assert "marker" not in html.lower()
    assert documented.report_token not in html
