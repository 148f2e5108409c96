import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from openpyxl import Workbook

from netzwerkstatt.contacts.importing.errors import UnusableInputError
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.selectors import data_versions
from netzwerkstatt.network.enums import Provenance, TieKind
from netzwerkstatt.network.models import Tie
from netzwerkstatt.network.tie_import import ties_import
from tests.factories import EmailAddressFactory, PersonFactory, TieFactory

from .conftest import database_state, file_bytes

HEADER = "Von E-Mail;Von Organisation;Von PLZ;Art;An E-Mail;An Organisation;An PLZ;Stärke;Vertrauen;Seit\r\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\r\n" for row in rows)).encode()


def _ties() -> list[tuple]:
    return sorted(
        (
            tie.kind,
            str(tie.source),
            str(tie.target),
            tie.strength,
            tie.trust,
            tie.since,
            tie.last_contact,
            tie.note,
        )
        for tie in Tie.objects.all()
    )


GERMAN_EXCEL_TIES = [
    (
        TieKind.COOPERATION,
        "IHK Lüneburg-Wolfsburg",
        "Handwerkskammer Braunschweig",
        5,
        4,
        dt.date(2018, 1, 1),
        None,
        "Gemeinsame Ausbildungsbörse; jährlich",
    ),
    (
        TieKind.ADVISES,
        "Anna Meyer",
        "Metallbau Müller GmbH",
        3,
        None,
        dt.date(2021, 3, 12),
        None,
        "",
    ),
    (
        TieKind.KNOWS,
        "Anna Meyer",
        "Petra Schulz",
        4,
        5,
        dt.date(2019, 1, 1),
        dt.date(2025, 2, 3),
        "Tarifrunde",
    ),
    (
        TieKind.MEMBERSHIP,
        "Metallbau Müller GmbH",
        "IHK Lüneburg-Wolfsburg",
        2,
        None,
        None,
        None,
        "",
    ),
]


@pytest.mark.parametrize("name", ["excel_de_utf8_bom.csv", "excel_de_windows1252.csv"])
def test_ties_import_reads_german_excel_files(scope, people, name):
    result = ties_import(scope=scope, data=file_bytes(name))

    assert result.as_dict() == {
        "ties_created": 4,
        "ties_strengthened": 0,
        "rows_read": 4,
        "errors": [],
    }
    assert _ties() == sorted(GERMAN_EXCEL_TIES)
    assert set(Tie.objects.values_list("provenance", flat=True)) == {Provenance.IMPORT}
    assert set(Tie.objects.values_list("recorded_by", flat=True)) == {scope.user.pk}


def test_ties_import_reads_english_headings_commas_and_iso_dates(scope, people):
    result = ties_import(scope=scope, data=file_bytes("english_comma.csv"))

    assert (result.ties_created, result.errors) == (3, [])
    assert _ties() == sorted(
        [
            (
                TieKind.WORKS_WITH,
                "Anna Meyer",
                "Petra Schulz",
                3,
                None,
                dt.date(2020, 5, 1),
                dt.date(2025, 1, 15),
                "",
            ),
            (
                TieKind.SUPPLIES,
                "Metallbau Müller GmbH",
                "Bäckerei Schmidt",
                2,
                None,
                None,
                None,
                "Bleche, Zuschnitte",
            ),
            (
                TieKind.COOPERATION,
                "IHK Lüneburg-Wolfsburg",
                "Handwerkskammer Braunschweig",
                4,
                None,
                None,
                None,
                "",
            ),
        ]
    )
    assert Tie.objects.get(kind=TieKind.WORKS_WITH).purpose == "Tarifpolitik"
    assert Tie.objects.get(kind=TieKind.SUPPLIES).target == people["schmidt_bs"]


def test_ties_import_reads_excel_workbooks(scope, people):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Von E-Mail", "Art", "An Organisation", "An PLZ", "Stärke", "Seit"])
    sheet.append(
        [
            "anna.meyer@igmetall.example",
            "Mitglied im Vorstand",
            "Bäckerei Schmidt",
            38518,
            4,
            dt.datetime(2017, 6, 1),
        ]
    )
    data = io.BytesIO()
    workbook.save(data)

    result = ties_import(scope=scope, data=data.getvalue())

    assert result.errors == []
    tie = Tie.objects.get()
    assert (tie.kind, tie.source, tie.target, tie.since) == (
        TieKind.BOARD_MEMBER,
        people["anna"],
        people["schmidt_gifhorn"],
        dt.date(2017, 6, 1),
    )


