"""Which column of a tie file holds what, recognised from its heading.

Headings are matched like the contact import's ("Von E-Mail" = "von e-mail" =
"VonEMail"): case, spaces, punctuation and umlaut spelling do not matter.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from netzwerkstatt.contacts.importing.errors import UnusableInputError
from netzwerkstatt.contacts.importing.mapping import heading_key

# Field → the headings that name it. The first German and English ones are
# those the documentation and the example file use.
HEADINGS = {
    "from_email": [
        "Von E-Mail", "From e-mail", "Von E-Mail-Adresse", "Von Mail", "From email",
        "From email address", "Source e-mail", "Source email",
    ],
    "from_organisation": [
        "Von Organisation", "From organisation", "Von Firma", "Von Unternehmen", "Von Betrieb",
        "From organization", "From company", "Source organisation", "Source organization",
    ],
    "from_postal_code": [
        "Von PLZ", "From postal code", "Von Postleitzahl", "From PLZ", "From zip",
        "From zip code", "Source postal code",
    ],
    "to_email": [
        "An E-Mail", "To e-mail", "An E-Mail-Adresse", "An Mail", "Zu E-Mail", "To email",
        "To email address", "Target e-mail", "Target email",
    ],
    "to_organisation": [
        "An Organisation", "To organisation", "An Firma", "An Unternehmen", "An Betrieb",
        "Zu Organisation", "To organization", "To company", "Target organisation",
        "Target organization",
    ],
    "to_postal_code": [
        "An PLZ", "To postal code", "An Postleitzahl", "Zu PLZ", "To PLZ", "To zip",
        "To zip code", "Target postal code",
    ],
    "kind": [
        "Art", "Kind", "Beziehung", "Beziehungsart", "Art der Beziehung", "Tie kind",
        "Kind of tie", "Relationship", "Type",
    ],
    "strength": ["Stärke", "Strength", "Intensität", "Tie strength"],
    "trust": ["Vertrauen", "Trust"],
    "since": ["Seit", "Since", "Bekannt seit", "Beginn", "Known since"],
    "last_contact": ["Letzter Kontakt", "Last contact", "Zuletzt Kontakt", "Last contacted"],
    "note": ["Notiz", "Note", "Bemerkung", "Bemerkungen", "Notizen", "Kommentar", "Notes"],
    "purpose": ["Zweck", "Purpose"],
}  # fmt: skip
FIELDS = tuple(HEADINGS)
_FIELD_OF_HEADING = {
    heading_key(heading): field for field, headings in HEADINGS.items() for heading in headings
}


@dataclass(frozen=True)
class Columns:
    """Where each recognised field is in a row (its index) and what the file calls it."""

    index: dict[str, int]
    heading: dict[str, str]

    def value(self, cells: Sequence[str], field: str) -> str:
        position = self.index.get(field)
        return cells[position].strip() if position is not None else ""


def recognise(headers: Sequence[str]) -> Columns:
    """The columns of a tie file; UnusableInputError if a needed one is missing or doubled."""
    index: dict[str, int] = {}
    heading: dict[str, str] = {}
    for position, header in enumerate(headers):
        field = _FIELD_OF_HEADING.get(heading_key(header))
        if field is None:
            continue
        if field in index:
            raise UnusableInputError(
                _("The columns “%(first)s” and “%(second)s” both mean the same; keep one.")
                % {"first": heading[field], "second": header}
            )
        index[field] = position
        heading[field] = header
    missing = []
    for end, label in (("from", _("first end")), ("to", _("second end"))):
        if f"{end}_email" not in index and f"{end}_organisation" not in index:
            missing.append(
                _("%(end)s: “%(email)s” or “%(organisation)s”")
                % {
                    "end": label,
                    "email": HEADINGS[f"{end}_email"][0],
                    "organisation": HEADINGS[f"{end}_organisation"][0],
                }
            )
    missing += [_quoted(HEADINGS[field][0]) for field in ("kind", "strength") if field not in index]
    if missing:
        raise UnusableInputError(
            _(
                "The file lacks columns a tie needs: %(missing)s. The columns are: %(columns)s. "
                "See “netzwerkstatt import-ties --help” for the column headings."
            )
            % {
                "missing": "; ".join(missing),
                "columns": ", ".join(_quoted(header) for header in headers if header) or "–",
            }
        )
    return Columns(index=index, heading=heading)


def _quoted(heading: str) -> str:
    # Translators: a column heading of the file, quoted in a list of headings.
    return _("“%(heading)s”") % {"heading": heading}
