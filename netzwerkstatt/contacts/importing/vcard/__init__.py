"""vCards as address books write them: a parser for 2.1, 3.0 and 4.0, and a 3.0 writer.

What real files contain and this parser handles: folded lines (3.0/4.0 drop the
one leading blank of a continuation line, 2.1 keeps it), Outlook's 2.1
QUOTED-PRINTABLE values with soft line breaks (`=` at a line's end) and
CHARSET=Windows-1252, bare 2.1 parameters (`TEL;WORK;VOICE:`), quoted 4.0
parameter values, grouped properties (`item1.EMAIL`), backslash escapes, and
embedded photos (BASE64), which are skipped. A broken card is reported with the
line it is on; the other cards are still read.
"""

from .cards import Address, Card, Typed
from .reader import parse_vcards
from .writer import serialise_card, serialise_organisation, serialise_person

__all__ = [
    "Address",
    "Card",
    "Typed",
    "parse_vcards",
    "serialise_card",
    "serialise_organisation",
    "serialise_person",
]
