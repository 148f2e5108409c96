"""IDOR: another workspace's ids smuggled into forms, filters and API bodies change nothing.

The forms are found, not listed: the lead opens every page of the matrix with the own
objects, and every form the page renders (also in panels and formsets) is read from the
template context. Every field that takes an object — model choices, the person and
organisation pickers (`NodeChoiceField`, "person:<id>") and the plain id fields named
in ID_FIELDS — is then sent back to that page with the other workspace's object in it,
the rest of the form filled with the page's own values:

- no row of any table may change (the request runs in a rolled-back savepoint) but the
  derived caches a page may fill on any request (DERIVED_TABLES); a filter form's POST
  may redirect, having done nothing;
- a model choice's queryset must not even offer the foreign object;
- sent as a query filter (GET) it shows nothing of the other workspace.

The same data with the own object instead shows which of these forms were complete
enough to save (they make the check bite); the count is logged. Forms that a page does
not render (posted from elsewhere, or without a Django form) are in HAND_CASES.

The API: every write operation gets bodies whose ids point at the other workspace
(`tests/api/test_isolation.py` builds them) and bodies valid but for one foreign id: no
row anywhere changes.
"""

import datetime
import logging
import re
from html import unescape

import pytest
from django import forms
from django.db.models import Model

from netzwerkstatt.core.models import User
from netzwerkstatt.network.forms import NodeChoiceField
from tests.api.schema import schema_operations_by_id
from tests.factories import MembershipFactory
from tests.routes import fill_route, url_patterns
from tests.security.probe import (
    FOREIGN_MARKER,
    api_ids,
    build_world,
    matrix_pages,
    page_requests,
)

log = logging.getLogger(__name__)

# Form fields that take an object's id without being a model choice: field name → object.
ID_FIELDS = {
    "project": "project",
    "organisation": "organisation",
    "person": "person",
    "persons": "person",
    "people": "person",
    "recommender": "person",
    "contact_person": "person",
    "successor_coordinator": "person",
    "successor": "person",
    "staff": "person",
    "member": "network_member",
    "network": "network",
    "event": "event",
    "stage": "stage",
    "measure": "measure",
    "need": "need",
    "topic": "network_topic",
    "template": "benefit_template",
    "tag": "tag",
    "connected_to": "person",
    "respondent": "person",
    "programme_item": "programme_item",
    "speaker": "person",
    "speakers": "person",
    "attendees": "person",
    "table_round": "table_round",
    "owner": "person",
}

# Caches of derived data that pages fill whenever they find them stale, whatever was sent.
DERIVED_TABLES = {"acquisition_warmpathscore"}

# Query filters the lists take: sent with the other workspace's ids, they must show nothing.
FILTERS = ("organisation", "person", "project", "network", "event", "tag", "stage", "owner")


def _foreign_object(world, model: type[Model] | None, name: str):
    """The other workspace's object a field of this model (or name) would take."""
    if model is User:
        return world.foreign_user
    if model is not None:
        for value in world.foreign.values():
            if type(value) is model:
                return value
    kind = ID_FIELDS.get(name.removesuffix("_id"))
    if kind == "tag":
        return world.foreign["organisation"].tags.first()
    return world.foreign.get(kind) if kind else None


def _id_fields(world, form: forms.BaseForm):
    """(bound field, foreign value as posted) for every field of the form taking an object."""
    for bound in form:
        field = bound.field
        model = getattr(getattr(field, "queryset", None), "model", None)
        if isinstance(field, NodeChoiceField):
            kind = "person" if "person" in field.types else "organisation"
            yield bound, f"{kind}:{world.foreign[kind].pk}"
            continue
        if model is None and bound.name.removesuffix("_id") not in ID_FIELDS:
            continue
        foreign = _foreign_object(world, model, bound.name)
        if foreign is not None:
            multiple = isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
            yield bound, [str(foreign.pk)] if multiple else str(foreign.pk)


def _plain(value):
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if value is True:
        return "on"
    return str(value)


