"""Script payloads for the XSS proofs (issue 7, proof 5), and where to put them.

`PAYLOADS` covers the contexts a value ends up in: HTML text and attributes, text
areas, URLs, JavaScript strings, JSON inside a script element, and template syntax
that must never be evaluated. `plant_payloads()` writes them into every free-text
field of every row of our apps' models: the fields come from the data-protection
registry (personal, free text and not personal alike) and are kept when model
introspection says they hold free text. `dangerous_fragments()` finds what of them
reached an HTML page unescaped.
"""

import re
from collections.abc import Iterator

from django.db import models

from netzwerkstatt.privacy.registry import registry

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
URL = "javascript:alert(1)"
TEMPLATE = "{{7*7}}{% debug %}"
TEXTAREA = "</textarea><svg onload=alert(1)>"
JS_STRING = "'-alert(1)-'"
JSON_IN_SCRIPT = "</script><script>alert(1)</script>"

PAYLOADS = (SCRIPT, ATTRIBUTE, URL, TEMPLATE, TEXTAREA, JS_STRING, JSON_IN_SCRIPT)
# All of them in one value, for fields long enough to take it.
COMBINED = "".join(PAYLOADS)

# What a payload looks like when it escaped escaping: markup a browser would run, or a
# URL it would follow. `'-alert(1)-'` is only dangerous outside text (Django escapes the
# quotes), so finding it raw means a value was put somewhere without escaping.
DANGEROUS = (
    "<script>alert(1)",
    "<img src=x onerror",
    "<svg onload",
    JS_STRING,
    'href="javascript:',
    "href='javascript:",
    'src="javascript:',
    'action="javascript:',
)
# json_script's element: its content is JSON with <, > and & escaped, where a quote is inert.
_JSON_SCRIPT = re.compile(
    r'(<script[^>]*type="application/json"[^>]*>)(.*?)(</script>)', re.DOTALL | re.IGNORECASE
)
# Template syntax that was evaluated: 7*7 is no Django syntax (it would fail), {% debug %}
# would dump the context.
EVALUATED = ("{'csrf_token'", "sql_queries")

# Text fields that hold no free text although they are CharFields: secrets, hashes and
# keys the code looks rows up by, and the password.
NOT_FREE_TEXT = re.compile(r"(^|_)(token|hash|key|password|prefix|code|slug|uid|ip)$")
SUFFIX = " #{pk}"


def free_text_fields() -> dict[type[models.Model], list[models.Field]]:
    """Every field of our models that takes free text, by model.

    The registry lists every field of every model (a system check fails otherwise);
    of those, CharFields and TextFields without choices that the user edits: no e-mail,
    URL or slug fields (they are validated; URLs are tested on their own), no derived
    keys (`editable=False`), no secrets.
    """
    found = {}
    for model, classification in registry().items():
        fields = []
        for name in sorted(classification.classified):
            field = model._meta.get_field(name)
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if isinstance(field, models.EmailField | models.URLField | models.SlugField):
                continue
            if field.choices or not field.editable or NOT_FREE_TEXT.search(name):
                continue
            fields.append(field)
        if fields:
            found[model] = fields
    return found


def payload_for(field: models.Field, turn: int) -> str | None:
    """The combined payload if it fits the field, else one payload that does (in turn)."""
    room = (field.max_length or 10_000) - len(SUFFIX.format(pk=10**9))
    if room >= len(COMBINED):
        return COMBINED
    fitting = [payload for payload in PAYLOADS if len(payload) <= room]
    return fitting[turn % len(fitting)] if fitting else None


def plant_payloads() -> dict[str, int]:
    """Every free-text field of every row gets a payload; returns how many fields per model.

    Written with `update()`, so no service normalises the text first; each value ends
    with the row's id, so that fields unique within a workspace stay unique.
    """
    planted = {}
    for model, fields in free_text_fields().items():
        rows = model._base_manager.order_by("pk").values_list("pk", flat=True)
        for turn, pk in enumerate(rows):
            values = {}
            for index, field in enumerate(fields):
                payload = payload_for(field, turn + index)
                if payload is not None:
                    values[field.attname] = payload + SUFFIX.format(pk=pk)
            model._base_manager.filter(pk=pk).update(**values)
        planted[model._meta.label] = len(fields)
    return planted


def dangerous_fragments(html: str) -> Iterator[str]:
    """The fragments of `html` where a payload runs: each with some context around it."""
    text = _JSON_SCRIPT.sub(lambda match: match.group(1) + _json_checked(match.group(2)), html)
    for fragment in (*DANGEROUS, *EVALUATED):
        start = text.find(fragment)
        if start >= 0:
            yield text[max(0, start - 80) : start + 80]


def _json_checked(content: str) -> str:
    """A json_script element's content with the quotes left out; markup stays to be found."""
    return content.replace(JS_STRING, "")
