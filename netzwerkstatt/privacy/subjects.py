"""Where a person's data is: the records about them and the texts that name them.

Both come from the registry (`privacy.registry`), so the access export and the erasure
cover a new model as soon as its app classifies it:

- records about the person: for every classified model with `subjects`, the rows where
  any subject lookup leads to the person (`records_about`);
- mentions: texts (free-text fields, and personal texts such as another person's notes)
  that contain the person's name, e-mail address or phone number (`Identifiers`,
  `mentions`).

The name matching is a regular expression that PostgreSQL and SQLite evaluate alike (a
pre-filter in the database, without case folding by the database's locale); Python then
applies the exact pattern with word boundaries.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.scoping import Scope

from .registry import Classification, registry

# What a scrubbed mention reads as afterwards (stored data, so not translated).
ERASED = "[gelöscht]"
# A phone number shorter than this (digits) is not looked for in texts: too many false hits.
PHONE_MIN_DIGITS = 6
# Separators people write between the digits of a phone number.
PHONE_SEPARATORS = r"[-\s/().]{0,3}"


# ------------------------------------------------------------------ records about a person


@dataclass(frozen=True)
class SubjectModel:
    model: type[models.Model]
    classification: Classification

    @property
    def label(self) -> str:
        return self.model._meta.label


@cache
def subject_models() -> tuple[SubjectModel, ...]:
    """Every classified model whose rows are about persons (it names `subjects`)."""
    return tuple(
        SubjectModel(model, found) for model, found in registry().items() if found.subjects
    )


def subject_filter(subject: SubjectModel, person_pk: int) -> Q:
    condition = Q()
    for lookup in subject.classification.subjects:
        condition |= Q(**{lookup: person_pk})
    return condition


def records_about(*, scope: Scope, person_pk: int) -> dict[SubjectModel, models.QuerySet]:
    """For each subject model, the workspace's rows about the person (each row once)."""
    found = {}
    for subject in subject_models():
        matching = scope.objects(subject.model).filter(subject_filter(subject, person_pk))
        found[subject] = subject.model.objects.filter(pk__in=matching.values("pk")).order_by("pk")
    return found


# ------------------------------------------------------------------------- identifiers


def _char(character: str) -> str:
    """One character as a pattern both Python's `re` and PostgreSQL's AREs read the same."""
    lower, upper = character.lower(), character.upper()
    if character.isalpha() and len(lower) == 1 and len(upper) == 1 and lower != upper:
        return f"[{lower}{upper}]"
    if character.isalnum():
        return character
    if character in "\\]^[":
        return "\\" + character
    return f"[{character}]"


def _literal(text: str) -> str:
    """`text` as a case-blind pattern; runs of white space match any white space."""
    return r"\s+".join("".join(_char(c) for c in word) for word in text.split())


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def phone_forms(number: str) -> list[str]:
    """The digit strings a phone number is written as: national (0…) and international (49…).

    A German number is written "05371 123456" or "+49 5371 123456"; both are looked for.
    """
    digits = _digits(number)
    stripped = number.strip()
    if stripped.startswith("+"):
        forms = [f"+{digits}"]
        if digits.startswith("49"):
            forms.append("0" + digits[2:])
    elif digits.startswith("00"):
        forms = [f"+{digits[2:]}"]
        if digits.startswith("0049"):
            forms.append("0" + digits[4:])
    elif digits.startswith("0"):
        forms = [digits, f"+49{digits[1:]}"]
    else:
        forms = [digits]
    return [form for form in forms if len(form.lstrip("+")) >= PHONE_MIN_DIGITS]


def _phone_pattern(form: str) -> str:
    digits = form.lstrip("+")
    body = PHONE_SEPARATORS.join(digits)
    return rf"(?:\+|00){body}" if form.startswith("+") else body


