"""No CSV or XLSX export hands a spreadsheet program a formula typed into the app.

The demo is loaded once, then every free-text column of the demo's rows (names, titles,
notes, descriptions …) is overwritten with formula payloads. Each CSV and XLSX export
is downloaded as the demo's lead, and every cell is checked: a CSV cell that a
spreadsheet would read as a formula must come escaped (a leading apostrophe); an XLSX
cell must never be a formula and, if its text looks like one, carry the quote prefix.
Each export must also contain some of the payloads, so a check that sees none proves
nothing. A CSV or XLSX route that is not listed in EXPORTS fails the test.
"""

import csv
import io
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import Workbook, load_workbook

from netzwerkstatt.core.models import User, Workspace
from netzwerkstatt.core.spreadsheet import csv_value, xlsx_text
from netzwerkstatt.demo.loader import DEMO_WORKSPACE_SLUG
from netzwerkstatt.demo.users import DEMO_USERS
from netzwerkstatt.events.models import Event
from netzwerkstatt.steering.models import Network

pytestmark = pytest.mark.django_db
PAYLOADS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]
LEAD = DEMO_USERS[0]
# Columns that hold secrets, keys or codes rather than text somebody types.
NOT_FREE_TEXT = re.compile(r"token|hash|key|password|slug|code|sector|mapping|format|colou?r")
# The start of a formula (OWASP's list), unless all that follows a sign is digits and separators.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9 ()/.,-]+")
PERIOD = {"start": "2023-01-01", "end": "2027-12-31"}


def runs_as_formula(text: str) -> bool:
    return text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text)


def _free_text_fields(model) -> list[models.Field]:
    unique = {name for group in model._meta.unique_together for name in group}
    for constraint in model._meta.constraints:
        unique.update(getattr(constraint, "fields", ()))
    fields = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField) or field.choices:
            continue
        if isinstance(field, models.EmailField | models.URLField | models.SlugField):
            continue
        if NOT_FREE_TEXT.search(field.name) or field.primary_key:
            continue
        if isinstance(field, models.CharField) and (field.max_length or 0) < 40:
            continue
        field.planted_unique = field.unique or field.name in unique
        fields.append(field)
    return fields


def _plant(workspace: Workspace) -> int:
    """Every free-text column of the workspace's rows (and its users') set to the payloads,
    one payload per row in turn; the row's id is appended where values must be unique."""
    planted = 0
    for model in apps.get_models():
        if not model.__module__.startswith("netzwerkstatt.") or model._meta.app_label == "audit":
            continue  # the audit log holds ids, not text, and is append-only
        if model is User:
            rows = User.objects.filter(email__in=[user.email for user in DEMO_USERS])
        elif model is Workspace:
            rows = Workspace.objects.filter(pk=workspace.pk)
        elif any(field.name == "workspace" for field in model._meta.concrete_fields):
            rows = model.objects.filter(workspace=workspace)
        else:
            continue
        fields = _free_text_fields(model)
        if not fields:
            continue
        for pk in rows.values_list("pk", flat=True):
            values = {}
            for offset, field in enumerate(fields):
                payload = PAYLOADS[(pk + offset) % len(PAYLOADS)]
                values[field.attname] = f"{payload} {pk}" if field.planted_unique else payload
            model.objects.filter(pk=pk).update(**values)
            planted += 1
    return planted


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load-demo", stdout=StringIO())
        workspace = Workspace.objects.get(slug=DEMO_WORKSPACE_SLUG)
        network = Network.objects.filter(workspace=workspace).order_by("pk").first()
        event = (
            Event.objects.filter(workspace=workspace)
            .annotate(invited=models.Count("invitations"))
            .order_by("-invited", "pk")
            .first()
        )
        assert _plant(workspace) > 1000
    yield {"network": network, "event": event}
    with django_db_blocker.unblock():
        workspace.delete()
        User.objects.filter(email__in=[user.email for user in DEMO_USERS]).delete()


