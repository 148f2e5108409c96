"""German word forms the demo data needs: gendered job titles and ASCII spellings."""

import re

_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e"})
_NON_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def gendered(title: str, *, female: bool) -> str:
    """The feminine or masculine form of a title written "Referent/in" or "Vorsitzende/r".

    "Erste/r Bevollmächtigte/r" becomes "Erste Bevollmächtigte" or "Erster Bevollmächtigter";
    titles without a slash ("Geschäftsführung") are the same for everyone.
    """
    return " ".join(_gendered_word(word, female=female) for word in title.split(" "))


def _gendered_word(word: str, *, female: bool) -> str:
    if word.endswith("/in"):
        return word.removesuffix("/in") + ("in" if female else "")
    if word.endswith("/r"):
        return word.removesuffix("/r") + ("" if female else "r")
    return word


def ascii_slug(text: str) -> str:
    """Lower-case ASCII with umlauts spelt out, as in addresses: "Kröger & Söhne" → "kroeger-soehne"."""
    ascii_text = text.lower().translate(_ASCII)
    return _NON_ALPHANUMERIC.sub("-", ascii_text).strip("-")
