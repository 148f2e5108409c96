"""Writing vCard 3.0 (RFC 2426): from plain cards, persons and organisations."""

from ...enums import EmailKind, PhoneKind, Salutation, State
from .cards import Address, Card, Typed, crlf_to_lf

FOLD_OCTETS = 75
SALUTATION_WORDS = {Salutation.MR: "Herr", Salutation.MS: "Frau"}
PHONE_TYPES = {
    PhoneKind.WORK: ("work", "voice"),
    PhoneKind.MOBILE: ("cell",),
    PhoneKind.PRIVATE: ("home", "voice"),
    PhoneKind.FAX: ("work", "fax"),
}


def serialise_card(card: Card) -> str:
    """A vCard 3.0 (RFC 2426) with CRLF line ends, folded at 75 octets."""
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    names = (card.last_name, card.first_name, card.additional_names, card.prefix, card.suffix)
    lines.append("N:" + ";".join(_escape(name) for name in names))
    lines.append("FN:" + _escape(card.formatted_name or _display_name(card)))
    if card.is_organisation:
        lines.append("X-ABShowAs:COMPANY")
    if card.organisation or card.department:
        lines.append(f"ORG:{_escape(card.organisation)};{_escape(card.department)}")
    lines.extend(
        f"{name}:{_escape(value)}"
        for name, value in (("TITLE", card.title), ("ROLE", card.role))
        if value
    )
    lines.extend(_typed_line("EMAIL", email) for email in card.emails)
    lines.extend(_typed_line("TEL", phone) for phone in card.phones)
    for address in card.addresses:
        parts = (
            "",
            "",
            address.street,
            address.city,
            address.region,
            address.postal_code,
            address.country,
        )
        lines.append(
            _with_types("ADR", address.types) + ":" + ";".join(_escape(part) for part in parts)
        )
    lines.extend(_typed_line("URL", url) for url in card.urls)
    if card.notes:
        lines.append("NOTE:" + _escape(card.notes))
    if card.categories:
        lines.append("CATEGORIES:" + ",".join(_escape(category) for category in card.categories))
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _display_name(card: Card) -> str:
    parts = (card.prefix, card.first_name, card.additional_names, card.last_name, card.suffix)
    return " ".join(part for part in parts if part) or card.organisation


def _typed_line(name: str, typed: Typed) -> str:
    return f"{_with_types(name, typed.types)}:{_escape(typed.value)}"


def _with_types(name: str, types: frozenset[str]) -> str:
    return f"{name};TYPE={','.join(sorted(t.upper() for t in types))}" if types else name


def _escape(text: str) -> str:
    text = crlf_to_lf(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Break after at most 75 octets of UTF-8, never inside a character."""
    pieces, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > FOLD_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def serialise_person(person, *, include_notes: bool = False) -> str:
    """A person's vCard: names, e-mails, phones, tags and their current function's organisation.

    Reads `emails`, `phones`, `functions` (with `organisation`) and `tags` through
    `.all()`; prefetch them (`contacts.selectors.person_prefetches`) so that
    exporting many persons runs no query per person. Notes are left out unless
    asked for, because partners must not see them.
    """
    functions = [function for function in person.functions.all() if function.is_current]
    function = functions[0] if functions else None
    organisation = function.organisation if function else None
    prefix = " ".join(
        part for part in (SALUTATION_WORDS.get(person.salutation, ""), person.title) if part
    )
    return serialise_card(
        Card(
            formatted_name=person.full_name,
            last_name=person.last_name,
            first_name=person.first_name,
            prefix=prefix,
            organisation=organisation.name if organisation else "",
            department=function.department if function else "",
            title=function.role if function else "",
            emails=tuple(
                Typed(
                    email.address,
                    frozenset({"home" if email.kind == EmailKind.PRIVATE else "work"}),
                )
                for email in person.emails.all()
            ),
            phones=tuple(
                Typed(phone.number, frozenset(PHONE_TYPES.get(phone.kind, ("work", "voice"))))
                for phone in person.phones.all()
            ),
            addresses=_organisation_addresses(organisation) if organisation else (),
            notes=person.notes if include_notes else "",
            categories=tuple(tag.name for tag in person.tags.all()),
        )
    )


def serialise_organisation(organisation, *, include_notes: bool = False) -> str:
    """An organisation's vCard (shown as a company by address books); reads `tags` via `.all()`."""
    return serialise_card(
        Card(
            formatted_name=organisation.name,
            organisation=organisation.name,
            addresses=_organisation_addresses(organisation),
            urls=(Typed(organisation.website, frozenset({"work"})),)
            if organisation.website
            else (),
            notes=organisation.notes if include_notes else "",
            categories=tuple(tag.name for tag in organisation.tags.all()),
            is_organisation=True,
        )
    )


def _organisation_addresses(organisation) -> tuple[Address, ...]:
    address = Address(
        street=organisation.street,
        city=organisation.city,
        region=State(organisation.state).label if organisation.state else "",
        postal_code=organisation.postal_code,
        types=frozenset({"work"}),
    )
    return (address,) if address != Address(types=frozenset({"work"})) else ()
