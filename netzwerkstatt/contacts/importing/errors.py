from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RowError:
    """A problem with one row of the file, reported with where it is and why.

    `row` is the row number a spreadsheet program shows (the header row is 1); for
    vCards it is the line on which the card begins. `column` is the file's own
    column heading (or vCard property), so the user finds the cell they must fix.
    """

    row: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


class UnusableInputError(Exception):
    """The file cannot be read at all: unknown format, not text, broken beyond one row."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