def test_ties_import_person_organisation_kinds_read_from_either_end(scope, people):
    result = ties_import(
        scope=scope,
        data=_csv(";Metallbau Müller GmbH;38518;berät;anna.meyer@igmetall.example;;;3;;"),
    )

    assert result.errors == []
    tie = Tie.objects.get()
    assert (tie.kind, tie.source, tie.target) == (
        TieKind.ADVISES,
        people["anna"],
        people["mueller"],
    )


def test_ties_import_strengthens_existing_ties(scope, people):
    TieFactory(
        workspace=scope.workspace,
        source_person=people["anna"],
        target_person=people["petra"],
        strength=2,
    )

    result = ties_import(
        scope=scope,
        data=_csv(
            "anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;4;;",
            "petra.schulz@ihk.example;;;kennt;anna.meyer@igmetall.example;;;3;5;",
        ),
    )

    assert (result.ties_created, result.ties_strengthened) == (0, 2)
    tie = Tie.objects.get()
    assert (tie.strength, tie.trust) == (4, 5)


def test_ties_import_records_one_activity_with_counts_and_bumps_the_network(scope, people):
    before = data_versions(workspace=scope.workspace, topics=("network",))[0]

    ties_import(scope=scope, data=file_bytes("excel_de_utf8_bom.csv"))

    entry = ActivityEntry.objects.get(action=Action.IMPORTED)
    assert entry.details == {
        "model": "network.tie",
        "count": 4,
        "format": "csv",
        "rows_read": 4,
        "ties_created": 4,
        "ties_strengthened": 0,
        "errors": 0,
    }
    assert data_versions(workspace=scope.workspace, topics=("network",))[0] > before


def test_ties_import_reports_every_invalid_row_and_writes_nothing(scope, people, workspace):
    before = database_state(workspace)

    with translation.override("en"):
        result = ties_import(scope=scope, data=file_bytes("invalid_rows.csv"))

    assert result.stopped
    assert (result.rows_read, result.ties_created, result.ties_strengthened) == (10, 0, 0)
    found = [(error.row, error.column) for error in result.errors]
    assert found == [
        (2, "Von E-Mail"),
        (3, "An Organisation"),
        (4, "Art"),
        (5, "Stärke"),
        (6, "Seit"),
        (7, "Art"),
        (9, "Von Organisation"),
        (10, ""),
        (11, "Von Organisation"),
    ]
    messages = {error.row: error.message for error in result.errors}
    assert "unbekannt@nirgends.example" in messages[2]
    assert "Several organisations are called “Bäckerei Schmidt”" in messages[3]
    assert "“Kooperation” is no tie between two persons" in messages[4]
    assert messages[5] == "“7” is not a whole number from 1 to 5."
    assert "31.02.2019" in messages[6]
    assert "“befreundet” is not a known kind of tie" in messages[7]
    assert "No organisation “Gibt es nicht AG” with the postal code 12345" in messages[9]
    assert messages[10] == "A tie needs two different ends."
    assert database_state(workspace) == before


def test_ties_import_skip_invalid_writes_the_valid_rows(scope, people):
    result = ties_import(scope=scope, data=file_bytes("invalid_rows.csv"), skip_invalid=True)

    assert not result.stopped
    assert (result.ties_created, len(result.errors)) == (1, 9)
    assert Tie.objects.get().strength == 2


def test_ties_import_dry_run_counts_exactly_and_writes_nothing(scope, people, workspace):
    TieFactory(workspace=workspace, source_person=people["anna"], target_person=people["petra"])
    before = database_state(workspace)

    result = ties_import(scope=scope, data=file_bytes("excel_de_utf8_bom.csv"), dry_run=True)

    assert (result.ties_created, result.ties_strengthened, result.stopped) == (3, 1, False)
    assert database_state(workspace) == before


