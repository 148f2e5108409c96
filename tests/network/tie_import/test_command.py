import io
import json

import pytest
from django.core.management import ManagementUtility, call_command

from netzwerkstatt.network.models import Tie

from .conftest import FILES, database_state


def _run(*args: str) -> tuple[int, str, str]:
    """Run the command as the console script does; return exit code, stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import-ties", *args, stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def test_import_ties_json_success(people, workspace):
    code, out, _err = _run(str(FILES / "excel_de_utf8_bom.csv"), "--workspace", "bv-nord", "--json")

    assert code == 0
    assert json.loads(out) == {
        "ties_created": 4,
        "ties_strengthened": 0,
        "rows_read": 4,
        "errors": [],
    }
    assert Tie.objects.filter(workspace=workspace).count() == 4


def test_import_ties_errors_stop_with_exit_code_1_and_write_nothing(people, workspace):
    before = database_state(workspace)

    code, out, _err = _run(str(FILES / "invalid_rows.csv"), "--workspace", "bv-nord", "--json")

    assert code == 1
    result = json.loads(out)
    assert (result["ties_created"], result["ties_strengthened"], result["rows_read"]) == (0, 0, 10)
    assert [(error["row"], error["column"]) for error in result["errors"]][:3] == [
        (2, "Von E-Mail"),
        (3, "An Organisation"),
        (4, "Art"),
    ]
    assert all(error["message"] for error in result["errors"])
    assert database_state(workspace) == before


def test_import_ties_skip_invalid_imports_valid_rows_with_exit_code_0(people):
    code, out, _err = _run(
        str(FILES / "invalid_rows.csv"), "--workspace", "bv-nord", "--json", "--skip-invalid"
    )

    assert code == 0
    result = json.loads(out)
    assert (result["ties_created"], len(result["errors"])) == (1, 9)


def test_import_ties_dry_run_writes_nothing(people, workspace):
    before = database_state(workspace)

    code, out, _err = _run(
        str(FILES / "excel_de_windows1252.csv"), "--workspace", "bv-nord", "--dry-run", "--json"
    )

    assert code == 0
    assert json.loads(out)["ties_created"] == 4
    assert database_state(workspace) == before


@pytest.mark.parametrize("name", ["binary.csv", "missing_columns.csv", "does_not_exist.csv"])
def test_import_ties_unusable_input_exits_with_code_2(people, workspace, name):
    before = database_state(workspace)

    code, out, _err = _run(str(FILES / name), "--workspace", "bv-nord", "--json")

    assert code == 2
    (error,) = json.loads(out)["errors"]
    assert (error["row"], error["column"]) == (None, "")
    assert error["message"]
    assert database_state(workspace) == before


def test_import_ties_unusable_input_without_json_explains_on_stderr(people):
    code, out, err = _run(str(FILES / "missing_columns.csv"), "--workspace", "bv-nord")

    assert (code, out) == (2, "")
    assert "Vorname" in err


def test_import_ties_unknown_workspace_exits_with_code_2(db, capsys):
    utility = ManagementUtility(
        ["netzwerkstatt", "import-ties", str(FILES / "invalid_rows.csv"), "--workspace", "nix"]
    )

    with pytest.raises(SystemExit) as exit_:
        utility.execute()

    assert exit_.value.code == 2
    assert "„nix“" in capsys.readouterr().err


def test_import_ties_unknown_workspace_with_json_prints_the_error(db):
    code, out, _err = _run(str(FILES / "invalid_rows.csv"), "--workspace", "nix", "--json")

    assert code == 2
    assert "„nix“" in json.loads(out)["errors"][0]["message"]


def test_import_ties_human_output_lists_errors_and_counts(people):
    code, out, _err = _run(str(FILES / "invalid_rows.csv"), "--workspace", "bv-nord")

    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("Zeile 2, Spalte ‚Von E-Mail‘: ")
    assert "Gelesene Zeilen: 10" in [" ".join(line.split()) for line in lines]
    assert "--skip-invalid" in lines[-1]


def test_import_ties_help_documents_the_columns(capsys):
    utility = ManagementUtility(["netzwerkstatt", "import-ties", "--help"])

    with pytest.raises(SystemExit):
        utility.execute()

    help_text = capsys.readouterr().out
    for heading in ("Von E-Mail", "Von Organisation", "Von PLZ", "An E-Mail", "Art", "Stärke"):
        assert heading in help_text
    # In German, whatever the width the lines are wrapped at.
    text = " ".join(help_text.split())
    assert "Importiert Beziehungen zwischen Personen und Organisationen aus einer CSV-Datei" in text
    assert "file CSV- oder .xlsx-Datei, eine Beziehung je Zeile" in text
    assert "--workspace WORKSPACE Kurzname des Arbeitsbereichs" in text
    assert "Von E-Mail / From e-mail erste Seite (Von): eine Person, über ihre E-Mail" in text
    assert "Stärke / Strength 1 (kennen sich kaum) bis 5 (sehr eng), Pflicht" in text
    assert "Beispiel (CSV, wie ein deutsches Excel sie speichert):" in text
