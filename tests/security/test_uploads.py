"""Uploads as an attacker would send them: every bad file is built here, in the test.

Photos are opened as JPEG or PNG only (never as whatever the bytes claim), re-encoded
from their pixels without EXIF, refused above a pixel and a byte limit, stored under
names the server makes up, and served only through views that check the permission,
with Content-Disposition and nosniff. Presentations must be PDFs by their content
and are served as downloads. A request body above a view's limit is answered with 413
before anything of it is read.
"""

import io
import re
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import ExifTags, Image

from netzwerkstatt.contacts.models import ImportJob
from netzwerkstatt.events import images
from netzwerkstatt.events.models import Photo, Presentation
from tests.factories import EventFactory, MembershipFactory

PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Spionagekamera"
    exif[ExifTags.Base.Artist] = "Erika Mustermann"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 25.0, 37.5)
    output = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 30, 30)).save(
        output, "JPEG", exif=exif, comment=b"Wohnung Mustermann"
    )
    return output.getvalue()


def png_bytes(size=(40, 40)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (10, 120, 90)).save(output, "PNG")
    return output.getvalue()


def gif_bytes() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 0, 0)).save(output, "GIF")
    return output.getvalue()


def png_bomb(width=60_000, height=60_000) -> bytes:
    """A PNG of a few bytes whose header claims 3.6 gigapixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(content: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def media_files() -> set[str]:
    found = set()

    def walk(folder: str) -> None:
        folders, files = default_storage.listdir(folder)
        found.update(f"{folder}/{name}".lstrip("/") for name in files)
        for name in folders:
            walk(f"{folder}/{name}".lstrip("/"))

    walk("")
    return found


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Reflexionsworkshop")


def post_photo(client, event, *files, **extra):
    return client.post(
        reverse("events:photo_upload", args=[event.pk]), {"photos": list(files)}, **extra
    )


def post_presentation(client, event, file, **extra):
    return client.post(
        reverse("events:presentation_upload", args=[event.pk]),
        {"file": file, "title": "Vortrag"},
        **extra,
    )


# ------------------------------------------------------------------ photos: what is kept


def test_photo_is_re_encoded_without_exif_under_a_generated_name(staff_client, event):
    original = jpeg_with_exif()

    response = post_photo(staff_client, event, upload(original, name="Erika Mustermann.jpg"))

    assert response.status_code == 302
    photo = Photo.objects.get(event=event)
    assert re.fullmatch(r"events/photos/[0-9a-f]{32}\.jpg", photo.image.name)
    assert re.fullmatch(r"events/thumbnails/[0-9a-f]{32}\.jpg", photo.thumbnail.name)
    for field in (photo.image, photo.thumbnail):
        with default_storage.open(field.name, "rb") as file:
            stored = file.read()
        assert stored != original
        for marker in (b"Spionagekamera", b"Mustermann", b"Exif", b"GPS"):
            assert marker not in stored
        picture = Image.open(io.BytesIO(stored))
        assert dict(picture.getexif()) == {}
        assert "exif" not in picture.info
        assert "comment" not in picture.info


def test_data_appended_to_an_image_does_not_survive(staff_client, event):
    polyglot = png_bytes() + HTML

    response = post_photo(staff_client, event, upload(polyglot, name="x.png"))

    assert response.status_code == 302
    photo = Photo.objects.get(event=event)
    with default_storage.open(photo.image.name, "rb") as file:
        assert b"<script" not in file.read()


def test_images_are_opened_only_as_the_accepted_formats():
    assert set(images.ACCEPTED_FORMATS) <= {"JPEG", "PNG", "HEIF"}
    with pytest.raises(images.UnacceptableImageError) as refused:
        images.image_process(io.BytesIO(gif_bytes()))
    assert refused.value.reason is images.Rejection.NOT_AN_IMAGE


# ---------------------------------------------------------------- photos: what is refused


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (SVG, "urlaub.jpg", "image/jpeg"),
        (SVG, "urlaub.png", "image/png"),
        (HTML, "urlaub.jpg", "image/jpeg"),
        (HTML, "urlaub.png", "image/png"),
        (gif_bytes(), "animation.jpg", "image/jpeg"),
        (b"", "leer.jpg", "image/jpeg"),
    ],
)
def test_photo_upload_refuses_what_is_not_a_jpeg_or_png(
    staff_client, event, content, name, content_type
):
    before = media_files()

    response = post_photo(staff_client, event, upload(content, name, content_type))

    assert response.status_code == 200
    assert response.context["upload_form"].errors["photos"]
    assert not Photo.objects.exists()
    assert media_files() == before


def test_a_decompression_bomb_is_refused_with_a_german_explanation(staff_client, event):
    before = media_files()

    response = post_photo(staff_client, event, upload(png_bomb(), "riesig.png", "image/png"))

    assert response.status_code == 200
    errors = response.context["upload_form"].errors["photos"]
    megapixels = images.MAX_PIXELS // 1_000_000
    assert errors == [
        f"„riesig.png“ hat mehr als {megapixels} Megapixel; bitte verkleinern Sie das Foto."
    ]
    assert not Photo.objects.exists()
    assert media_files() == before


def test_a_photo_above_the_byte_limit_is_refused_unread():
    class Endless(io.RawIOBase):
        """Bytes without end: the check must stop reading after the limit."""

        read_so_far = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            self.read_so_far += len(buffer)
            buffer[:] = b"\xff" * len(buffer)
            return len(buffer)

    source = Endless()
    with pytest.raises(images.UnacceptableImageError) as refused:
        images.image_process(io.BufferedReader(source), max_bytes=1000)
    assert refused.value.reason is images.Rejection.TOO_MANY_BYTES
    assert source.read_so_far < 100_000


# -------------------------------------------------------------------- 413 before reading


def test_photo_upload_above_the_request_limit_is_answered_413(staff_client, event):
    before = media_files()
    with override_settings(NETZWERKSTATT_PHOTO_UPLOAD_MAX_BYTES=50_000):
        response = post_photo(
            staff_client, event, upload(png_bytes((400, 400)) + b"\0" * 60_000, "gross.png")
        )

    assert response.status_code == 413
    assert not Photo.objects.exists()
    assert media_files() == before


def test_a_claimed_content_length_above_the_limit_is_answered_413_without_reading(
    staff_client, event
):
    """The body here is small; only its Content-Length header is too large, so a 413
    proves the check looks at the header before the body is read."""
    limit = images.MAX_BYTES + 1
    for url in (
        reverse("events:photo_upload", args=[event.pk]),
        reverse("events:presentation_upload", args=[event.pk]),
        reverse("contacts:import_start"),
    ):
        response = staff_client.post(
            url,
            {"file": upload(PDF, "x.pdf", "application/pdf")},
            CONTENT_LENGTH=str(1024 * 1024 * 1024 + limit),
        )

        assert response.status_code == 413, url
    assert not Presentation.objects.exists()
    assert not ImportJob.objects.exists()


def test_a_presentation_above_its_limit_is_answered_413(staff_client, event):
    too_large = "67108864"  # 64 MiB, above the presentations' 50 MiB and the form's share

    response = post_presentation(
        staff_client, event, upload(PDF, "folien.pdf", "application/pdf"), CONTENT_LENGTH=too_large
    )

    assert response.status_code == 413
    assert not Presentation.objects.exists()


def test_contact_import_above_its_limit_is_answered_413(staff_client):
    with override_settings(NETZWERKSTATT_IMPORT_MAX_BYTES=1000):
        response = staff_client.post(
            reverse("contacts:import_start"),
            {"file": upload(b"Vorname;Nachname\r\n" * 200_000, "kontakte.csv", "text/csv")},
        )

    assert response.status_code == 413
    assert not ImportJob.objects.exists()


def test_views_without_uploads_refuse_large_bodies_too(staff_client, settings):
    """A file sent to a form that takes none counts against DATA_UPLOAD_MAX_MEMORY_SIZE."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = staff_client.post(
        reverse("contacts:person_create"),
        {"last_name": "Muster", "anhang": upload(b"\0" * 20_000, "x.bin", "text/plain")},
    )

    assert response.status_code == 413


