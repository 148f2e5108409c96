"""Text that stays text in spreadsheets: the one rule against formula injection.

Spreadsheet programs run a cell that starts with "=", "+", "-" or "@" (or a tab
or carriage return before one of them) as a formula; a company called
`=HYPERLINK("http://…")` or a note `-2+3+cmd|' /C calc'!A0` typed into the app
must come out of every export as the words it is. Every CSV and XLSX export
writes its cells through this module:

- CSV: such a cell gets a leading apostrophe (`csv_value`), as OWASP recommends;
  the spreadsheet then shows it as text.
- XLSX: a text cell is stored as a string, never a formula, and one that looks like
  a formula is marked with Excel's quote prefix (`xlsx_text`), so it stays text even
  when somebody edits the cell. Its value is kept unchanged.

Plain numbers such as "+49 5371 1234" or "-12,50" are left alone: digits, spaces and
a few separators after the sign cannot call a function.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[\d\s()/.,-]+")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet program would read this text as a formula."""
    return text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text)


def csv_value(value) -> str:
    """The value as a CSV field that a spreadsheet program shows as text."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if formula_like(text) else text


def csv_stream(headers: list[str], rows: Iterable[list]) -> Iterator[str]:
    """CSV as German Excel opens it: UTF-8 with BOM, semicolons, CRLF; every field neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([csv_value(header) for header in headers])
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_text(cell):
    """The openpyxl cell (also a write-only one) with text kept as text; returns the cell.

    openpyxl stores a string that starts with "=" as a formula.
    """
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if formula_like(cell.value):
            cell.quotePrefix = True
    return cell
