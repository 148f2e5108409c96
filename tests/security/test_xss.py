"""Stored and reflected script payloads come back escaped everywhere (proof 5 of issue 7).

One of every object is planted (tests/planted.py) and then every free-text field of
every row gets payloads (tests/security/xss_payloads.py). Every page of the URLconf is
opened as the lead, as a plain request and as an htmx request with payloads in the
query string: list and detail pages, htmx fragments, the network map and its JSON, the
pipeline board, World Café pages, the steering dashboard, the public registration,
survey and report pages, PDFs and exports. No HTML page may contain a payload in a form
a browser runs; JSON and files are never served as HTML; exports hold the payloads as
plain text (XML exports stay well-formed); PDFs render.
"""

import io
import subprocess
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import escape, json_script

from netzwerkstatt.core.enums import Role
from netzwerkstatt.privacy.registry import models_to_classify
from tests.factories import MembershipFactory
from tests.planted import plant_everything
from tests.security.probe import matrix_pages, page_requests
from tests.security.xss_payloads import (
    PAYLOADS,
    SCRIPT,
    URL,
    dangerous_fragments,
    free_text_fields,
    plant_payloads,
)

# Export formats besides the one the route tables fill in.
EXTRA_EXPORTS = (
    "/kontakte/organisationen/export.xlsx",
    "/kontakte/organisationen/export.vcf",
    "/kontakte/personen/export.xlsx",
    "/kontakte/personen/export.vcf",
    "/netzwerk/karte/export.graphml",
    "/netzwerk/karte/export.nodes.csv",
    "/netzwerk/karte/export.edges.csv",
)
QUERY = dict.fromkeys(("q", "search", "tag", "city", "district", "name"), SCRIPT)
TEXT_TYPES = ("text/csv", "text/vcard", "text/calendar", "text/plain")
XML_TYPES = ("application/xml", "text/xml", "application/gexf+xml", "application/graphml+xml")
ELEMENTS_OF_PAYLOADS = {"script", "img", "svg", "textarea"}
# Files served as uploaded (the planted presentation is a stub, the photos are images).
UPLOADED_FILES = {"events:presentation_file", "events:report_presentation"}
# Files without free text: counts and ids only, or schedule cards of a café not yet planned.
WITHOUT_TEXT = (
    "/akquise/kennzahlen/export.xlsx",
    "/netzwerk/karte/export.edges.csv",
    "/world-cafe/laufzettel.pdf",
)
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def world(workspace, settings):
    """Everything planted in the workspace, payloads in every free-text field; and a lead."""
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    planted = plant_everything(workspace, SCRIPT)
    lead = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    plant_payloads()
    # page_requests asks for a foreign object too; this test opens only its own.
    return SimpleNamespace(own=planted, foreign=planted, lead=lead)


def _body(response) -> bytes:
    # Read to the end, not closed: closing ends the test's connection on PostgreSQL
    # (see tests/files.py).
    return b"".join(response.streaming_content) if response.streaming else response.content


def _paths(world) -> list[tuple[str, str]]:
    paths = []
    for name, route, pattern in matrix_pages():
        if name.startswith("api:"):
            continue  # JSON for clients, checked by the schemathesis proof
        paths += [(name, path) for variant, path in page_requests(world, name, route, pattern)
                  if variant == "own"]  # fmt: skip
    return paths + [("export", path) for path in EXTRA_EXPORTS]


def _problems_of_file(name: str, path: str, content_type: str, body: bytes) -> list[str]:
    """A file must hold the payloads as text; XML must stay well-formed."""
    if name in UPLOADED_FILES or path.endswith(WITHOUT_TEXT):
        return []
    if content_type.startswith("application/pdf"):
        text = subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S607 -- poppler-utils on PATH (make test installs it)
            input=body,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return [] if "alert(1)" in text else [f"{path}: PDF without the payload's text"]
    if content_type.startswith("application/vnd.openxmlformats"):
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        cells = " ".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
        return [] if "alert(1)" in cells else [f"{path}: workbook without the payload"]
    if content_type.startswith(XML_TYPES):
        root = ET.fromstring(body)  # noqa: S314 - our own export, parsed to prove it is well-formed
        injected = {element.tag.rpartition("}")[2] for element in root.iter()}
        injected &= ELEMENTS_OF_PAYLOADS
        return [f"{path}: payload became XML elements {injected}"] if injected else []
    if content_type.startswith(TEXT_TYPES):
        text = body.decode("utf-8", "replace")
        return [] if "alert(1)" in text else [f"{path}: export without the payload"]
    return []


def test_every_page_escapes_the_payloads(client, world):
    client.force_login(world.lead)
    failures, opened, kinds, escaped = [], 0, {}, 0
    for name, path in _paths(world):
        for extra in ({}, {"data": QUERY, "headers": {"HX-Request": "true"}}):
            response = client.get(path, **extra)
            opened += 1
            body = _body(response)
            content_type = response.get("Content-Type", "")
            kinds[content_type.split(";")[0]] = kinds.get(content_type.split(";")[0], 0) + 1
            if response.status_code >= 500:
                failures.append(f"{path} ({name}): {response.status_code}")
                continue
            if "html" in content_type:
                text = body.decode("utf-8", "replace")
                escaped += ESCAPED in text
                failures += [
                    f"{path} ({name}): …{fragment}…" for fragment in dangerous_fragments(text)
                ]
            elif response.status_code == 200 and not extra:
                failures += _problems_of_file(name, path, content_type, body)
            if "html" not in content_type:
                break  # files and JSON: once is enough
    assert opened > 400
    # The payloads did reach the pages, as text.
    assert escaped > 150, escaped
    assert not failures, f"{len(failures)} of {opened} responses ({kinds}):\n" + "\n".join(failures)


def test_every_model_text_field_gets_a_payload():
    """The planting reaches every text field the registry knows, short codes aside."""
    fields = {field for found in free_text_fields().values() for field in found}

    assert len(fields) > 80
    for model in models_to_classify():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField):
                assert field in fields, f"{model._meta.label}.{field.name} gets no payload"


@pytest.mark.parametrize(
    "field",
    [
        field
        for model in models_to_classify()
        for field in model._meta.concrete_fields
        if isinstance(field, models.URLField)
    ],
    ids=str,
)
def test_url_fields_refuse_javascript_urls(field):
    with pytest.raises(ValidationError):
        field.clean(URL, None)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_dangerous_fragments_finds_raw_payloads_and_passes_escaped_ones(payload):
    raw = f"<p>{payload}</p>"
    escaped = f"<p>{escape(payload)}</p>"
    in_json = f'<script id="x" type="application/json">{json_script_content(payload)}</script>'

    found = list(dangerous_fragments(raw))

    assert bool(found) == (payload not in {URL, "{{7*7}}{% debug %}"})
    assert not list(dangerous_fragments(escaped))
    assert not list(dangerous_fragments(in_json))


def json_script_content(value: str) -> str:
    return json_script(value, "x").split(">", 1)[1].rsplit("<", 1)[0]