def test_the_api_answers_413_as_json(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = client.post(
        "/api/v1/persons", data=b"{}", content_type="application/json", CONTENT_LENGTH="20000"
    )

    assert response.status_code == 413
    assert response.json()["detail"]


# ------------------------------------------------------------------ presentations: PDFs


@pytest.mark.parametrize(
    "content",
    [
        HTML,
        SVG,
        png_bytes(),
        b"%PDF-1.4 but nothing after it",
        b"<html>%PDF-1.4 ... %%EOF",  # the magic, but not at the start
        b"\xef\xbb\xbf<svg>%PDF-1.4 %%EOF",
    ],
)
def test_presentation_upload_refuses_what_is_not_a_pdf(staff_client, event, content):
    before = media_files()

    response = post_presentation(
        staff_client, event, upload(content, "vortrag.pdf", "application/pdf")
    )

    assert response.status_code == 200
    assert response.context["presentation_form"].errors["file"]
    assert not Presentation.objects.exists()
    assert media_files() == before


def test_presentation_is_stored_under_a_generated_name_and_served_as_attachment(
    staff_client, event
):
    response = post_presentation(staff_client, event, upload(PDF, "../../Geheim.pdf", "text/html"))
    assert response.status_code == 302
    presentation = Presentation.objects.get(event=event)
    assert re.fullmatch(r"events/presentations/[0-9a-f]{32}\.pdf", presentation.file.name)

    served = staff_client.get(reverse("events:presentation_file", args=[presentation.pk]))

    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"] == 'attachment; filename="vortrag.pdf"'
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert b"".join(served.streaming_content) == PDF


# --------------------------------------------------------------------- serving the files


@pytest.fixture
def photo(staff_client, event):
    post_photo(staff_client, event, upload(jpeg_with_exif(), "Erika.jpg"))
    return Photo.objects.get(event=event)


def test_photos_are_served_with_disposition_and_nosniff(staff_client, photo):
    for url, field in (
        (reverse("events:photo_image", args=[photo.pk]), photo.image),
        (reverse("events:photo_thumbnail", args=[photo.pk]), photo.thumbnail),
    ):
        response = staff_client.get(url)

        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        generated = field.name.rsplit("/", 1)[-1]
        assert response["Content-Disposition"] == f'inline; filename="{generated}"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "sandbox"
        assert "Erika" not in response["Content-Disposition"]


def test_files_are_not_reachable_through_the_media_url(staff_client, photo):
    for name in (photo.image.name, photo.thumbnail.name):
        assert staff_client.get(f"/media/{name}").status_code == 404


def test_photos_are_served_only_to_members_with_the_permission(photo, other_workspace, partner):
    url = reverse("events:photo_image", args=[photo.pk])
    client = Client()
    assert client.get(url).status_code == 302  # anonymous: to the login

    stranger = MembershipFactory(workspace=other_workspace).user
    client.force_login(stranger)
    assert client.get(url).status_code == 404

    client.force_login(partner)
    assert client.get(url).status_code in {403, 404}
