"""Parsing vCard 2.1, 3.0 and 4.0 text into cards, reporting broken cards by line."""

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..errors import RowError
from .cards import Address, Card, Typed, crlf_to_lf

ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPES_30 = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
_ESCAPES_21 = {";": ";"}


@dataclass
class _Property:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    raw_value: str


@dataclass
class _CardBuilder:
    version: str
    values: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)

    def set(self, name: str, value: str | bool) -> None:
        self.values.setdefault(name, value)

    def add(self, name: str, value) -> None:
        self.lists.setdefault(name, []).append(value)

    def card(self) -> Card:
        return Card(
            **self.values,
            **{name: tuple(items) for name, items in self.lists.items() if name != "notes"},
            notes="\n".join(self.lists.get("notes", ())),
        )


def parse_vcards(text: str) -> Iterator[tuple[int, Card] | RowError]:
    """Each card with the line it begins on, or an error naming the line at fault."""
    lines = _LINE_BREAK.split(text)
    begin: int | None = None
    body: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        keyword = line.strip().upper()
        if keyword == "BEGIN:VCARD":
            if begin is not None:
                yield RowError(begin, "", _("The vCard is not closed with END:VCARD."))
            begin, body = number, []
        elif keyword == "END:VCARD" and begin is not None:
            yield _parse_card(begin, body)
            begin = None
        elif begin is not None:
            body.append((number, line))
        elif keyword:
            yield RowError(number, "", _("Text outside a vCard (BEGIN:VCARD … END:VCARD)."))
    if begin is not None:
        yield RowError(begin, "", _("The vCard is not closed with END:VCARD."))


def _parse_card(begin: int, body: list[tuple[int, str]]) -> tuple[int, Card] | RowError:
    version = next(
        (line.split(":", 1)[1].strip() for _n, line in body if line.upper().startswith("VERSION:")),
        "3.0",
    )
    builder = _CardBuilder(version=version)
    for number, line in _unfold(body, version):
        prop = _split_property(number, line)
        if isinstance(prop, RowError):
            return prop
        problem = _apply(builder, prop)
        if problem is not None:
            return problem
    return begin, builder.card()


def _unfold(body: list[tuple[int, str]], version: str) -> Iterator[tuple[int, str]]:
    """Logical lines from physical ones, each with the number of the line it starts on."""
    current: list = []  # [line number, text, is quoted-printable, is base64]
    for number, line in body:
        if current and current[2] and current[1].endswith("="):
            current[1] += "\n" + line  # a quoted-printable soft line break
        elif current and line[:1] in (" ", "\t"):
            current[1] += line if version == "2.1" else line[1:]
        elif current and current[3] and line and ":" not in line:
            current[1] += line  # 2.1 writers may leave base64 lines unindented
        elif not line.strip():
            continue
        else:
            if current:
                yield current[0], current[1]
            head = line.split(":", 1)[0].upper()
            current = [number, line, "QUOTED-PRINTABLE" in head, _is_base64_head(head)]
    if current:
        yield current[0], current[1]


def _is_base64_head(head: str) -> bool:
    return any(part in {"BASE64", "B", "ENCODING=BASE64", "ENCODING=B"} for part in head.split(";"))


def _split_property(number: int, line: str) -> _Property | RowError:
    head, colon, value = _partition_unquoted(line, ":")
    if not colon:
        return RowError(number, "", _("This line is not a vCard property: it has no colon (“:”)."))
    name, *param_parts = _split_unquoted(head, ";")
    group, _dot, name = name.rpartition(".")
    params: dict[str, list[str]] = {}
    for part in param_parts:
        key, equals, values = part.partition("=")
        if not equals:  # vCard 2.1 leaves out the parameter name: TEL;WORK;VOICE:
            key, values = ("ENCODING" if part.upper() in ENCODINGS else "TYPE"), part
        key = key.strip().upper()
        items = [item.strip().strip('"') for item in _split_unquoted(values, ",")]
        if key == "TYPE":  # 4.0 also quotes the list: TYPE="work,voice"
            items = [kind.strip() for item in items for kind in item.split(",")]
        params.setdefault(key, []).extend(item for item in items if item)
    return _Property(number, group, name.strip().upper(), params, value)


