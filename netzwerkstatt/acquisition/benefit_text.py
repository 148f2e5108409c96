"""The benefit statement's template language ("Nutzenargumentation"), pure: no ORM, no request.

A template is the project's German text with placeholders in braces and optional parts
in square brackets::

    {anrede|Sehr geehrte Damen und Herren},
    [Rund {anteil_50plus} Ihrer Beschäftigten sind 50 Jahre oder älter.]

- `{name}` is replaced by the company's fact of that name (see PLACEHOLDERS); a list
  is joined the German way, "A, B und C".
- `{name|Ersatz}` gives the words used when the fact is missing.
- `[ … ]` is left out entirely when one of its placeholders has no value, so a company
  with missing facts gets fewer sentences, never broken ones.
- A placeholder outside brackets without value and without replacement takes its
  sentence with it, for the same reason.

The company's facts are substituted in one pass and never read as template text, and
no template engine ever sees the user's text: a company called "{firma}" or a note
with "{% … %}" stays what it is.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# The placeholders a template may use, with what they stand for (shown on the template
# form). The names are German like the templates themselves.
PLACEHOLDERS: dict[str, str] = {
    "firma": _("the company's name"),
    "anrede": _("the salutation of the person to contact, e.g. “Sehr geehrte Frau Dr. Meier”"),
    "ansprechperson": _("the name of the person to contact"),
    "branche": _("the company's sector (WZ 2008)"),
    "ort": _("the company's town"),
    "beschaeftigte": _("the number of employees"),
    "bedarfe": _("the needs identified in the dossier"),
    "massnahmen": _("the project's measures that answer these needs"),
    "nutzen": _("each of these measures with the needs it answers"),
    "lage": _("the current situation from the dossier"),
    "anteil_50plus": _("the share of staff aged 50 and over, e.g. “38 %”"),
    "offene_stellen": _("the open positions, e.g. “3 offene Stellen”"),
    "aktuelles": _("recent events at the company"),
    "projekt": _("the project's name"),
    "einfuehrung": _("the person who introduces the team (with their organisation)"),
}

PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)(?:\|([^{}\[\]]*))?\}")
# Stands in for a missing value until its sentence has been removed; never in a value.
_MISSING = "\x00"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")

Value = str | int | Iterable[str] | None


@dataclass(frozen=True)
class TemplateProblems:
    """What is wrong with a template's text; empty when it can be saved."""

    unknown: tuple[str, ...] = ()  # placeholder names that are not in PLACEHOLDERS
    stray_braces: bool = False  # a "{" or "}" that does not form a placeholder
    stray_brackets: bool = False  # an unclosed, unopened or nested "[" / "]"

    def __bool__(self) -> bool:
        return bool(self.unknown or self.stray_braces or self.stray_brackets)


# ----------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Placeholder:
    name: str
    fallback: str | None


def _parse(text: str) -> tuple[list, TemplateProblems]:
    """The template as a list of str, _Placeholder and lists of both (the optional parts)."""
    parts: list = []
    current = parts
    literal: list[str] = []
    stray_braces = stray_brackets = False
    unknown: list[str] = []

    def flush():
        if literal:
            current.append("".join(literal))
            literal.clear()

    position = 0
    while position < len(text):
        char = text[position]
        if char == "{":
            match = PLACEHOLDER.match(text, position)
            if match:
                flush()
                name = match.group(1).lower()
                if name not in PLACEHOLDERS and name not in unknown:
                    unknown.append(name)
                current.append(_Placeholder(name, match.group(2)))
                position = match.end()
                continue
            stray_braces = True
        elif char == "}":
            stray_braces = True
        elif char == "[":
            if current is parts:
                flush()
                current = []
                parts.append(current)
                position += 1
                continue
            stray_brackets = True
        elif char == "]":
            if current is not parts:
                flush()
                current = parts
                position += 1
                continue
            stray_brackets = True
        literal.append(char)
        position += 1
    flush()
    if current is not parts:
        stray_brackets = True
    return parts, TemplateProblems(tuple(unknown), stray_braces, stray_brackets)


def template_problems(text: str) -> TemplateProblems:
    return _parse(text)[1]


def placeholders_used(text: str) -> list[str]:
    """The known placeholder names in the text, in order of first use."""
    names = []
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1).lower()
        if name in PLACEHOLDERS and name not in names:
            names.append(name)
    return names


# --------------------------------------------------------------------------- rendering


def join_german(items: Iterable[str]) -> str:
    """ "A", "A und B", "A, B und C"."""
    items = [item for item in (_one_line(item) for item in items) if item]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} und {items[-1]}"


