"""`import-ties`: ties from a CSV file (or Excel workbook), all or nothing.

Each row names two ends, each by a person's e-mail address or by an
organisation's name and postal code, and the kind, strength (1–5) and
optionally trust (1–5), since, last contact, note and purpose of the tie
between them. The recognised column headings, German and English, are in
`columns.HEADINGS`; an example file is in the command's help.

Reading and checking (`columns`, `values`, `rows`) is pure; `service.ties_import`
resolves the ends in the workspace, checks every row before writing anything
and writes through `network.services.tie_save` in one transaction.
"""

from .service import TieImportResult, ties_import

__all__ = ["TieImportResult", "ties_import"]
