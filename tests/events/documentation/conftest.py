"""Events with photos, presentations and a World Café, and images built in the test."""

import io
import struct
import zlib

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.models import CafeTable, TableRound, Topic, WorldCafe
from tests.factories import EventFactory, InvitationFactory

PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def jpeg_bytes(size=(40, 20), colour=(200, 30, 30), **save_options) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "JPEG", **save_options)
    return output.getvalue()


def jpeg_with_gps(size=(40, 20), orientation=6) -> bytes:
    """A JPEG whose left half is red and right half blue, with orientation, camera and GPS tags."""
    picture = Image.new("RGB", size, (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Testkamera"
    exif[ExifTags.Base.Model] = "Modell-4711"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 25.0, 37.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (10.0, 31.0, 12.0)
    output = io.BytesIO()
    picture.save(output, "JPEG", exif=exif, comment=b"Aufgenommen in Gifhorn", quality=95)
    return output.getvalue()


def png_bytes(size=(30, 30), mode="RGBA", colour=(10, 120, 90, 128)) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, colour).save(output, "PNG")
    return output.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture (its pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def upload(content: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The public report counts unknown tokens per address in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """The LanguageMiddleware leaves a request's language active in the thread; a test that
    asks for English must not leave it to the tests after it."""
    yield
    translation.deactivate()


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Reflexionsworkshop Netzwerke")


@pytest.fixture
def other_event(other_workspace):
    return EventFactory(workspace=other_workspace, title="Fremde Veranstaltung")


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def consenting(event, **kwargs):
    return InvitationFactory(event=event, photo_consent=True, status="registered", **kwargs)


def not_consenting(event, **kwargs):
    return InvitationFactory(event=event, photo_consent=False, status="registered", **kwargs)


def table_round(
    event, *, number=1, round_number=1, topic="Erfolgsfaktoren der Akquise", key_points=""
):
    cafe, _created = WorldCafe.objects.get_or_create(
        event=event, defaults={"workspace": event.workspace}
    )
    table, _created = CafeTable.objects.get_or_create(
        world_cafe=cafe, number=number, defaults={"workspace": event.workspace, "capacity": 5}
    )
    topic_row = None
    if topic:
        topic_row, _created = Topic.objects.get_or_create(
            world_cafe=cafe, title=topic, defaults={"workspace": event.workspace}
        )
    return TableRound.objects.create(
        workspace=event.workspace,
        table=table,
        round=round_number,
        topic=topic_row,
        key_points=key_points,
    )
