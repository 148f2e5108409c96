"""Small XLSX tables for exports, with text that stays text (`core.spreadsheet.xlsx_text`).

openpyxl stores a string that starts with "=" as a formula; a company called
"=HYPERLINK(…)" must not become one in someone's spreadsheet, so every text cell
is written as text.
"""

import io

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Font

from .spreadsheet import xlsx_text

BOLD = Font(bold=True)


def row_append(sheet, row: list, *, bold: bool = False) -> None:
    # The cells are made here and appended as they are: finding the appended row again
    # (`sheet[sheet.max_row]`) scans every cell of the sheet, quadratic for long tables.
    cells = [Cell(sheet, value=value) for value in row]
    for cell in cells:
        xlsx_text(cell)
        if bold:
            cell.font = BOLD
    sheet.append(cells)


def table_add(workbook: Workbook, title: str, headers: list[str], rows: list[list]) -> None:
    """A sheet with a bold, frozen header row and columns as wide as their text (at most 60)."""
    sheet = workbook.create_sheet(title=title[:31])  # Excel allows 31 characters
    row_append(sheet, headers, bold=True)
    for row in rows:
        row_append(sheet, row)
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)


def workbook_bytes(workbook: Workbook) -> bytes:
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
