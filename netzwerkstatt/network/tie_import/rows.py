"""Rows of a tie file to checked values, before anything is looked up in the workspace. Pure."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from netzwerkstatt.contacts.importing.errors import RowError
from netzwerkstatt.contacts.importing.tabular import Table
from netzwerkstatt.contacts.importing.values import (
    InvalidValueError,
    parse_email,
    parse_postal_code,
)
from netzwerkstatt.contacts.normalise import name_key

from ..enums import TieKind
from ..models import Tie
from .columns import Columns
from .values import kind_candidates, parse_day, parse_scale, parse_since

_NOTE_LENGTH = 10_000
_PURPOSE_LENGTH = Tie._meta.get_field("purpose").max_length


@dataclass(frozen=True)
class EndRef:
    """How a row names one end: a person by e-mail, or an organisation by name (and PLZ)."""

    end: str  # "from" or "to"
    column: str  # the file's heading of the naming column, for errors
    email: str = ""  # lower-cased
    organisation_key: str = ""  # folded name (contacts.normalise.name_key)
    organisation_name: str = ""  # as written, for messages
    postal_code: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.email)


@dataclass(frozen=True)
class TieRow:
    row: int
    source: EndRef
    target: EndRef
    kind_text: str
    kinds: frozenset[TieKind]
    strength: int
    trust: int | None
    since: date | None
    last_contact: date | None
    note: str
    purpose: str


def parsed_rows(table: Table, columns: Columns) -> Iterator[TieRow | list[RowError]]:
    """Each row of the table as a TieRow, or as the errors that keep it from being one."""
    for item in table.rows():
        if isinstance(item, RowError):
            yield [item]
            continue
        number, cells = item
        yield parse_row(number, cells, columns)


def parse_row(number: int, cells: list[str], columns: Columns) -> TieRow | list[RowError]:
    errors: list[RowError] = []

    def checked(field: str, parse, *, required: bool = False):
        value = columns.value(cells, field)
        if not value:
            if required:
                errors.append(
                    RowError(number, columns.heading[field], _("The cell must not be empty."))
                )
            return None
        try:
            return parse(value)
        except InvalidValueError as error:
            errors.append(RowError(number, columns.heading[field], str(error)))
            return None

    source = _end(number, cells, columns, "from", errors)
    target = _end(number, cells, columns, "to", errors)
    kind_text = columns.value(cells, "kind")
    kinds = checked("kind", kind_candidates, required=True)
    strength = checked("strength", parse_scale, required=True)
    trust = checked("trust", parse_scale)
    since = checked("since", parse_since)
    last_contact = checked("last_contact", parse_day)
    note = columns.value(cells, "note")
    purpose = columns.value(cells, "purpose")
    if len(note) > _NOTE_LENGTH:
        errors.append(
            RowError(
                number,
                columns.heading["note"],
                _("The note is longer than %(count)s characters.") % {"count": _NOTE_LENGTH},
            )
        )
    if len(purpose) > _PURPOSE_LENGTH:
        errors.append(
            RowError(
                number,
                columns.heading["purpose"],
                _("The purpose is longer than %(count)s characters.") % {"count": _PURPOSE_LENGTH},
            )
        )
    if since and last_contact and last_contact < since:
        errors.append(
            RowError(
                number,
                columns.heading["last_contact"],
                _("The last contact lies before the start of the tie (“%(since)s”).")
                % {"since": columns.value(cells, "since")},
            )
        )
    if errors:
        return errors
    return TieRow(
        row=number,
        source=source,
        target=target,
        kind_text=kind_text,
        kinds=frozenset(kinds),
        strength=strength,
        trust=trust,
        since=since,
        last_contact=last_contact,
        note=note,
        purpose=purpose,
    )


def _end(
    number: int, cells: list[str], columns: Columns, end: str, errors: list[RowError]
) -> EndRef | None:
    email = columns.value(cells, f"{end}_email")
    organisation = columns.value(cells, f"{end}_organisation")
    postal_code = columns.value(cells, f"{end}_postal_code")
    email_column = columns.heading.get(f"{end}_email", "")
    organisation_column = columns.heading.get(f"{end}_organisation", "")
    if email and organisation:
        errors.append(
            RowError(
                number,
                organisation_column,
                _(
                    "Name each end either by an e-mail address (a person) or by an "
                    "organisation, not both: “%(email)s” or “%(organisation)s”."
                )
                % {"email": email_column, "organisation": organisation_column},
            )
        )
        return None
    if email:
        try:
            return EndRef(end, email_column, email=parse_email(email).lower())
        except InvalidValueError as error:
            errors.append(RowError(number, email_column, str(error)))
            return None
    if organisation:
        if postal_code:
            try:
                postal_code = parse_postal_code(postal_code)
            except InvalidValueError as error:
                errors.append(RowError(number, columns.heading[f"{end}_postal_code"], str(error)))
                return None
        return EndRef(
            end,
            organisation_column,
            organisation_key=name_key(organisation)[:300],
            organisation_name=organisation,
            postal_code=postal_code,
        )
    errors.append(
        RowError(
            number,
            email_column or organisation_column,
            _("The row names no %(end)s: enter an e-mail address or an organisation.")
            % {"end": _("first end") if end == "from" else _("second end")},
        )
    )
    return None
