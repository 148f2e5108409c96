"""Bad rows anywhere in a tie list: nothing is written and each error names its row.

Proof 8 of issue 7, for the tie import. Hypothesis builds an otherwise valid CSV file
of ties between persons (by e-mail address) and organisations (by name and postal
code), some of which exist already and would be strengthened, plants one or more bad
rows at random positions, and imports it through the service and through the
`import-ties` command. Afterwards every table of the database is exactly as before,
and the errors name exactly the planted rows (the header is row 1).

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

from netzwerkstatt.network.tie_import import ties_import
from tests.factories import EmailAddressFactory, OrganisationFactory, PersonFactory, TieFactory
from tests.snapshots import database_fingerprint

HEADER = (
    "Von E-Mail;Von Organisation;Von PLZ;Art;An E-Mail;An Organisation;An PLZ;"
    "Stärke;Vertrauen;Seit;Letzter Kontakt;Notiz"
)
HEADER_ROWS = 1
EMAILS = ["anna.meyer@igmetall.example", "petra.schulz@ihk.example", "carl.bauer@hwk.example"]
ORGANISATIONS = [
    ("Metallbau Müller GmbH", "38518"),
    ("IHK Lüneburg-Wolfsburg", "21335"),
    ("Handwerkskammer Braunschweig", "38100"),
]

strengths = st.sampled_from(["1", "3", "5"])
trusts = st.sampled_from(["", "2", "5"])
dates = st.sampled_from(["", "2019", "12.03.2021", "2020-05-01"])
tie_notes = st.sampled_from(["", "Tarifrunde", '"Ausbildungsbörse; jährlich"', '"Zwei\nZeilen"'])


@st.composite
def good_rows(draw) -> str:
    kind = draw(st.sampled_from(["persons", "person_organisation", "organisations"]))
    strength, trust, since, note = draw(strengths), draw(trusts), draw(dates), draw(tie_notes)
    if kind == "persons":
        first, second = draw(st.permutations(EMAILS))[:2]
        ends = [first, "", "", "kennt", second, "", ""]
    elif kind == "person_organisation":
        email = draw(st.sampled_from(EMAILS))
        name, postal_code = draw(st.sampled_from(ORGANISATIONS))
        ends = [email, "", "", "berät", "", name, draw(st.sampled_from([postal_code, ""]))]
    else:
        (name, code), (other, other_code) = draw(st.permutations(ORGANISATIONS))[:2]
        ends = ["", name, code, "Kooperation", "", other, other_code]
    return ";".join([*ends, strength, trust, since, "", note])


# A bad row and the column its error names ("" for the whole row).
BAD_ROWS = [
    ("unbekannt@nirgends.example;;;kennt;petra.schulz@ihk.example;;;3;;;;", "Von E-Mail"),
    ("anna.meyer@igmetall.example;;;Kooperation;petra.schulz@ihk.example;;;3;;;;", "Art"),
    ("anna.meyer@igmetall.example;;;befreundet;petra.schulz@ihk.example;;;3;;;;", "Art"),
    ("anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;7;;;;", "Stärke"),
    ("anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;;;;;", "Stärke"),
    ("anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;3;;31.02.2019;;", "Seit"),
    ("anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;3;;2999;;", "Seit"),
    (";Gibt es nicht AG;12345;Kooperation;;IHK Lüneburg-Wolfsburg;;3;;;;", "Von Organisation"),
    ("anna.meyer@igmetall.example;;;kennt;anna.meyer@igmetall.example;;;3;;;;", ""),
    ("anna.meyer@igmetall.example;;;kennt;petra.schulz@ihk.example;;;3;;;;;zu viel", ""),
]


@st.composite
def files_with_bad_rows(draw) -> tuple[bytes, list[tuple[int, str]]]:
    """A CSV file and the (row number, column) of each bad row planted in it."""
    rows = draw(st.lists(good_rows(), min_size=0, max_size=12))
    bad = draw(st.lists(st.sampled_from(BAD_ROWS), min_size=1, max_size=3))
    for line, _column in bad:
        rows.insert(draw(st.integers(min_value=0, max_value=len(rows))), line)
    # Later rows may go in before earlier ones: each bad row's place is found at the end.
    expected, taken = [], set()
    for line, column in bad:
        index = next(i for i, row in enumerate(rows) if row == line and i not in taken)
        taken.add(index)
        expected.append((HEADER_ROWS + 1 + index, column))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    text = HEADER + newline + "".join(row + newline for row in rows)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))), sorted(expected)


@pytest.fixture
def contacts(workspace):
    """The persons and organisations the rows name, and a tie the rows would strengthen."""
    persons = []
    for email in EMAILS:
        first, last = email.split("@")[0].title().split(".")
        person = PersonFactory(workspace=workspace, first_name=first, last_name=last)
        EmailAddressFactory(person=person, workspace=workspace, address=email)
        persons.append(person)
    for name, postal_code in ORGANISATIONS:
        OrganisationFactory(workspace=workspace, name=name, postal_code=postal_code)
    TieFactory(workspace=workspace, source_person=persons[0], target_person=persons[1])
    return persons


@pytest.fixture
def baseline(contacts):
    """The database before any example: each must leave it so (and so start from it)."""
    return database_fingerprint()


def _imported_by_service(scope, data: bytes, tmp_path) -> list[tuple[int, str]]:
    result = ties_import(scope=scope, data=data)
    assert result.stopped
    assert (result.ties_created, result.ties_strengthened) == (0, 0)
    return [(error.row, error.column) for error in result.errors]


def _imported_by_command(scope, data: bytes, tmp_path) -> list[tuple[int, str]]:
    """`netzwerkstatt import-ties FILE --workspace … --json`: exit code 1, errors as JSON."""
    path = tmp_path / "beziehungen.csv"
    path.write_bytes(data)
    output = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import-ties", str(path), workspace=scope.workspace.slug, as_json=True, stdout=output
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
def test_tie_import_with_bad_rows_changes_nothing_and_names_them(
    scope, baseline, tmp_path, planted, run
):
    data, expected = planted
    with transaction.atomic():
        reported = run(scope, data, tmp_path)

        assert sorted(reported) == expected
        assert database_fingerprint() == baseline
        transaction.set_rollback(True)