@dataclass(frozen=True)
class Identifiers:
    """How a person is named in texts: name variants, e-mail addresses, phone numbers."""

    names: tuple[str, ...]
    emails: tuple[str, ...]
    phones: tuple[str, ...]

    @classmethod
    def of(cls, person: Person) -> "Identifiers":
        first, last, title = (
            " ".join(value.split()) for value in (person.first_name, person.last_name, person.title)
        )
        names = []
        if first and last:
            if title:
                names.append(f"{title} {first} {last}")
            names += [f"{first} {last}", f"{last}, {first}"]
        elif last and title:
            names.append(f"{title} {last}")
        emails = sorted(
            {address.strip() for address in person.emails.values_list("address", flat=True)} - {""}
        )
        phones = sorted(set(person.phones.values_list("number", flat=True)))
        return cls(tuple(names), tuple(emails), tuple(phones))

    @property
    def is_empty(self) -> bool:
        return not self._alternatives()

    def _alternatives(self) -> list[tuple[str, str, str]]:
        """(pattern, boundary before, boundary after), the longest first."""
        alternatives = []
        for name in sorted(self.names, key=len, reverse=True):
            if "," in name:
                last, first = (part.strip() for part in name.split(",", 1))
                pattern = rf"{_literal(last)}\s*,\s*{_literal(first)}"
            else:
                pattern = _literal(name)
            alternatives.append((pattern, r"(?<!\w)", r"(?!\w)"))
        alternatives += [
            (_literal(email), r"(?<![\w.+-])", r"(?![\w-])")
            for email in sorted(self.emails, key=len, reverse=True)
        ]
        forms = {form for number in self.phones for form in phone_forms(number)}
        alternatives += [
            (_phone_pattern(form), r"(?<![\d+])", r"(?!\d)")
            for form in sorted(forms, key=len, reverse=True)
        ]
        return alternatives

    @property
    def database_pattern(self) -> str:
        """A pattern for the database's `__regex` lookup: finds at least every mention."""
        return "|".join(f"(?:{pattern})" for pattern, _before, _after in self._alternatives())

    @property
    def pattern(self) -> re.Pattern:
        """The exact pattern: mentions that stand as words of their own."""
        return re.compile(
            "|".join(
                f"{before}(?:{pattern}){after}" for pattern, before, after in self._alternatives()
            ),
            re.IGNORECASE,
        )

    def found_in(self, text: str) -> bool:
        return not self.is_empty and bool(self.pattern.search(text))

    def scrub(self, text: str) -> tuple[str, int]:
        """The text with every mention replaced by ERASED, and how many there were."""
        if self.is_empty or not text:
            return text, 0
        return self.pattern.subn(ERASED, text)

    def scrub_json(self, value):
        """A JSON value with every string (keys included) scrubbed; and the count."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, list):
            results = [self.scrub_json(item) for item in value]
            return [item for item, _count in results], sum(count for _item, count in results)
        if isinstance(value, dict):
            scrubbed, total = {}, 0
            for key, item in value.items():
                new_key, key_count = self.scrub(key) if isinstance(key, str) else (key, 0)
                new_item, item_count = self.scrub_json(item)
                scrubbed[new_key] = new_item
                total += key_count + item_count
            return scrubbed, total
        return value, 0


# ------------------------------------------------------------------------- mentions


def is_text_field(field: models.Field) -> bool:
    """A field people write words into: free text, notes, purposes, captions.

    Not a code (choices), a derived key (not editable), or a structured value such as an
    e-mail address, web address or phone number (a field with its own validators).
    """
    if isinstance(field, models.TextField):
        return True
    if not isinstance(field, models.CharField) or isinstance(
        field, models.EmailField | models.URLField | models.SlugField
    ):
        return False
    return field.editable and not field.choices and not field._validators


@dataclass(frozen=True)
class TextColumns:
    model: type[models.Model]
    texts: tuple[str, ...]  # char and text fields
    json: tuple[str, ...]  # JSON fields (walked in Python)


@cache
def text_columns() -> tuple[TextColumns, ...]:
    """Per classified workspace model, the fields that may name a person in words.

    Free-text fields and personal fields (another person's notes, a tie's purpose, a
    consent's source); models outside the workspaces (users) and the append-only audit
    log (IDs only) are left out.
    """
    found = []
    for model, classification in registry().items():
        if getattr(model, "scope_exempt", False) or not _workspace_scoped(model):
            continue
        names = [*classification.free_text, *classification.personal]
        fields = [model._meta.get_field(name) for name in dict.fromkeys(names)]
        texts = tuple(field.name for field in fields if is_text_field(field))
        json = tuple(field.name for field in fields if isinstance(field, models.JSONField))
        if texts or json:
            found.append(TextColumns(model, texts, json))
    return tuple(found)


def _workspace_scoped(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("workspace")
    except FieldDoesNotExist:
        return False
    return getattr(field, "concrete", False)


@dataclass(frozen=True)
class Mention:
    model: type[models.Model]
    pk: int
    field: str
    text: str  # the field's whole value (a JSON value as its strings)


def mentions(
    *, scope: Scope, identifiers: Identifiers, exclude: dict | None = None
) -> Iterator[Mention]:
    """Every text of the workspace that names the person, field by field.

    `exclude` maps models to sets of primary keys to leave out (e.g. the records about
    the person, which are covered as such).
    """
    if identifiers.is_empty:
        return
    exclude = exclude or {}
    database_pattern = identifiers.database_pattern
    for columns in text_columns():
        skipped = exclude.get(columns.model, set())
        if columns.texts:
            condition = Q()
            for name in columns.texts:
                condition |= Q(**{f"{name}__regex": database_pattern})
            rows = (
                scope.objects(columns.model)
                .filter(condition)
                .order_by("pk")
                .values_list("pk", *columns.texts)
            )
            for pk, *values in rows:
                if pk in skipped:
                    continue
                for name, value in zip(columns.texts, values, strict=True):
                    if value and identifiers.found_in(value):
                        yield Mention(columns.model, pk, name, value)
        for name in columns.json:
            rows = scope.objects(columns.model).order_by("pk").values_list("pk", name)
            for pk, value in rows.iterator(chunk_size=100):
                if pk in skipped or value in (None, "", [], {}):
                    continue
                strings = list(json_strings(value))
                if any(identifiers.found_in(string) for string in strings):
                    yield Mention(columns.model, pk, name, "\n".join(strings))


def json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield key
            yield from json_strings(item)
