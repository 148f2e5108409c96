"""Single cell values: checked, and brought into the form the models store.

Each parser takes the text of one cell and returns the value, or raises
InvalidValueError with a German message that quotes the cell. Pure functions.
"""

import re
from datetime import date, datetime
from functools import cache, lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from .. import wz2008
from ..enums import OrganisationKind, Salutation, State
from ..normalise import name_key

# The models' max_length values (tests check that they agree).
MAX_LENGTHS = {
    "title": 50,
    "first_name": 100,
    "last_name": 100,
    "organisation": 300,
    "role": 200,
    "department": 200,
    "street": 200,
    "city": 100,
    "district": 100,
    "website": 200,
    "email": 254,
    "phone": 50,
    "tag": 100,
}
MAX_EMPLOYEES = 2_147_483_647
_PHONE = re.compile(r"^\+?[\d\s()/.-]{3,}$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_WHOLE_NUMBER = re.compile(r"^(\d+)([.,]0+)?$")
_TAG_SEPARATORS = re.compile(r"[;,]|:::")
_SALUTATIONS = {
    "herr": Salutation.MR, "herrn": Salutation.MR, "hr": Salutation.MR, "mr": Salutation.MR,
    "frau": Salutation.MS, "fr": Salutation.MS, "ms": Salutation.MS, "mrs": Salutation.MS,
    "miss": Salutation.MS,
}  # fmt: skip
# Words in a salutation column that are neither a salutation nor an academic title.
_NOT_A_TITLE = {"firma", "familie", "divers", "an", "die", "den", "der"}
_KIND_WORDS = {
    OrganisationKind.COMPANY: ["Unternehmen", "Betrieb", "Firma", "KMU", "Company"],
    OrganisationKind.CHAMBER: [
        "Kammer", "IHK", "HWK", "Handwerkskammer", "Industrie- und Handelskammer",
        "Landwirtschaftskammer", "Chamber",
    ],
    OrganisationKind.UNION: ["Gewerkschaft", "Trade union", "Union"],
    OrganisationKind.EMPLOYERS_ASSOCIATION: [
        "Arbeitgeberverband", "Verband", "Wirtschaftsverband", "Innung",
        "Kreishandwerkerschaft", "Employers' association",
    ],
    OrganisationKind.EMPLOYMENT_AGENCY: [
        "Agentur für Arbeit", "Arbeitsagentur", "Jobcenter", "Agentur für Arbeit / Jobcenter",
        "Employment agency / job centre", "Employment agency", "Job centre",
    ],
    OrganisationKind.EDUCATION_PROVIDER: [
        "Bildungsträger", "Bildungsanbieter", "Bildungseinrichtung", "Schule", "Hochschule",
        "Education provider",
    ],
    OrganisationKind.CONSULTANCY: ["Beratung", "Beratungsunternehmen", "Unternehmensberatung", "Consultancy"],
    OrganisationKind.MUNICIPALITY: [
        "Kommune", "Gemeinde", "Stadt", "Landkreis", "Stadtverwaltung", "Kreisverwaltung",
        "Wirtschaftsförderung", "Municipality",
    ],
    OrganisationKind.OTHER: ["Sonstige", "Sonstiges", "Andere", "Other"],
}  # fmt: skip
_STATE_WORDS = {State.NW: ["NRW"], State.BW: ["BaWü"], State.MV: ["Meck-Pomm"]}
_EMPTY_DATES = {"0.0.00", "00.00.0000"}  # what Outlook writes for "no date"


class InvalidValueError(ValueError):
    pass


def phone_digits(number: str) -> str:
    """The digits of a phone number, by which two spellings of one number are the same."""
    return "".join(char for char in number if char.isdigit())


def salutation_and_title(text: str) -> tuple[str, str]:
    """ "Herr Dr." → (mr, "Dr."); "Prof. Dr." → ("", "Prof. Dr."); "Firma" → ("", "")."""
    salutation, title_words = "", []
    for word in text.split():
        key = name_key(word)
        if key in _SALUTATIONS and not salutation:
            salutation = _SALUTATIONS[key]
        elif key and key not in _NOT_A_TITLE:
            title_words.append(word)
    return salutation, " ".join(title_words)


def split_full_name(text: str) -> tuple[str, str, str, str]:
    """Salutation, title, first and last name of "Herr Dr. Max Mustermann" or "Mustermann, Max"."""
    if "," in text:
        last, _comma, first = text.partition(",")
        words = first.split()
    else:
        words = text.split()
        last = words.pop() if words else ""
    leading = []
    while words and (name_key(words[0]) in _SALUTATIONS or words[0].endswith(".")):
        leading.append(words.pop(0))
    salutation, title = salutation_and_title(" ".join(leading))
    return salutation, title, " ".join(words), last.strip()


def parse_email(value: str) -> str:
    address = value.removeprefix("mailto:").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise InvalidValueError(
            _("“%(value)s” is not a valid e-mail address.") % {"value": value}
        ) from None
    return address


def parse_phone(value: str) -> str:
    number = value.removeprefix("tel:").strip()
    if not _PHONE.match(number) or len(number) > MAX_LENGTHS["phone"]:
        raise InvalidValueError(_("“%(value)s” is not a valid phone number.") % {"value": value})
    return number


def parse_postal_code(value: str) -> str:
    code = re.sub(r"^D[-\s]?", "", value.strip(), flags=re.IGNORECASE)
    if re.fullmatch(r"\d{4}", code):
        code = "0" + code  # spreadsheet programs drop the leading zero (Dresden: 01067)
    if not re.fullmatch(r"\d{5}", code):
        raise InvalidValueError(
            _("“%(value)s” is not a German postal code (five digits).") % {"value": value}
        )
    return code


def parse_kind(value: str) -> str:
    kind = _kind_lookup(translation.get_language() or "").get(name_key(value))
    if kind is None:
        raise InvalidValueError(
            _("“%(value)s” is not a known kind of organisation. Possible values: %(kinds)s.")
            % {"value": value, "kinds": ", ".join(str(label) for label in OrganisationKind.labels)}
        )
    return kind


@cache
def _kind_lookup(language: str) -> dict[str, str]:
    """Kinds by their value, synonyms and label in the active `language` (the cache key)."""
    lookup = {}
    for kind in OrganisationKind:
        for word in [kind.value, str(kind.label), *_KIND_WORDS[kind]]:
            lookup[name_key(word)] = kind.value
    return lookup


def parse_state(value: str) -> str:
    state = _STATE_LOOKUP.get(name_key(value))
    if state is None:
        raise InvalidValueError(_("“%(value)s” is not a German federal state.") % {"value": value})
    return state


_STATE_LOOKUP = {
    name_key(word): state.value
    for state in State
    for word in [state.value, state.label, *_STATE_WORDS.get(state, [])]
}


def parse_sector(value: str) -> str:
    code = wz2008.parse(value) or _SECTOR_TITLES.get(name_key(value))
    if code is None:
        raise InvalidValueError(
            _("“%(value)s” is not a WZ 2008 division (a two-digit number such as 28).")
            % {"value": value}
        )
    return code


_SECTOR_TITLES = {name_key(entry.title): entry.code for entry in wz2008.divisions()}


def parse_employee_count(value: str) -> int:
    text = re.sub(r"\s", "", value)
    if _THOUSANDS.match(text):
        text = text.replace(".", "")
    match = _WHOLE_NUMBER.match(text)
    if match is None or int(match.group(1)) > MAX_EMPLOYEES:
        raise InvalidValueError(_("“%(value)s” is not a number of employees.") % {"value": value})
    return int(match.group(1))


@lru_cache(maxsize=65_536)  # a company's web address repeats on each of its rows
def parse_website(value: str) -> str:
    url = value if "://" in value else f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        url = ""
    if not url or len(url) > MAX_LENGTHS["website"]:
        raise InvalidValueError(_("“%(value)s” is not a web address.") % {"value": value})
    return url


def parse_date(value: str) -> date | None:
    if value in _EMPTY_DATES:
        return None
    for pattern in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.partition("T")[0], pattern).date()
        except ValueError:
            continue
    raise InvalidValueError(_("“%(value)s” is not a date (DD.MM.YYYY).") % {"value": value})


def parse_tags(value: str) -> list[str]:
    """Outlook separates categories with ";", others with ","; Google's "* myContacts" are system groups."""
    return [
        tag.strip()[: MAX_LENGTHS["tag"]]
        for tag in _TAG_SEPARATORS.split(value)
        if tag.strip() and not tag.strip().startswith("* ")
    ]
