import io
import json

import pytest
from django.core.management import ManagementUtility, call_command

from netzwerkstatt.contacts.models import Person
from tests.factories import EmailAddressFactory

from .conftest import FILES, database_state


def _run(*args: str) -> tuple[int, str, str]:
    """Run the command as the console script does; return exit code, stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import-contacts", *args, stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_command_json_success(workspace):
    code, out, _err = _run(
        str(FILES / "outlook_de_windows1252.csv"), "--workspace", "bv-nord", "--json"
    )

    assert code == 0
    assert json.loads(out) == {
        "organisations_created": 3,
        "persons_created": 3,
        "duplicates": 0,
        "rows_read": 4,
        "errors": [],
    }
    assert Person.objects.filter(workspace=workspace).count() == 3


def test_command_errors_stop_the_import_with_exit_code_1(workspace):
    before = database_state(workspace)

    code, out, _err = _run(str(FILES / "invalid_email.csv"), "--workspace", "bv-nord", "--json")

    assert code == 1
    assert json.loads(out)["errors"] == [
        {
            "row": 3,
            "column": "E-Mail-Adresse",
            "message": "„max@“ ist keine gültige E-Mail-Adresse.",
        },
        {
            "row": 4,
            "column": "Postleitzahl",
            "message": "„38S18“ ist keine deutsche Postleitzahl (fünf Ziffern).",
        },
    ]
    assert database_state(workspace) == before


def test_command_skip_invalid_imports_valid_rows_with_exit_code_0(workspace):
    code, out, _err = _run(
        str(FILES / "invalid_email.csv"), "--workspace", "bv-nord", "--json", "--skip-invalid"
    )

    assert code == 0
    result = json.loads(out)
    assert (result["persons_created"], len(result["errors"])) == (1, 2)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_encoding.csv", "keine Textdatei in einer bekannten Zeichenkodierung"),
        ("does_not_exist.csv", "Die Datei kann nicht gelesen werden"),
    ],
)
def test_command_unusable_input_exits_with_code_2(workspace, name, message):
    code, out, _err = _run(str(FILES / name), "--workspace", "bv-nord", "--json")

    assert code == 2
    (error,) = json.loads(out)["errors"]
    assert error["row"] is None
    assert message in error["message"]


def test_command_unusable_input_without_json_explains_on_stderr(workspace):
    code, out, err = _run(str(FILES / "bad_encoding.csv"), "--workspace", "bv-nord")

    assert (code, out) == (2, "")
    assert "Speichern Sie sie in Ihrem Tabellenprogramm als „CSV UTF-8“." in err


def test_command_unknown_workspace_exits_with_code_2(db, capsys):
    utility = ManagementUtility(
        ["netzwerkstatt", "import-contacts", str(FILES / "invalid_email.csv"), "--workspace", "nix"]
    )

    with pytest.raises(SystemExit) as exit_:
        utility.execute()

    assert exit_.value.code == 2
    assert "„nix“" in capsys.readouterr().err


def test_command_human_output_in_german(workspace):
    code, out, _err = _run(str(FILES / "invalid_email.csv"), "--workspace", "bv-nord")

    assert code == 1
    assert _lines(out) == [
        "Zeile 3, Spalte ‚E-Mail-Adresse‘: „max@“ ist keine gültige E-Mail-Adresse.",
        "Zeile 4, Spalte ‚Postleitzahl‘: „38S18“ ist keine deutsche Postleitzahl (fünf Ziffern).",
        "Gelesene Zeilen: 3",
        "Angelegte Organisationen: 0",
        "Angelegte Personen: 0",
        "Übersprungene Dubletten: 0",
        "Ungültige Zeilen: 2",
        (
            "Wegen der Fehler oben wurde nichts importiert. Korrigieren Sie die Datei oder "
            "importieren Sie mit --skip-invalid nur die gültigen Zeilen."
        ),
    ]


def test_command_dry_run_writes_nothing(workspace):
    before = database_state(workspace)

    code, out, _err = _run(
        str(FILES / "outlook_de_windows1252.csv"), "--workspace", "bv-nord", "--dry-run"
    )

    assert code == 0
    assert "Angelegte Personen: 3" in _lines(out)
    assert _lines(out)[-1] == "Probelauf: Es wurde nichts gespeichert."
    assert database_state(workspace) == before


def test_command_merge_duplicates(workspace):
    person = EmailAddressFactory(
        person__workspace=workspace,
        person__first_name="",
        address="j.mueller@giesserei-mueller.example",
    ).person

    code, out, _err = _run(
        str(FILES / "outlook_de_windows1252.csv"), "--workspace", "bv-nord", "--duplicates", "merge"
    )

    assert code == 0
    assert "Zusammengeführte Dubletten: 1" in _lines(out)
    person.refresh_from_db()
    assert person.first_name == "Jürgen"


def test_command_reports_progress_on_stderr_for_big_files(workspace, tmp_path):
    rows = "".join(f"Person{n};Nachname{n};p{n}@betrieb.example\r\n" for n in range(5000))
    path = tmp_path / "gross.csv"
    path.write_text("Vorname;Nachname;E-Mail\r\n" + rows, encoding="utf-8")

    code, _out, err = _run(str(path), "--workspace", "bv-nord")

    assert code == 0
    assert err.splitlines() == [
        "5000 Zeilen gelesen …",
        "Schreibe 5000 Zeilen in die Datenbank …",
    ]


def test_command_file_without_known_columns_exits_with_code_2(workspace, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(b"Spalte A;Spalte B\r\nx;y\r\n")

    code, _out, err = _run(str(path), "--workspace", "bv-nord")

    assert code == 2
    assert "(die Spalten sind: Spalte A, Spalte B)" in err
