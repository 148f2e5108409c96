"""Uploaded photos made safe to keep and to publish: pure image processing, no ORM.

`image_process` reads an upload's bytes and returns a new image built from the
pixels alone: EXIF (with GPS position, camera and time), XMP, IPTC, comments and
colour profiles are gone, because the picture is copied pixel by pixel into a
fresh image after the EXIF orientation has been applied and colours converted to
sRGB. It is scaled to at most `MAX_EDGE` pixels on its longer side and gets a
thumbnail. Limits on bytes and on pixels are checked before any pixel is
decoded, so a small file that claims a huge picture (a "decompression bomb")
is refused without using memory for it.
"""

import enum
import io
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageCms, ImageOps

MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 50_000_000
MAX_EDGE = 2400
THUMBNAIL_EDGE = 640
JPEG_QUALITY = 85
THUMBNAIL_QUALITY = 80

Image.init()
# HEIC (iPhone photos) only where a HEIF plugin (pillow-heif) has registered itself with Pillow.
ACCEPTED_FORMATS: tuple[str, ...] = ("JPEG", "PNG") + (("HEIF",) if "HEIF" in Image.OPEN else ())


class Rejection(enum.StrEnum):
    TOO_MANY_BYTES = "bytes"
    TOO_MANY_PIXELS = "pixels"
    NOT_AN_IMAGE = "format"


class UnacceptableImageError(ValueError):
    def __init__(self, reason: Rejection):
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class ProcessedImage:
    content: bytes
    thumbnail: bytes
    width: int
    height: int
    extension: str  # "jpg" or "png", the format of `content`; thumbnails are always JPEG


def image_process(
    source: BinaryIO,
    *,
    max_bytes: int = MAX_BYTES,
    max_pixels: int = MAX_PIXELS,
    max_edge: int = MAX_EDGE,
    thumbnail_edge: int = THUMBNAIL_EDGE,
) -> ProcessedImage:
    """The upload re-encoded without metadata, scaled and with a thumbnail; or UnacceptableImageError."""
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnacceptableImageError(Rejection.TOO_MANY_BYTES)
    picture = _opened(data, max_pixels=max_pixels)
    source_format = picture.format
    try:
        picture = ImageOps.exif_transpose(picture)
    except (OSError, SyntaxError, ValueError) as error:  # a damaged file fails while decoding
        raise UnacceptableImageError(Rejection.NOT_AN_IMAGE) from error
    picture = _in_srgb(picture)
    keeps_alpha = source_format == "PNG"
    picture = _plain_mode(picture, keep_alpha=keeps_alpha)
    picture.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    clean = _pixels_only(picture)
    if source_format == "PNG":
        content, extension = _encoded(clean, "PNG", optimize=True), "png"
    else:
        content, extension = _encoded(_without_alpha(clean), "JPEG", quality=JPEG_QUALITY), "jpg"
    small = _without_alpha(clean.copy())
    small.thumbnail((thumbnail_edge, thumbnail_edge), Image.Resampling.LANCZOS)
    thumbnail = _encoded(small, "JPEG", quality=THUMBNAIL_QUALITY)
    return ProcessedImage(
        content=content,
        thumbnail=thumbnail,
        width=clean.width,
        height=clean.height,
        extension=extension,
    )


def _opened(data: bytes, *, max_pixels: int) -> Image.Image:
    """The image with its header read and its size checked, before its pixels are decoded."""
    with warnings.catch_warnings():
        # Pillow warns of (and above twice its limit refuses) huge pictures when opening them.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise UnacceptableImageError(Rejection.TOO_MANY_PIXELS) from error
        except (OSError, SyntaxError, ValueError) as error:
            raise UnacceptableImageError(Rejection.NOT_AN_IMAGE) from error
    if picture.width * picture.height > max_pixels:
        raise UnacceptableImageError(Rejection.TOO_MANY_PIXELS)
    try:
        picture.load()
    except (OSError, SyntaxError, ValueError) as error:
        raise UnacceptableImageError(Rejection.NOT_AN_IMAGE) from error
    return picture


def _in_srgb(picture: Image.Image) -> Image.Image:
    """Colours converted from an embedded profile (e.g. Display P3 from phones) to sRGB."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA"):
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(
            picture, source, ImageCms.createProfile("sRGB"), outputMode=picture.mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # an unusable profile: keep the pixels as they are


def _plain_mode(picture: Image.Image, *, keep_alpha: bool) -> Image.Image:
    if picture.mode in ("RGB", "L"):
        return picture
    if keep_alpha and (picture.mode in ("RGBA", "LA") or "transparency" in picture.info):
        return picture.convert("RGBA")
    if picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info:
        return _without_alpha(picture.convert("RGBA"))
    return picture.convert("RGB")


def _without_alpha(picture: Image.Image) -> Image.Image:
    """Transparent parts on white, for JPEG."""
    if picture.mode != "RGBA":
        return picture
    background = Image.new("RGB", picture.size, (255, 255, 255))
    background.paste(picture, mask=picture.getchannel("A"))
    return background


def _pixels_only(picture: Image.Image) -> Image.Image:
    """A new image from the pixel data alone, so that no metadata of the upload can travel on."""
    return Image.frombytes(picture.mode, picture.size, picture.tobytes())


def _encoded(picture: Image.Image, image_format: str, **options) -> bytes:
    output = io.BytesIO()
    picture.save(output, image_format, **options)
    return output.getvalue()
