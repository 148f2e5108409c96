import codecs

import pytest

from netzwerkstatt.contacts.importing.decoding import decode
from netzwerkstatt.contacts.importing.errors import UnusableInputError

TEXT = "Vorname;Nachname;Straße\r\nJürgen;Müller;Hauptstraße 1 – „Eingang B“\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8 bom", "utf-16 le bom", "utf-16 be bom", "utf-8", "windows-1252"],
)
def test_decode_detects_encoding(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_decode_ascii_is_utf8():
    assert decode(b"Vorname;Nachname\r\n") == ("Vorname;Nachname\r\n", "utf-8")


def test_decode_bytes_undefined_in_windows1252_are_rejected():
    with pytest.raises(UnusableInputError, match="Zeichenkodierung"):
        decode(b"Vorname\r\nA\x81na\r\n")


def test_decode_binary_file_is_rejected():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"

    with pytest.raises(UnusableInputError, match="Binärdaten"):
        decode(png)


def test_decode_control_characters_are_rejected():
    with pytest.raises(UnusableInputError, match="Binärdaten"):
        decode(bytes(range(1, 9)) * 20)


def test_decode_broken_utf16_with_bom_is_rejected():
    with pytest.raises(UnusableInputError, match="UTF-16-LE"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8a")
