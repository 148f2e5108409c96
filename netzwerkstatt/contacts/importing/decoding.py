"""Bytes of an uploaded text file to text, in whichever encoding the tool wrote it.

Excel and Outlook on Windows write Windows-1252 unless told otherwise; newer
Excel writes "CSV UTF-8" with a byte order mark, and "Unicode-Text" as UTF-16
with one. Without a BOM a file that decodes as strict UTF-8 is UTF-8 (Windows-1252
text with umlauts practically never does); anything else is tried as Windows-1252.
"""

import codecs
import re

from django.utils.translation import gettext as _

from .errors import UnusableInputError

BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
FALLBACK_ENCODING = "cp1252"
# Control characters other than tab, line breaks and form feed do not occur in text files.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE_CHARACTERS = 64 * 1024


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was written in."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return _checked(data[len(mark) :].decode(encoding)), encoding
            except UnicodeDecodeError:
                raise UnusableInputError(
                    _(
                        "The file starts with a %(encoding)s byte order mark but is not "
                        "%(encoding)s text."
                    )
                    % {"encoding": encoding.upper()}
                ) from None
    for encoding in ("utf-8", FALLBACK_ENCODING):
        try:
            return _checked(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise UnusableInputError(
        _(
            "The file is not a text file in a known encoding (UTF-8, UTF-16 or Windows-1252). "
            "Save it from your spreadsheet program as “CSV UTF-8”."
        )
    )


def _checked(text: str) -> str:
    if "\x00" in text or _looks_binary(text[:_SAMPLE_CHARACTERS]):
        raise UnusableInputError(
            _("The file contains binary data; it is not a CSV, Excel or vCard file.")
        )
    return text


def _looks_binary(sample: str) -> bool:
    return len(_CONTROL_CHARACTERS.findall(sample)) > max(2, len(sample) // 100)