def _decoded(prop: _Property) -> str | RowError | None:
    """The property's text; None for binary content (photos, sounds, keys)."""
    encoding = next(iter(prop.params.get("ENCODING", [])), "").upper()
    if encoding in {"B", "BASE64"}:
        return None
    if encoding != "QUOTED-PRINTABLE":
        return prop.raw_value
    charset = next(iter(prop.params.get("CHARSET", [])), "")
    # Without CHARSET, Outlook meant its Windows code page when the bytes are not UTF-8.
    for candidate in [charset] if charset else ["utf-8", "cp1252"]:
        try:
            data = quopri.decodestring(prop.raw_value.encode(candidate))
            return crlf_to_lf(data.decode(candidate))
        except LookupError:
            return RowError(
                prop.line,
                prop.name,
                _("Unknown character set “%(charset)s”.") % {"charset": candidate},
            )
        except UnicodeError:
            continue
    return RowError(
        prop.line,
        prop.name,
        _("The value is not text in the character set %(charset)s.")
        % {"charset": charset or "UTF-8"},
    )


@dataclass(frozen=True)
class _Value:
    text: str
    types: frozenset[str]
    version: str

    @property
    def escapes(self) -> dict[str, str]:
        return _ESCAPES_21 if self.version == "2.1" else _ESCAPES_30

    @property
    def plain(self) -> str:
        return _unescape(self.text, self.escapes).strip()

    def components(self, count: int, separators: str = ";") -> list[str]:
        parts = [
            _unescape(part, self.escapes).strip() for part in _split_escaped(self.text, separators)
        ]
        return parts + [""] * (count - len(parts))


def _apply(builder: _CardBuilder, prop: _Property) -> RowError | None:
    handler = _HANDLERS.get(prop.name)
    if handler is None:
        return None
    decoded = _decoded(prop)
    if decoded is None or isinstance(decoded, RowError):
        return decoded
    types = frozenset(kind.lower() for kind in prop.params.get("TYPE", []))
    handler(builder, _Value(decoded, types, builder.version))
    return None


def _name(builder: _CardBuilder, value: _Value) -> None:
    names = ("last_name", "first_name", "additional_names", "prefix", "suffix")
    for name, part in zip(names, value.components(5), strict=False):
        builder.set(name, part)


def _organisation(builder: _CardBuilder, value: _Value) -> None:
    organisation, *units = value.components(1)
    builder.set("organisation", organisation)
    builder.set("department", ", ".join(unit for unit in units if unit))


def _address(builder: _CardBuilder, value: _Value) -> None:
    _box, extended, street, city, region, postal_code, country = value.components(7)[:7]
    street = ", ".join(part for part in (street, extended) if part)
    address = Address(street, city, region, postal_code, country, value.types)
    if address != Address(types=value.types):
        builder.add("addresses", address)


def _phone(builder: _CardBuilder, value: _Value) -> None:
    number = value.plain.removeprefix("tel:")
    if number:
        builder.add("phones", Typed(number, value.types))


def _categories(builder: _CardBuilder, value: _Value) -> None:
    # 2.1 writers separate categories with semicolons as often as with commas.
    separators = ",;" if value.version == "2.1" else ","
    for category in value.components(0, separators):
        if category:
            builder.add("categories", category)


def _kind(builder: _CardBuilder, value: _Value) -> None:
    if value.plain.lower() in {"org", "company"}:
        builder.set("is_organisation", value=True)


def _text(name: str):
    def handler(builder: _CardBuilder, value: _Value) -> None:
        builder.set(name, value.plain)

    return handler


def _listed(name: str, *, typed: bool):
    def handler(builder: _CardBuilder, value: _Value) -> None:
        if value.plain:
            builder.add(name, Typed(value.plain, value.types) if typed else value.plain)

    return handler


_HANDLERS = {
    "FN": _text("formatted_name"),
    "N": _name,
    "ORG": _organisation,
    "TITLE": _text("title"),
    "ROLE": _text("role"),
    "EMAIL": _listed("emails", typed=True),
    "URL": _listed("urls", typed=True),
    "TEL": _phone,
    "ADR": _address,
    "NOTE": _listed("notes", typed=False),
    "CATEGORIES": _categories,
    "KIND": _kind,
    "X-ABSHOWAS": _kind,
}


def _partition_unquoted(text: str, separator: str) -> tuple[str, str, str]:
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            return text[:index], separator, text[index + 1 :]
    return text, "", ""


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts = []
    while True:
        head, found, text = _partition_unquoted(text, separator)
        parts.append(head)
        if not found:
            return parts


def _split_escaped(text: str, separators: str) -> list[str]:
    """Split at separators not escaped by a backslash; escapes stay for `_unescape`."""
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _unescape(text: str, escapes: dict[str, str]) -> str:
    if "\\" not in text:
        return text
    result, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in escapes:
            result.append(escapes[text[index + 1]])
            index += 2
        else:
            result.append(char)
            index += 1
    return "".join(result)
