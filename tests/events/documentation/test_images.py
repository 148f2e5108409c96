"""The pure image processing: metadata gone, orientation applied, limits, thumbnails."""

import io

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from netzwerkstatt.events import images
from netzwerkstatt.events.images import Rejection, UnacceptableImageError, image_process

from .conftest import jpeg_bytes, jpeg_with_gps, png_bytes, png_claiming


def _opened(data: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


def test_image_process_strips_exif_gps_and_comments_from_a_jpeg():
    original = jpeg_with_gps()
    assert _opened(original).getexif().get_ifd(0x8825)  # the test image does carry GPS

    result = image_process(io.BytesIO(original))

    stored = _opened(result.content)
    assert stored.format == "JPEG"
    assert dict(stored.getexif()) == {}
    assert not set(stored.info) & {"exif", "comment", "xmp", "icc_profile", "photoshop"}
    assert b"Exif" not in result.content
    assert b"Testkamera" not in result.content
    assert b"Gifhorn" not in result.content
    assert b"Testkamera" not in result.thumbnail


def test_image_process_applies_the_exif_orientation_before_stripping_it():
    result = image_process(io.BytesIO(jpeg_with_gps(size=(40, 20), orientation=6)))

    stored = _opened(result.content).convert("RGB")
    # Orientation 6: the camera was turned clockwise; the landscape picture becomes portrait
    # with its left (red) half on top.
    assert (result.width, result.height) == (20, 40) == stored.size
    top, bottom = stored.getpixel((10, 5)), stored.getpixel((10, 35))
    assert max(top) == top[0]  # red
    assert max(bottom) == bottom[2]  # blue


def test_image_process_keeps_a_png_with_transparency_and_drops_its_text_chunks():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Erika Mustermann")
    output = io.BytesIO()
    Image.new("RGBA", (30, 30), (10, 120, 90, 128)).save(output, "PNG", pnginfo=info)

    result = image_process(io.BytesIO(output.getvalue()))

    stored = _opened(result.content)
    assert (stored.format, stored.mode, result.extension) == ("PNG", "RGBA", "png")
    assert stored.getpixel((5, 5)) == (10, 120, 90, 128)
    assert b"Mustermann" not in result.content
    assert not stored.text
    assert _opened(result.thumbnail).format == "JPEG"


def test_image_process_converts_an_embedded_colour_profile_and_drops_it():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = jpeg_bytes(icc_profile=profile)
    assert _opened(original).info.get("icc_profile")

    result = image_process(io.BytesIO(original))

    assert "icc_profile" not in _opened(result.content).info


def test_image_process_scales_to_the_maximum_edge_and_makes_a_thumbnail():
    result = image_process(io.BytesIO(jpeg_bytes(size=(3000, 1500))), max_edge=2400)

    assert (result.width, result.height) == (2400, 1200)
    assert _opened(result.content).size == (2400, 1200)
    assert _opened(result.thumbnail).size == (images.THUMBNAIL_EDGE, images.THUMBNAIL_EDGE // 2)


def test_image_process_keeps_small_images_at_their_size():
    result = image_process(io.BytesIO(png_bytes(size=(30, 20), mode="RGB", colour=(1, 2, 3))))

    assert (result.width, result.height) == (30, 20)
    assert _opened(result.thumbnail).size == (30, 20)


def test_image_process_refuses_too_many_bytes():
    with pytest.raises(UnacceptableImageError) as refused:
        image_process(io.BytesIO(jpeg_bytes()), max_bytes=100)

    assert refused.value.reason is Rejection.TOO_MANY_BYTES


def test_image_process_refuses_too_many_pixels_before_decoding_them():
    bomb = png_claiming(10_000, 6_000)  # 60 megapixels in 80 bytes

    with pytest.raises(UnacceptableImageError) as refused:
        image_process(io.BytesIO(bomb))

    assert len(bomb) < 100
    assert refused.value.reason is Rejection.TOO_MANY_PIXELS


def test_image_process_refuses_what_pillow_calls_a_decompression_bomb():
    bomb = png_claiming(60_000, 60_000)  # far beyond Pillow's own limit

    with pytest.raises(UnacceptableImageError) as refused:
        image_process(io.BytesIO(bomb), max_pixels=10**12)

    assert refused.value.reason is Rejection.TOO_MANY_PIXELS


@pytest.mark.parametrize(
    "content",
    [
        b"Dies ist kein Foto.",
        b"%PDF-1.4\n%%EOF\n",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",  # HEIC without a HEIF plugin
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",  # a JPEG that breaks off
    ],
    ids=["text", "pdf", "heic", "gif", "truncated-jpeg"],
)
def test_image_process_refuses_what_is_not_a_jpeg_or_png(content):
    if b"heic" in content and "HEIF" in images.ACCEPTED_FORMATS:
        pytest.skip("a HEIF plugin is installed")

    with pytest.raises(UnacceptableImageError) as refused:
        image_process(io.BytesIO(content))

    assert refused.value.reason is Rejection.NOT_AN_IMAGE
