"""Single cells of a tie file, checked: kinds of tie, strengths, dates. Pure functions.

A kind may be written as its value ("knows"), its English or German label, or a
German word practitioners use ("Kooperation", "Vorstand", "Lieferbeziehung").
Some words fit several kinds ("Mitglied": a person is a member of an
organisation, an organisation a member of another); the ends' types decide.
"""

import re
from datetime import date
from functools import cache

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.importing.values import InvalidValueError, parse_date
from netzwerkstatt.contacts.normalise import name_key

from ..enums import TIE_RULES, NodeType, TieKind

_KIND_WORDS = {
    TieKind.KNOWS: ["kennt", "kennen sich", "Bekanntschaft", "bekannt", "bekannt mit"],
    TieKind.WORKS_WITH: [
        "arbeitet eng zusammen mit", "arbeitet mit", "arbeitet zusammen mit",
        "arbeiten zusammen", "Zusammenarbeit", "Kollege", "Kollegin", "Kollegen",
    ],
    TieKind.MET_AT_EVENT: [
        "auf einer Veranstaltung getroffen", "auf Veranstaltung kennengelernt",
        "Veranstaltung", "met at event",
    ],
    TieKind.COLLABORATES: [
        "arbeitet zusammen mit", "arbeitet mit", "Zusammenarbeit", "works with",
        "collaborates", "collaborates with",
    ],
    TieKind.ADVISES: ["berät", "Beratung", "Berater", "Beraterin", "advises"],
    TieKind.BOARD_MEMBER: [
        "Mitglied im Vorstand", "Mitglied des Vorstands", "Vorstandsmitglied", "Vorstand",
        "im Vorstand", "board member",
    ],
    TieKind.MEMBER: ["Mitglied", "Mitglied von", "Mitglied in", "ist Mitglied", "member"],
    TieKind.COOPERATION: [
        "Kooperation", "kooperiert mit", "Kooperationspartner", "Partnerschaft", "cooperation",
    ],
    TieKind.MEMBERSHIP: [
        "Mitgliedschaft", "Mitglied", "Mitglied von", "Mitglied in", "ist Mitglied",
        "membership",
    ],
    TieKind.SUPPLIES: [
        "Lieferbeziehung", "liefert an", "liefert", "beliefert", "Lieferant", "supplier",
    ],
}  # fmt: skip
_NUMBER = re.compile(r"^(\d+)(?:[.,]0+)?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def kind_candidates(value: str) -> set[TieKind]:
    """The kinds a cell may mean; InvalidValueError if it names none."""
    kinds = _kind_lookup(translation.get_language() or "").get(name_key(value))
    if not kinds:
        raise InvalidValueError(
            _("“%(value)s” is not a known kind of tie. Possible values: %(kinds)s.")
            % {"value": value, "kinds": ", ".join(str(kind.label) for kind in TieKind)}
        )
    return kinds


def kind_for_ends(candidates: set[TieKind], source: NodeType, target: NodeType) -> TieKind | None:
    """The one candidate whose rule joins these end types (person–organisation in either order)."""
    fitting = [
        kind
        for kind in TieKind  # in declaration order, so the choice is stable
        if kind in candidates and _fits(TIE_RULES[kind], source, target)
    ]
    return fitting[0] if fitting else None


def kinds_between(source: NodeType, target: NodeType) -> list[TieKind]:
    return [kind for kind in TieKind if _fits(TIE_RULES[kind], source, target)]


def _fits(rule, source: NodeType, target: NodeType) -> bool:
    if (rule.source, rule.target) == (source, target):
        return True
    # A person–organisation kind reads the same from either end; tie_save orders them.
    return rule.source != rule.target and (rule.target, rule.source) == (source, target)


@cache
def _kind_lookup(language: str) -> dict[str, frozenset[TieKind]]:
    """Kinds by value, label in the active `language` (the cache key) and German words."""
    lookup: dict[str, set[TieKind]] = {}
    for kind in TieKind:
        with translation.override("en"):
            english = str(kind.label)
        for word in [kind.value, english, str(kind.label), *_KIND_WORDS[kind]]:
            lookup.setdefault(name_key(word), set()).add(kind)
    return {key: frozenset(kinds) for key, kinds in lookup.items()}


def parse_scale(value: str) -> int:
    """A strength or trust from 1 to 5 ("4", also "4,0" as spreadsheets write it)."""
    match = _NUMBER.match(value.strip())
    if match is None or not 1 <= int(match.group(1)) <= 5:
        raise InvalidValueError(
            _("“%(value)s” is not a whole number from 1 to 5.") % {"value": value}
        )
    return int(match.group(1))


def parse_since(value: str) -> date | None:
    """A date (DD.MM.YYYY, DD.MM.YY or ISO) or a year alone ("2019" = 1 January 2019)."""
    year = _YEAR.match(value.strip())
    return _not_future(value, date(int(year.group()), 1, 1) if year else parse_date(value))


def parse_day(value: str) -> date | None:
    return _not_future(value, parse_date(value))


def _not_future(value: str, result: date | None) -> date | None:
    if result is not None and result > timezone.localdate():
        raise InvalidValueError(_("“%(value)s” lies in the future.") % {"value": value})
    return result
