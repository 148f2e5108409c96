"""What a vCard holds that contacts use, as plain data shared by the reader and the writer."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Typed:
    """A value with the TYPE parameters it was given (lower-case: work, home, cell …)."""

    value: str
    types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Address:
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Card:
    """The properties of one vCard that contacts use, as written in the card."""

    formatted_name: str = ""
    last_name: str = ""
    first_name: str = ""
    additional_names: str = ""
    prefix: str = ""
    suffix: str = ""
    organisation: str = ""
    department: str = ""
    title: str = ""
    role: str = ""
    emails: tuple[Typed, ...] = ()
    phones: tuple[Typed, ...] = ()
    addresses: tuple[Address, ...] = ()
    urls: tuple[Typed, ...] = ()
    notes: str = ""
    categories: tuple[str, ...] = ()
    is_organisation: bool = False


def crlf_to_lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
