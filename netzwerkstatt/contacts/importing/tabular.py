"""Tables from CSV text and Excel workbooks: a header row and numbered rows of cells.

Both kinds give the same shape, so mapping and validation do not care where a
row came from. Row numbers are those a spreadsheet program shows (header = 1),
also when a quoted cell spans several lines of the CSV file.
"""

import csv
import io
import re
import warnings
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from datetime import date, datetime, time
from itertools import islice

from django.utils.translation import gettext as _

from .errors import RowError, UnusableInputError

DELIMITERS = (";", ",", "\t")
_SNIFF_ROWS = 50
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")

TableRow = tuple[int, list[str]]


class Table(ABC):
    """Header and rows of a tabular file; `rows()` can be read more than once."""

    headers: list[str]

    @abstractmethod
    def rows(self) -> Iterator[TableRow | RowError]: ...

    def preview(self, *, limit: int) -> list[list[str]]:
        valid = (row for row in self.rows() if not isinstance(row, RowError))
        return [cells for _number, cells in islice(valid, limit)]

    def _fitted(self, number: int, cells: list[str]) -> TableRow | RowError:
        """The row cut or padded to the header's width, or an error if cells would be lost."""
        width = len(self.headers)
        if len(cells) > width and not any(cells[width:]):
            cells = cells[:width]
        if len(cells) != width:
            return RowError(
                number,
                "",
                _("The row has %(found)s columns, the header row has %(expected)s.")
                % {"found": len(cells), "expected": width},
            )
        return number, cells


class CsvTable(Table):
    def __init__(self, text: str):
        self.text = text
        self.delimiter = sniff_delimiter(text)
        records = self._records()
        header = next(((n, cells) for n, cells in records if any(cells)), None)
        if header is None:
            raise UnusableInputError(_("The file is empty."))
        self._header_row = header[0]
        self.headers = [cell.strip().lstrip("\ufeff") for cell in header[1]]

    def rows(self) -> Iterator[TableRow | RowError]:
        for number, cells in self._records():
            if number > self._header_row and any(cells):
                yield self._fitted(number, cells)

    def _records(self) -> Iterator[TableRow]:
        reader = csv.reader(_lines(self.text), delimiter=self.delimiter)
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                raise UnusableInputError(
                    _(
                        "Row %(row)s: the file cannot be read from here on, probably because "
                        "a quotation mark is not closed."
                    )
                    % {"row": number + 1}
                ) from None
            number += 1
            yield number, cells


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their line breaks, as a file gives them to the csv module.

    Lazily, because io.StringIO would copy the whole text (at four bytes a character).
    """
    return (match.group() for match in _LINE.finditer(text))


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header row into columns and the rows into as many.

    Cells often hold a comma or semicolon (a company name, Outlook's categories),
    headings rarely do. So a delimiter must split the header row; of those, the
    one whose rows fit the header's width best wins, then the one giving more columns.
    """
    sample = text[: 64 * 1024]

    def score(delimiter: str) -> tuple[bool, float, int]:
        try:
            reader = csv.reader(_lines(sample), delimiter=delimiter)
            records = [record for record in islice(reader, _SNIFF_ROWS) if record]
        except csv.Error:
            return (False, 0.0, 0)
        if not records:
            return (False, 0.0, 0)
        width = len(records[0])
        rows = records[1:-1] or records[1:]  # the last sampled record may be cut off
        fitting = sum(len(row) == width for row in rows) / len(rows) if rows else 1.0
        return (width > 1, fitting, width)

    return max(DELIMITERS, key=score)


class XlsxTable(Table):
    """The first worksheet of an Excel workbook; its first non-empty row is the header."""

    def __init__(self, data: bytes):
        self.data = data
        header = next(((n, cells) for n, cells in self._sheet_rows() if any(cells)), None)
        if header is None:
            raise UnusableInputError(_("The first worksheet of the workbook is empty."))
        self._header_row = header[0]
        self.headers = [cell.strip() for cell in header[1]]
        while self.headers and not self.headers[-1]:
            self.headers.pop()

    def rows(self) -> Iterator[TableRow | RowError]:
        width = len(self.headers)
        for number, cells in self._sheet_rows():
            if number > self._header_row and any(cells):
                # Excel leaves out empty cells at a row's end; they are empty, not missing.
                yield self._fitted(number, cells + [""] * (width - len(cells)))

    def _sheet_rows(self) -> Iterator[TableRow]:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            with warnings.catch_warnings():
                # openpyxl warns about workbook features it does not read (data
                # validation, conditional formats); they do not matter for contacts.
                warnings.simplefilter("ignore")
                workbook = load_workbook(io.BytesIO(self.data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
            raise UnusableInputError(
                _("The Excel file cannot be read. Save it again as an Excel workbook (.xlsx).")
            ) from None
        try:
            sheet = workbook.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [cell_text(value) for value in values]
        finally:
            workbook.close()


def cell_text(value) -> str:
    """A cell's value as the text a user sees: 38518 not 38518.0, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0, 0):
        return value.date().isoformat()
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)