def value_text(value: Value) -> str:
    """A fact as text, "" when it has no value (None, blank, an empty list)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, str):
        return _one_line(value)
    return join_german(str(item) for item in value)


def render(text: str, facts: Mapping[str, Value]) -> str:
    """The template filled with the facts; see the module docstring for the rules."""
    parts, _problems = _parse(text)
    values = {name: value_text(value) for name, value in facts.items()}
    out = []
    for part in parts:
        if isinstance(part, list):
            rendered = [_fill(piece, values) for piece in part]
            if _MISSING not in "".join(rendered):
                out.extend(rendered)
        else:
            out.append(_fill(part, values))
    return _tidy("".join(out))


def _fill(piece, values: dict[str, str]) -> str:
    if isinstance(piece, str):
        return piece.replace(_MISSING, "")
    value = values.get(piece.name, "")
    if value:
        return value
    return _one_line(piece.fallback) if piece.fallback else _MISSING


def _one_line(value: str) -> str:
    return " ".join(value.replace(_MISSING, "").split())


def _tidy(text: str) -> str:
    """Drop sentences with a missing value and the traces optional parts leave behind."""
    lines = [_tidy_line(line) for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _tidy_line(line: str) -> str:
    if _MISSING in line:
        line = " ".join(
            sentence for sentence in _SENTENCE_END.split(line) if _MISSING not in sentence
        )
    for pattern, replacement in _TIDY_RULES:
        line = pattern.sub(replacement, line)
    return line.strip()


_TIDY_RULES = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"[ \t\u00a0]+", " "),  # one space between words
        (r" +([.,;:!?)])", r"\1"),  # none before punctuation
        (r"\( +", "("),
        (r",+([.!?;:])", r"\1"),  # "Kiel,." → "Kiel."
        (r"([,;:])[,;:]+", r"\1"),
        (r"(?<!\.)([.!?])\.(?!\.)", r"\1"),  # "wächst.." → "wächst.", "…" stays
        (r"^[ ,;:]+", ""),  # what a left-out first part leaves at the start
    )
)


# ------------------------------------------------------------ German phrases for facts


def positions_phrase(count: int | None) -> str:
    """ "eine offene Stelle", "3 offene Stellen"; "" for none."""
    if not count:
        return ""
    if count == 1:
        return "eine offene Stelle"
    return f"{value_text(count)} offene Stellen"


def share_phrase(percent: int | None) -> str:
    return f"{percent} %" if percent else ""


def as_sentence(text: str) -> str:
    """Free text as one sentence that ends with a full stop (or its own end mark)."""
    text = _one_line(text or "")
    if text and text[-1] not in ".!?…":
        text += "."
    return text


def salutation_phrase(*, salutation: str, title: str, first_name: str, last_name: str) -> str:
    """ "Sehr geehrte Frau Dr. Meier", "Sehr geehrter Herr Schulz", else "Guten Tag Kim Meier"."""
    if not last_name:
        return ""
    if salutation == "ms":
        return _one_line(f"Sehr geehrte Frau {title} {last_name}")
    if salutation == "mr":
        return _one_line(f"Sehr geehrter Herr {title} {last_name}")
    return _one_line(f"Guten Tag {first_name} {last_name}")


def benefit_item(measure: str, needs: Iterable[str]) -> str:
    """One entry of {nutzen}: "Demografie-Check (passt zu Nachfolge und Wissenstransfer)"."""
    needs = join_german(needs)
    return f"{measure} (passt zu {needs})" if needs else measure


# The template a project gets on first use; the team edits it like any other. German,
# like the project's other material.
DEFAULT_BENEFIT_TEMPLATE_NAME = "Erstansprache"
DEFAULT_BENEFIT_TEMPLATE = """\
{anrede|Sehr geehrte Damen und Herren},

[{einfuehrung} hat uns empfohlen, mit Ihnen Kontakt aufzunehmen.] Im Projekt {projekt} \
unterstützen wir kleine und mittlere Unternehmen[ in und um {ort}] dabei, Fachkräfte zu \
gewinnen, zu halten und weiterzuentwickeln.

[Bei {firma} sehen wir vor allem diese Themen: {bedarfe}.] [{lage}] [Rund {anteil_50plus} \
Ihrer Beschäftigten sind 50 Jahre oder älter.] [Derzeit suchen Sie Personal für \
{offene_stellen}.] [{aktuelles}]

[Dazu passen aus unserem Angebot: {nutzen}.] Das Projekt ist öffentlich gefördert; \
für Ihren Betrieb ist die Teilnahme in der Regel kostenfrei.

Gern stellen wir Ihnen das Angebot in einem kurzen Gespräch vor."""