def _sample(field: forms.Field):
    """A value the field accepts, for required fields the page left empty."""
    queryset = getattr(field, "queryset", None)
    if queryset is not None:
        first = queryset.first()
        value = str(first.pk) if first else None
        return [value] if value and isinstance(field, forms.ModelMultipleChoiceField) else value
    samples = (
        (NodeChoiceField, None),
        (forms.EmailField, "idor@example.org"),
        (forms.URLField, "https://example.org"),
        (forms.DateTimeField, "2026-03-02 10:00"),
        (forms.DateField, "2026-03-02"),
        (forms.TimeField, "10:00"),
        (forms.IntegerField | forms.DecimalField | forms.FloatField, None),
        (forms.BooleanField, "on"),
        (forms.FileField, None),
    )
    for kind, sample in samples:
        if isinstance(field, kind):
            if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
                return str(field.min_value if field.min_value is not None else 1)
            return sample
    if isinstance(field, forms.ChoiceField):
        values = [
            value
            for value, label in field.choices
            if value not in {"", None} and not isinstance(label, list | tuple)
        ]
        return (
            [str(values[0])]
            if values and isinstance(field, forms.MultipleChoiceField)
            else (str(values[0]) if values else None)
        )
    return "IDOR-Probe"


def _form_data(page_forms: list[forms.BaseForm]) -> dict:
    """Everything the page's forms would send back: their values, samples where empty."""
    data = {}
    for form in page_forms:
        for bound in form:
            value = bound.value()
            if value in (None, "", [], ()) or value is False:
                value = _sample(bound.field) if bound.field.required else None
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple) or (
                hasattr(value, "__iter__") and not isinstance(value, str)
            ):
                data[bound.html_name] = [_plain(item) for item in value]
            else:
                data[bound.html_name] = _plain(value)
    return data


@pytest.fixture
def world(workspace, other_workspace, settings):
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    world = build_world(workspace, other_workspace)
    world.foreign_user = MembershipFactory(workspace=other_workspace).user
    return world


def test_forms_take_no_foreign_ids(world):
    prober = world.prober("lead")
    failures, fields, biting, seen = [], 0, 0, set()
    for name, route, pattern in matrix_pages():
        if name.startswith("api:") or name in {"logout"}:
            continue
        for variant, path in page_requests(world, name, route, pattern):
            if variant != "own":
                continue
            page = prober.send("get", path, forms=True, watch=False)
            if not page.forms:
                continue
            own_data = _form_data(page.forms)
            html_forms = _html_forms(page.body, path)
            for form in page.forms:
                for bound, foreign_value in _id_fields(world, form):
                    target = _target(html_forms, bound.html_name, path)
                    where = f"{target} ({name}) {type(form).__name__}.{bound.name}"
                    if where in seen:
                        continue
                    seen.add(where)
                    fields += 1
                    queryset = getattr(bound.field, "queryset", None)
                    if queryset is not None and queryset.filter(pk=_first(foreign_value)).exists():
                        failures.append(f"{where}: offers the other workspace's object")
                    baseline = prober.send("post", target, own_data)
                    biting += bool(baseline.changed)
                    smuggled = prober.send(
                        "post", target, own_data | {bound.html_name: foreign_value}
                    )
                    changed = set(smuggled.changed) - DERIVED_TABLES
                    if changed or smuggled.error or (smuggled.status or 500) >= 500:
                        failures.append(f"{where}: {smuggled.status} {changed} {smuggled.error}")
                    elif FOREIGN_MARKER.lower() in smuggled.body.lower():
                        failures.append(f"{where}: shows the other workspace's data")
                    filtered = prober.send("get", path, {bound.html_name: foreign_value})
                    if FOREIGN_MARKER.lower() in filtered.body.lower() or filtered.error:
                        failures.append(f"{where} as a filter: {filtered.status} {filtered.error}")
    log.info("%s id fields in forms, %s in a form complete enough to save", fields, biting)

    assert fields > 40
    assert not failures, "\n".join(failures)


