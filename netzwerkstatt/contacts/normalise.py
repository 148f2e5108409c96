"""Folding of names and search terms so that spelling variants find each other.

"Müller", "Mueller" and "muller" fold to "muller"; "Straße" and "Strasse" to
"strasse"; "Café" to "cafe". The same folding is applied to stored search keys
and to what a user types, so matching is a plain substring test. (A search that starts inside a
transliteration, such as "eller" for "Mueller", does not match; searches start
at the beginning of a word in practice.)
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, accent-free, umlaut-tolerant form of `text` for searching."""
    # Transliterations first, accents after: "üe" and "uee" must fold alike.
    text = text.casefold().replace("ae", "a").replace("oe", "o").replace("ue", "u")  # ß → ss
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _SPACES.sub(" ", text).strip()


def name_key(*parts: str) -> str:
    """Folded name without punctuation, for finding duplicates ("G.m.b.H." = "GmbH")."""
    folded = fold(" ".join(part for part in parts if part))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", folded.replace(".", ""))).strip()
