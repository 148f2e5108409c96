"""Uploading, editing and deleting photos: what is stored, and what is refused."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events import images
from netzwerkstatt.events.documentation import photos
from netzwerkstatt.events.models import Photo
from tests.factories import EventFactory, PersonFactory

from .conftest import (
    consenting,
    jpeg_bytes,
    jpeg_with_gps,
    png_bytes,
    png_claiming,
    table_round,
    upload,
)


def _stored(field) -> Image.Image:
    with default_storage.open(field.name, "rb") as file:
        picture = Image.open(io.BytesIO(file.read()))
        picture.load()
    return picture


def test_photo_upload_view_stores_a_jpeg_without_exif_or_gps(staff_client, event):
    original = jpeg_with_gps(size=(40, 20), orientation=6)

    response = staff_client.post(
        reverse("events:photo_upload", args=[event.pk]),
        {"photos": [upload(original, name="IMG_4711 Gifhorn.jpg")], "caption": "Begrüßung"},
    )

    assert response.status_code == 302
    photo = Photo.objects.get(event=event)
    stored = _stored(photo.image)
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info
    assert stored.size == (20, 40) == (photo.width, photo.height)  # orientation applied
    with default_storage.open(photo.image.name, "rb") as file:
        content = file.read()
    assert b"Testkamera" not in content
    assert b"GPS" not in content
    assert photo.caption == "Begrüßung"
    assert photo.uploaded_by is not None


def test_photo_upload_stores_random_names_and_a_thumbnail(scope, event):
    [photo] = photos.photos_upload(
        scope=scope, event=event, files=[upload(jpeg_bytes(size=(1600, 1200)), name="../x.jpg")]
    )

    assert photo.image.name.startswith("events/photos/")
    assert photo.thumbnail.name.startswith("events/thumbnails/")
    assert "x" not in photo.image.name.removeprefix("events/photos/").removesuffix(".jpg")
    assert len(photo.image.name.rsplit("/", 1)[1]) == 32 + len(".jpg")
    assert _stored(photo.thumbnail).size == (images.THUMBNAIL_EDGE, 480)


def test_photo_upload_keeps_png_as_png(scope, event):
    [photo] = photos.photos_upload(
        scope=scope, event=event, files=[upload(png_bytes(), name="flipchart.png")]
    )

    assert photo.image.name.endswith(".png")
    assert _stored(photo.image).mode == "RGBA"
    assert _stored(photo.thumbnail).format == "JPEG"


def test_photo_upload_takes_several_files_with_the_same_people_and_table_round(scope, event):
    person = consenting(event).person
    flip_chart_round = table_round(event)

    uploaded = photos.photos_upload(
        scope=scope,
        event=event,
        files=[upload(jpeg_bytes()), upload(png_bytes(), name="b.png")],
        caption="Tisch 1",
        people=[person],
        table_round=flip_chart_round,
    )

    assert len(uploaded) == 2
    for photo in uploaded:
        assert list(photo.people.all()) == [person]
        assert photo.table_round == flip_chart_round
    entry = ActivityEntry.objects.get(workspace=event.workspace, action="created")
    assert entry.details == {"model": "events.Photo", "count": 2, "people": 1}


def test_photo_upload_refuses_all_when_one_file_is_not_an_image(scope, event):
    with pytest.raises(ValidationError) as refused:
        photos.photos_upload(
            scope=scope,
            event=event,
            files=[upload(jpeg_bytes()), upload(b"kein Bild", name="notizen.txt")],
        )

    assert "notizen.txt" in " ".join(refused.value.messages)
    assert not Photo.objects.exists()


def test_photo_upload_view_shows_the_refusal_and_stores_nothing(staff_client, event):
    before = _files_in_storage()

    response = staff_client.post(
        reverse("events:photo_upload", args=[event.pk]),
        {"photos": [upload(b"%PDF-1.4 ...", name="programm.pdf", content_type="image/jpeg")]},
    )

    assert response.status_code == 200
    assert "programm.pdf" in response.content.decode()
    assert response.context["upload_form"].errors["photos"]
    assert not Photo.objects.exists()
    assert _files_in_storage() == before


def test_photo_upload_refuses_a_file_with_too_many_bytes(scope, event):
    too_large = upload(b"\xff\xd8" + b"\x00" * images.MAX_BYTES, name="riesig.jpg")

    with pytest.raises(ValidationError) as refused:
        photos.photos_upload(scope=scope, event=event, files=[too_large])

    assert "riesig.jpg" in refused.value.messages[0]
    assert "25" in refused.value.messages[0]


def test_photo_upload_refuses_a_file_with_too_many_pixels(scope, event):
    with pytest.raises(ValidationError) as refused:
        photos.photos_upload(
            scope=scope, event=event, files=[upload(png_claiming(9_000, 9_000), name="bombe.png")]
        )

    assert "bombe.png" in refused.value.messages[0]
    assert str(images.MAX_PIXELS // 1_000_000) in refused.value.messages[0]


def test_photo_upload_refuses_people_of_another_workspace(scope, event, other_workspace):
    stranger = PersonFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        photos.photos_upload(
            scope=scope, event=event, files=[upload(jpeg_bytes())], people=[stranger]
        )


def test_photo_upload_refuses_a_table_round_of_another_event(scope, event, workspace):
    foreign_round = table_round(EventFactory(workspace=workspace))

    with pytest.raises(ValidationError):
        photos.photos_upload(
            scope=scope, event=event, files=[upload(jpeg_bytes())], table_round=foreign_round
        )


def test_photo_upload_needs_the_change_permission(workspace, partner, event):
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        photos.photos_upload(scope=partner_scope, event=event, files=[upload(jpeg_bytes())])


def test_photo_update_view_changes_caption_people_and_table_round(staff_client, scope, event):
    [photo] = photos.photos_upload(scope=scope, event=event, files=[upload(jpeg_bytes())])
    person = consenting(event).person
    flip_chart_round = table_round(event)

    response = staff_client.post(
        reverse("events:photo_update", args=[photo.pk]),
        {"caption": "Tisch 1", "people": [person.pk], "table_round": flip_chart_round.pk},
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Tisch 1"
    assert list(photo.people.all()) == [person]
    assert photo.table_round == flip_chart_round


def test_photo_update_form_offers_the_events_people_with_their_consent(staff_client, scope, event):
    [photo] = photos.photos_upload(scope=scope, event=event, files=[upload(jpeg_bytes())])
    yes = consenting(event, person=PersonFactory(workspace=event.workspace, last_name="Jaworski"))
    outsider = PersonFactory(workspace=event.workspace, last_name="Außenstehend")

    response = staff_client.get(reverse("events:photo_update", args=[photo.pk]))

    choices = {person.pk for person in response.context["form"].fields["people"].queryset}
    assert choices == {yes.person_id}
    assert outsider.pk not in choices


def test_photo_delete_removes_the_row_and_its_files(
    staff_client, scope, event, django_capture_on_commit_callbacks
):
    [photo] = photos.photos_upload(scope=scope, event=event, files=[upload(jpeg_bytes())])
    names = [photo.image.name, photo.thumbnail.name]

    with_confirmation = staff_client.get(reverse("events:photo_delete", args=[photo.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("events:photo_delete", args=[photo.pk]))

    assert with_confirmation.status_code == 200
    assert response.status_code == 302
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not any(default_storage.exists(name) for name in names)


def _files_in_storage() -> set[str]:
    found = set()
    for folder in ("events/photos", "events/thumbnails"):
        if default_storage.exists(folder):
            found |= {f"{folder}/{name}" for name in default_storage.listdir(folder)[1]}
    return found


def test_photo_update_form_keeps_people_linked_before_their_invitation_went(
    staff_client, scope, event
):
    invitation = consenting(event)
    [photo] = photos.photos_upload(
        scope=scope, event=event, files=[upload(jpeg_bytes())], people=[invitation.person]
    )
    invitation.delete()

    response = staff_client.get(reverse("events:photo_update", args=[photo.pk]))

    assert list(response.context["form"].fields["people"].queryset) == [invitation.person]
    assert not photos.photo_rows(photos=[photo], consents=photos.event_consents(event=event))[
        0
    ].publication.public


def test_documentation_page_preselects_the_table_round_of_a_flip_chart(staff_client, event):
    flip_chart_round = table_round(event)

    response = staff_client.get(
        reverse("events:event_documentation", args=[event.pk]),
        {"table_round": flip_chart_round.pk},
    )

    assert response.context["upload_form"]["table_round"].value() == flip_chart_round.pk
    assert re.search(r'<details[^>]* open id="photo-upload"', response.content.decode())