def test_ties_import_dry_run_with_errors_counts_the_valid_rows(scope, people, workspace):
    before = database_state(workspace)

    result = ties_import(scope=scope, data=file_bytes("invalid_rows.csv"), dry_run=True)

    assert (result.ties_created, result.stopped) == (1, True)
    assert database_state(workspace) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing_columns.csv", "lacks columns a tie needs"),
        ("binary.csv", "not a text file in a known encoding"),
    ],
)
def test_ties_import_unusable_files_are_refused(scope, people, workspace, name, message):
    before = database_state(workspace)

    with translation.override("en"), pytest.raises(UnusableInputError) as refused:
        ties_import(scope=scope, data=file_bytes(name))

    assert message in refused.value.message
    assert database_state(workspace) == before


def test_ties_import_missing_columns_name_what_is_needed(scope, people):
    with translation.override("en"), pytest.raises(UnusableInputError) as refused:
        ties_import(scope=scope, data="Von E-Mail;Stärke\r\na@b.example;3\r\n".encode())

    assert "“An E-Mail” or “An Organisation”" in refused.value.message
    assert "“Art”" in refused.value.message
    assert "“Stärke”" not in refused.value.message.split("The columns are")[0]


def test_ties_import_missing_columns_quoted_the_german_way(scope, people):
    with translation.override("de"), pytest.raises(UnusableInputError) as refused:
        ties_import(scope=scope, data="Von E-Mail;Stärke\r\na@b.example;3\r\n".encode())

    message = refused.value.message
    assert "„An E-Mail“ oder „An Organisation“; „Art“." in message
    assert "Die Spalten sind: „Von E-Mail“, „Stärke“." in message
    assert "”" not in message  # no English closing quote left


def test_ties_import_doubled_column_is_refused(scope):
    with pytest.raises(UnusableInputError):
        ties_import(scope=scope, data=b"Von E-Mail;From e-mail;Art;An E-Mail;St\xc3\xa4rke\r\n")


@pytest.mark.parametrize("data", [b"", b"  \r\n", b"\xd0\xcf\x11\xe0rest"])
def test_ties_import_empty_or_old_excel_files_are_refused(scope, data):
    with pytest.raises(UnusableInputError):
        ties_import(scope=scope, data=data)


@pytest.mark.parametrize("name", ["unclosed_quote.csv", "wrong_column_count.csv"])
def test_ties_import_malformed_rows_stop_the_import(scope, people, workspace, name):
    before = database_state(workspace)

    result = ties_import(scope=scope, data=file_bytes(name))

    assert result.stopped
    assert result.errors
    assert database_state(workspace) == before


def test_ties_import_same_tie_twice_in_a_file_is_created_once(scope, people):
    result = ties_import(
        scope=scope,
        data=_csv(
            "anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;2;;",
            "anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;3;;",
        ),
    )

    assert (result.ties_created, result.ties_strengthened) == (1, 1)
    assert Tie.objects.get().strength == 3


def test_ties_import_never_finds_another_workspaces_contacts(scope, people, other_workspace):
    stranger = PersonFactory(workspace=other_workspace)
    EmailAddressFactory(person=stranger, workspace=other_workspace, address="fremd@fremd.example")

    result = ties_import(
        scope=scope,
        data=_csv(
            "fremd@fremd.example;;;kennt;petra.schulz@ihk.example;;;2;;",
            ";Metallbau Müller GmbH;38518;Kooperation;;Fremdbetrieb;;2;;",
        ),
    )

    assert [(error.row, error.column) for error in result.errors] == [
        (2, "Von E-Mail"),
        (3, "An Organisation"),
    ]
    assert not Tie.objects.exists()


def test_ties_import_organisation_without_postal_code_matches_by_name(scope, people, workspace):
    people["ihk"].postal_code = ""
    people["ihk"].save()

    result = ties_import(
        scope=scope,
        data=_csv(";Handwerkskammer Braunschweig;;Kooperation;;IHK Lüneburg-Wolfsburg;21335;3;;"),
    )

    assert result.errors == []
    tie = Tie.objects.get()
    assert {tie.source, tie.target} == {people["ihk"], people["hwk"]}


def test_ties_import_needs_the_network_permission(workspace, partner, people):
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        ties_import(scope=partner_scope, data=file_bytes("excel_de_utf8_bom.csv"))