# url name → (how to build the address from the demo, the query, the file formats)
EXPORTS = {
    "contacts:organisation_export": (lambda demo: {"file_format": "csv"}, {}, "csv"),
    "contacts:person_export": (lambda demo: {"file_format": "csv"}, {}, "csv"),
    "network:graph_export": (lambda demo: {"file_format": "nodes.csv"}, {}, "csv"),
    "acquisition:figures_xlsx": (lambda demo: {}, PERIOD, "xlsx"),
    "acquisition:funder_report_xlsx": (lambda demo: {}, PERIOD, "xlsx"),
    "steering:goals_xlsx": (lambda demo: {"pk": demo["network"].pk}, {}, "xlsx"),
    "steering:action_items_xlsx": (lambda demo: {}, {}, "xlsx"),
    "events:participants_export": (lambda demo: {"pk": demo["event"].pk}, {}, "csv"),
    "audit:log_xlsx": (lambda demo: {}, {}, "xlsx"),
}
# Further formats of the same routes.
MORE_FORMATS = [
    ("contacts:organisation_export", {"file_format": "xlsx"}, "xlsx"),
    ("contacts:person_export", {"file_format": "xlsx"}, "xlsx"),
    ("network:graph_export", {"file_format": "edges.csv"}, "csv"),
]


def _spreadsheet_routes() -> set[str]:
    found = set()

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = (prefix + str(pattern.pattern)).lower()
                if "csv" in route or "xls" in route:
                    found.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, "", "")
    return found


def test_every_csv_and_xlsx_route_is_checked():
    assert _spreadsheet_routes() == set(EXPORTS)


def _lead_client() -> Client:
    client = Client()
    client.force_login(User.objects.get(email=LEAD.email))
    return client


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _csv_cells(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    return [cell for row in rows for cell in row]


def _check_csv(content: bytes) -> int:
    """The planted payloads found (escaped); fails on any cell that would run."""
    escaped = 0
    for cell in _csv_cells(content):
        assert not runs_as_formula(cell), cell
        if cell.startswith("'") and runs_as_formula(cell[1:]):
            escaped += 1
    return escaped


def _check_xlsx(content: bytes) -> int:
    escaped = 0
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and runs_as_formula(cell.value):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                    escaped += 1
    return escaped


def _download(demo, name: str, kwargs: dict, query: dict, file_format: str) -> int:
    client = _lead_client()
    if name == "audit:log_xlsx":  # reads of persons' pages put their names into the log
        person = demo["event"].invitations.order_by("pk").first().person
        assert client.get(person.get_absolute_url()).status_code == 200
    response = client.get(reverse(name, kwargs=kwargs), query)
    assert response.status_code == 200, (name, _content(response)[:500])
    content = _content(response)
    return _check_csv(content) if file_format == "csv" else _check_xlsx(content)


@pytest.mark.parametrize("name", list(EXPORTS))
def test_export_neutralises_planted_formulas(demo, name):
    arguments, query, file_format = EXPORTS[name]

    escaped = _download(demo, name, arguments(demo), query, file_format)

    assert escaped > 0, f"{name}: no planted text reached the export"


@pytest.mark.parametrize(("name", "kwargs", "file_format"), MORE_FORMATS)
def test_other_formats_of_an_export_neutralise_planted_formulas(demo, name, kwargs, file_format):
    _download(demo, name, kwargs, {}, file_format)


def test_all_four_payloads_come_out_escaped(demo):
    response = _lead_client().get(reverse("contacts:person_export", kwargs={"file_format": "csv"}))
    cells = set(_csv_cells(_content(response)))

    for payload in PAYLOADS:
        assert "'" + payload in cells, payload


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+49 5371 1234", "+49 5371 1234"),  # a phone number stays as it is
        ("-12,50", "-12,50"),
        ("Müller = Meier", "Müller = Meier"),
        (None, ""),
        (42, "42"),
    ],
)
def test_the_shared_rule_escapes_formulas_and_keeps_numbers(value, written):
    assert csv_value(value) == written
    assert runs_as_formula(written) is False


def test_the_shared_rule_marks_xlsx_text_cells():
    sheet = Workbook().active
    formula, number = sheet["A1"], sheet["A2"]
    formula.value, number.value = "=1+1", "+49 5371 1234"

    xlsx_text(formula)
    xlsx_text(number)

    assert (formula.data_type, formula.quotePrefix) == ("s", True)
    assert (number.data_type, number.quotePrefix) == ("s", False)