FORM_TAG = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.DOTALL | re.IGNORECASE)
TARGET = re.compile(r"\b(?:hx-post|action)=\"([^\"]+)\"")
NAME = re.compile(r"\bname=\"([^\"]+)\"")


def _html_forms(html: str, path: str) -> list[tuple[str, set[str]]]:
    """(where it posts to, the names it sends) of every <form> on the page."""
    found = []
    for attributes, inner in FORM_TAG.findall(html):
        target = TARGET.search(attributes)
        url = unescape(target.group(1)) if target else path
        found.append((url if url.startswith("/") else path, set(NAME.findall(inner))))
    return found


def _target(html_forms, field_name: str, path: str) -> str:
    """The address the page's form holding the field posts to (the page itself if none)."""
    for url, names in html_forms:
        if field_name in names:
            return url
    return path


def _first(value):
    return value[0] if isinstance(value, list) else value


def test_list_filters_show_nothing_foreign(world):
    prober = world.prober("lead")
    foreign_filters = {
        "organisation": world.foreign["organisation"].pk,
        "person": world.foreign["person"].pk,
        "project": world.foreign["project"].pk,
        "network": world.foreign["network"].pk,
        "event": world.foreign["event"].pk,
        "tag": world.foreign["organisation"].tags.first().pk,
        "stage": world.foreign["stage"].pk,
        "owner": world.foreign["team_member"].person.pk,
    }
    failures = []
    for name, route, pattern in matrix_pages():
        if name.startswith("api:"):
            continue
        for variant, path in page_requests(world, name, route, pattern):
            if variant != "own":
                continue
            outcome = prober.send("get", path, {key: foreign_filters[key] for key in FILTERS})
            if outcome.error or (outcome.status or 500) >= 500:
                failures.append(f"GET {path} ({name}): {outcome.status} {outcome.error}")
            elif FOREIGN_MARKER.lower() in outcome.body.lower():
                failures.append(f"GET {path} ({name}): shows the other workspace's data")

    assert not failures, "\n".join(failures)


def _hand_cases(world) -> list[tuple[str, str, dict]]:
    """(URL name, object id for the URL, data) for forms no page renders as a Django form."""
    own, foreign = world.own, world.foreign
    return [
        ("events:invitation_add", own["event"].pk, {"person": [foreign["person"].pk]}),
        (
            "events:invitation_add",
            own["event"].pk,
            {"all": "1", "tag": foreign["organisation"].tags.first().pk},
        ),
        (
            "network:tie_create",
            None,
            {
                "kind": "knows",
                "source": f"person:{own['person'].pk}",
                "target": f"person:{foreign['person'].pk}",
                "strength": "3",
            },
        ),
        (
            "acquisition:decision_maker_create",
            own["dossier"].pk,
            {"person": foreign["person"].pk, "role": "decider"},
        ),
        (
            "steering:member_create",
            own["network"].pk,
            {"organisation": foreign["organisation"].pk, "role": "member"},
        ),
        (
            "steering:meeting_create",
            own["network"].pk,
            {
                "title": "Treffen",
                "held_on": "2026-03-02",
                "attendees": [foreign["person"].pk],
            },
        ),
        (
            "steering:handover_save",
            own["network"].pk,
            {
                "staff": foreign["team_member"].person.pk,
                "member": foreign["person"].pk,
                "successor": foreign["person"].pk,
            },
        ),
        (
            "steering:introduction_create",
            own["network"].pk,
            {"member": foreign["network_member"].pk, "person": foreign["person"].pk},
        ),
        (
            "steering:meeting_attendance_from_event",
            own["meeting"].pk,
            {"event": foreign["event"].pk},
        ),
        (
            "events:photo_update",
            own["photo"].pk,
            {"people": [foreign["person"].pk], "caption": "x"},
        ),
        (
            "acquisition:dossier_open",
            foreign["organisation"].pk,
            {"project": own["project"].pk},
        ),
        ("acquisition:dossier_open", own["organisation"].pk, {"project": foreign["project"].pk}),
        (
            "acquisition:identified_need_create",
            own["dossier"].pk,
            {"need": foreign["need"].pk, "evidence": "x"},
        ),
        ("acquisition:target_add", None, {"organisation": foreign["organisation"].pk}),
        (
            "acquisition:approach_create",
            None,
            {
                "organisation": foreign["organisation"].pk,
                "project": own["project"].pk,
                "channel": "phone",
            },
        ),
        (
            "acquisition:agreement_create",
            own["approach"].pk,
            {"measure": foreign["measure"].pk},
        ),
        ("events:world_cafe_keep_apart", own["event"].pk, {"persons": [foreign["person"].pk]}),
        (
            "network:survey_create",
            None,
            {"respondent": foreign["person"].pk, "valid_days": "14"},
        ),
        (
            "privacy:consent_create",
            foreign["person"].pk,
            {"purpose": "x", "legal_basis": "consent", "given_on": "2026-03-02", "source": "x"},
        ),
    ]


