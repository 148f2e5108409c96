"""The German classification of economic activities, WZ 2008: sections and divisions.

Shipped as data (`data/wz2008.csv`, titles as published by Destatis); an
organisation stores the two-digit division code, the section follows from it.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "wz2008.csv"


@dataclass(frozen=True)
class Classification:
    code: str
    section: str
    title: str

    @property
    def is_section(self) -> bool:
        return self.code.isalpha()

    def __str__(self):
        return f"{self.code} {self.title}"


@cache
def _entries() -> dict[str, Classification]:
    with DATA_FILE.open(encoding="utf-8", newline="") as data:
        return {
            row["code"]: Classification(row["code"], row["section"], row["title"])
            for row in csv.DictReader(data, delimiter=";")
        }


def sections() -> list[Classification]:
    return [entry for entry in _entries().values() if entry.is_section]


def divisions() -> list[Classification]:
    return [entry for entry in _entries().values() if not entry.is_section]


def get(code: str) -> Classification | None:
    return _entries().get(code.strip().upper())


def divisions_of(section: str) -> list[str]:
    return [entry.code for entry in divisions() if entry.section == section.upper()]


def division_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Divisions grouped by section, for a <select> with <optgroup>s."""
    return [
        (str(section), [(d.code, str(d)) for d in divisions() if d.section == section.code])
        for section in sections()
    ]


def parse(value: str) -> str | None:
    """The division code in a free-form sector value ("28", "28.1", "C 28", "28.11.0"), or None."""
    digits = "".join(char for char in value if char.isdigit())
    if len(digits) < 2:
        return None
    code = digits[:2]
    return code if code in _entries() else None
