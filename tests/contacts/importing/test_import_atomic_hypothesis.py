"""Bad rows anywhere in a contact list: nothing is written and each error names its row.

Proof 8 of issue 7. Hypothesis builds an otherwise valid CSV file (names, e-mail
addresses, organisations, quoted notes with line breaks and semicolons), plants one
or more bad rows at random positions, and imports it through the service and through
the `import-contacts` command. Afterwards every table of the database is exactly as
before (row counts and checksums of all rows), and the errors name exactly the planted
rows: the row number a spreadsheet shows, the header being row 1.

Each example runs in a savepoint that is rolled back, so every example starts from
the same database, on SQLite and PostgreSQL alike.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerkstatt.contacts.importing.reading import read_source
from netzwerkstatt.contacts.importing.service import contacts_import
from tests.factories import OrganisationFactory, PersonFactory
from tests.snapshots import database_fingerprint

HEADER = "Vorname;Nachname;E-Mail;Firma;PLZ;Telefon;Notizen"
HEADER_ROWS = 1
COLUMNS = HEADER.count(";") + 1

first_names = st.sampled_from(["Anna", "Ben", "Cem", "Dörte", "Émile", ""])
last_names = st.sampled_from(["Berg", "Tal", "Öztürk", "Weiß", "O'Neill"])
notes = st.sampled_from(["", "Messe 2024", '"Rückruf; im März"', '"Zeile eins\nZeile zwei"'])


@st.composite
def good_rows(draw) -> str:
    number = draw(st.integers(min_value=1, max_value=999))
    organisation = draw(st.sampled_from(["", "Berg GmbH", "Tal & Söhne KG"]))
    return ";".join(
        [
            draw(first_names),
            draw(last_names),
            draw(st.sampled_from(["", f"kontakt{number}@betrieb.example"])),
            organisation,
            draw(st.sampled_from(["", "38518"])) if organisation else "",
            draw(st.sampled_from(["", "05371 123456", "+49 (0)5371/9876-0"])),
            draw(notes),
        ]
    )


# A bad row and the column its error names ("" for the whole row).
BAD_ROWS = [
    ("Max;Muster;max@;;;;", "E-Mail"),
    ("Max;Muster;max@muster.example;Muster AG;123;;", "PLZ"),
    ("Max;Muster;;Muster AG;3851S;;", "PLZ"),
    ("Max;Muster;;;;Zentrale;", "Telefon"),
    (";;;;;;Nur eine Notiz", ""),
    ("Max;Muster;;;;;;zu viel", ""),
    ("Max;Muster", ""),
]


@st.composite
def files_with_bad_rows(draw) -> tuple[bytes, list[tuple[int, str]]]:
    """A CSV file and the (row number, column) of each bad row planted in it."""
    rows = draw(st.lists(good_rows(), min_size=0, max_size=12))
    bad = draw(st.lists(st.sampled_from(BAD_ROWS), min_size=1, max_size=3))
    planted = []
    for line, column in bad:
        position = draw(st.integers(min_value=0, max_value=len(rows)))
        rows.insert(position, line)
        planted.append((position, line, column))
    # Positions shift as later rows go in before earlier ones: find each bad row's index.
    expected = []
    taken = set()
    for _position, line, column in planted:
        index = next(i for i, row in enumerate(rows) if row == line and i not in taken)
        taken.add(index)
        expected.append((HEADER_ROWS + 1 + index, column))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    text = HEADER + newline + "".join(row + newline for row in rows)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig"]))), sorted(expected)


@pytest.fixture
def existing_contacts(workspace):
    """Contacts the file's rows are duplicates of, so the import has something to merge into."""
    organisation = OrganisationFactory(workspace=workspace, name="Berg GmbH", postal_code="38518")
    PersonFactory(workspace=workspace, first_name="Anna", last_name="Berg")
    return organisation


@pytest.fixture
def baseline(existing_contacts):
    """The database before any example: each must leave it so (and so start from it)."""
    return database_fingerprint()


def _imported_by_service(scope, data: bytes, tmp_path) -> list[tuple[int, str]]:
    result = contacts_import(scope=scope, source=read_source(data))
    assert result.stopped
    return [(error.row, error.column) for error in result.errors]


def _imported_by_command(scope, data: bytes, tmp_path) -> list[tuple[int, str]]:
    """`netzwerkstatt import-contacts FILE --workspace … --json`: exit code 1, errors as JSON."""
    path = tmp_path / "kontakte.csv"
    path.write_bytes(data)
    output = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import-contacts",
            str(path),
            workspace=scope.workspace.slug,
            as_json=True,
            stdout=output,
        )
    assert exit_info.value.code == 1
    return [(error["row"], error["column"]) for error in json.loads(output.getvalue())["errors"]]


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    planted=files_with_bad_rows(),
    run=st.sampled_from([_imported_by_service, _imported_by_command]),
)
def test_contact_import_with_bad_rows_changes_nothing_and_names_them(
    scope, baseline, tmp_path, planted, run
):
    data, expected = planted
    with transaction.atomic():
        reported = run(scope, data, tmp_path)

        assert sorted(reported) == expected
        assert database_fingerprint() == baseline
        transaction.set_rollback(True)