def test_hand_listed_forms_take_no_foreign_ids(world):
    prober = world.prober("lead")
    routes = {name: route for name, route, _pattern in url_patterns()}
    failures = []
    for name, pk, data in _hand_cases(world):
        if name not in routes:
            failures.append(f"{name}: no such route any more")
            continue
        path = fill_route(routes[name], {"pk": pk, "organisation": pk} if pk else {})
        outcome = prober.send("post", path, data)
        if outcome.changed or outcome.error or (outcome.status or 500) >= 500:
            failures.append(f"POST {path} ({name}): {outcome.status} {outcome.changed}")
        elif FOREIGN_MARKER.lower() in outcome.body.lower():
            failures.append(f"POST {path} ({name}): shows the other workspace's data")

    assert not failures, "\n".join(failures)


def test_api_bodies_take_no_foreign_ids(world):
    from tests.api.test_isolation import _bodies  # the bodies the isolation test sends

    own, foreign = world.own, world.foreign
    foreign_ids = api_ids(foreign) | {"project_id": foreign["project"].pk}
    id_keys = {"organisation", "person", "functions", "source", "project", "recommender"}
    smuggled = [
        *(body for body in _bodies(foreign_ids) if id_keys & set(body)),
        {"text": "übernommen", "person": foreign["person"].pk},
        {"text": "übernommen", "organisation": foreign["organisation"].pk},
        {
            "last_name": "Neu",
            "functions": [{"organisation": foreign["organisation"].pk, "role": "x"}],
        },
        {
            "kind": "knows",
            "source": {"type": "person", "id": own["person"].pk},
            "target": {"type": "person", "id": foreign["person"].pk},
            "strength": 3,
        },
        {
            "kind": "advises",
            "source": {"type": "person", "id": own["person"].pk},
            "target": {"type": "organisation", "id": own["organisation"].pk},
            "strength": 3,
            "project": foreign["project"].pk,
        },
        {
            "recommender": own["person"].pk,
            "subject": {"type": "organisation", "id": foreign["organisation"].pk},
            "recipient": {"type": "person", "id": own["person"].pk},
            "date": "2026-03-02",
        },
        {
            "recommender": foreign["person"].pk,
            "subject": {"type": "organisation", "id": own["organisation"].pk},
            "recipient": {"type": "person", "id": own["person"].pk},
            "date": "2026-03-02",
        },
        {"strength": 2, "kind": "knows", "project": foreign["project"].pk},
    ]
    prober = world.prober("lead", api=True)
    failures = []
    for operation_id, (method, path) in schema_operations_by_id().items():
        if method not in {"post", "patch"}:
            continue
        concrete = "/api/v1/" + path.format(**api_ids(own))
        for body in smuggled:
            outcome = prober.send(method, concrete, body, content_type="application/json")
            if outcome.changed or outcome.error or (outcome.status or 500) >= 500:
                failures.append(
                    f"{method.upper()} {concrete} ({operation_id}) {body}: "
                    f"{outcome.status} {outcome.changed} {outcome.body[:200]}"
                )

    assert not failures, "\n".join(failures)
