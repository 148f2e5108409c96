import csv
import io
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerkstatt.contacts.importing.errors import RowError, UnusableInputError
from netzwerkstatt.contacts.importing.tabular import CsvTable, XlsxTable, sniff_delimiter

from .conftest import file_bytes


def test_csv_table_reads_quoted_line_breaks_and_counts_rows_like_a_spreadsheet():
    text = 'Name;Notizen;Ort\r\nBerg;"erste Zeile\r\nzweite; Zeile";Gifhorn\r\nDorf;;Wolfsburg\r\n'

    table = CsvTable(text)

    assert table.delimiter == ";"
    assert table.headers == ["Name", "Notizen", "Ort"]
    assert list(table.rows()) == [
        (2, ["Berg", "erste Zeile\r\nzweite; Zeile", "Gifhorn"]),
        (3, ["Dorf", "", "Wolfsburg"]),
    ]


def test_csv_table_row_with_extra_cells_is_an_error_naming_the_row():
    table = CsvTable(file_bytes("wrong_column_count.csv").decode("utf-8"))

    rows = list(table.rows())

    assert rows[1] == RowError(3, "", "Die Zeile hat 5 Spalten, die Kopfzeile hat 4.")
    assert [row[0] for row in rows if not isinstance(row, RowError)] == [2, 4]


def test_csv_table_trailing_empty_cells_are_not_an_error():
    table = CsvTable("Vorname;Nachname\r\nAnna;Berg;;\r\n")

    assert list(table.rows()) == [(2, ["Anna", "Berg"])]


def test_csv_table_skips_blank_lines_but_keeps_row_numbers():
    table = CsvTable("\r\nVorname,Nachname\r\n\r\nAnna,Berg\r\n")

    assert table.headers == ["Vorname", "Nachname"]
    assert list(table.rows()) == [(4, ["Anna", "Berg"])]


def test_csv_table_unclosed_quote_beyond_field_limit_is_unusable():
    text = 'Name;Notiz\r\nBerg;"offen\r\n' + "x" * 200_000

    with pytest.raises(UnusableInputError, match="Zeile 2: Ab hier"):
        list(CsvTable(text).rows())


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [
        ("outlook_de_windows1252.csv", ","),
        ("excel_de_utf8_bom.csv", ";"),
        ("google_contacts.csv", ","),
    ],
)
def test_sniff_delimiter_of_real_exports(name, delimiter):
    text = file_bytes(name).decode("utf-8", errors="replace")

    assert sniff_delimiter(text) == delimiter


def test_sniff_delimiter_header_decides_over_commas_in_cells():
    text = "Firma;Ort\r\nMüller, Söhne & Co.;Gifhorn, Stadt\r\nBerg, Tal;Wolfsburg, Nord\r\n"

    assert sniff_delimiter(text) == ";"


headings = (
    st.text(
        alphabet=st.characters(
            whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" -.äöüß"
        ),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)
cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters='\r\n;,\t"'),
    max_size=30,
)


@settings(deadline=None)
@given(
    delimiter=st.sampled_from([";", ",", "\t"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    width=st.integers(min_value=2, max_value=6),
    data=st.data(),
)
def test_csv_dialect_detection_round_trip(delimiter, quoting, width, data):
    header = data.draw(st.lists(headings, min_size=width, max_size=width))
    rows = data.draw(
        st.lists(st.lists(cells, min_size=width, max_size=width), max_size=8).filter(
            lambda rows: all(any(row) for row in rows)
        )
    )
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(
        [header, *rows]
    )

    table = CsvTable(buffer.getvalue())

    assert table.delimiter == delimiter
    assert table.headers == header
    assert [cells for _number, cells in table.rows()] == rows


def _workbook(*rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_xlsx_table_reads_first_sheet_as_text():
    data = _workbook(
        ["Firma", "PLZ", "Mitarbeiter", "Seit", None],
        ["Elbtal GmbH", 1067, 42.0, datetime(2024, 3, 1), None],
        [None, None, None, None, None],
        ["Berg AG", "38518", None],
    )

    table = XlsxTable(data)

    assert table.headers == ["Firma", "PLZ", "Mitarbeiter", "Seit"]
    assert list(table.rows()) == [
        (2, ["Elbtal GmbH", "1067", "42", "2024-03-01"]),
        (4, ["Berg AG", "38518", "", ""]),
    ]


def test_xlsx_table_cell_beyond_the_header_is_an_error():
    table = XlsxTable(_workbook(["Firma", "Ort"], ["Berg AG", "Gifhorn", "verrutscht"]))

    assert list(table.rows()) == [RowError(2, "", "Die Zeile hat 3 Spalten, die Kopfzeile hat 2.")]


def test_xlsx_table_empty_workbook_is_unusable():
    with pytest.raises(UnusableInputError, match="Tabellenblatt"):
        XlsxTable(_workbook())


def test_xlsx_table_broken_archive_is_unusable():
    with pytest.raises(UnusableInputError, match="Excel-Datei kann nicht gelesen"):
        XlsxTable(_workbook(["Firma"])[:-200])
