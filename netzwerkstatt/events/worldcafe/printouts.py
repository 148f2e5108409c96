"""The World-Café printouts: which template, and items laid out on A4 sheets."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import slugify

from .pages import WorldCafePage

# Badges and schedule cards: 2 columns × 4 rows of 95 × 68 mm on an A4 sheet.
COLUMNS, ROWS = 2, 4


@dataclass(frozen=True)
class Printout:
    template: str
    filename: str  # without extension; German, as the documents are


PRINTOUTS = {
    "table_plan": Printout("events/pdf_table_plan.html", "Tischplan"),
    "schedule_cards": Printout("events/pdf_schedule_cards.html", "Laufzettel"),
    "badges": Printout("events/pdf_badges.html", "Namensschilder"),
    "topic_signs": Printout("events/pdf_topic_signs.html", "Tischaufsteller"),
}


def sheets(items: Sequence, *, columns: int = COLUMNS, rows: int = ROWS) -> list[list[list]]:
    """Items in sheets of rows of `columns` (the last row padded with None)."""
    per_sheet = columns * rows
    found = []
    for start in range(0, len(items), per_sheet):
        chunk = list(items[start : start + per_sheet])
        chunk += [None] * (-len(chunk) % columns)
        found.append([chunk[i : i + columns] for i in range(0, len(chunk), columns)])
    return found


def printout_context(page: WorldCafePage, document: str) -> dict:
    context = {"page": page, "event": page.event}
    if document == "badges":
        context["sheets"] = sheets(page.participants)
    elif document == "schedule_cards":
        context["sheets"] = sheets(page.routes)
    return context


def printout_filename(page: WorldCafePage, document: str) -> str:
    return f"{PRINTOUTS[document].filename}-{slugify(page.event.title)[:40]}.pdf"
