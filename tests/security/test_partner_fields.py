"""The partner role never sees notes, trust values, recommendations, dossiers, research
notes, benefit statements or consents, and cannot write them.

The own workspace is planted with one of everything, its persons and organisations shared
with partners, and a secret marker in every field partners must not see (SECRET_FIELDS).
As a partner the test opens every page of the role matrix with the own objects, as a page
and as an htmx fragment, the network map's JSON and every export, and every GET operation
of the API: the marker appears nowhere. Trust is a number, so it is proved by difference:
every page and API answer reads the same whether the ties' trust is 1 or 5.

Writing: the partner's attempts with well-formed data, on the pages and through the API,
answer 403 or 404 and change no row. (The role matrix already sends every POST, PATCH and
DELETE route the partner's way; the API has no batch operations.)
"""

import re

import pytest

from netzwerkstatt.acquisition.models import (
    Activity,
    Approach,
    BenefitTemplate,
    DecisionMaker,
    Dossier,
    IdentifiedNeed,
    ResearchNote,
)
from netzwerkstatt.contacts.models import Note, Organisation, Person
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import Recommendation, Tie
from netzwerkstatt.network.services import network_changed
from netzwerkstatt.privacy.models import Consent
from tests.api.schema import schema_operations_by_id
from tests.routes import fill_route, url_patterns
from tests.security.probe import api_ids, build_world, matrix_pages, page_requests

SECRET = "GEHEIMMARKER"

# What partners never see: model → its fields holding notes, provenance or working material.
SECRET_FIELDS = {
    Organisation: ("notes",),
    Person: ("notes",),
    Note: ("text",),
    Tie: ("note", "purpose"),
    Recommendation: ("note", "purpose"),
    Dossier: ("situation", "recent_events"),
    ResearchNote: ("text", "source"),
    IdentifiedNeed: ("evidence",),
    DecisionMaker: ("note",),
    Approach: ("benefit_statement", "next_step"),
    BenefitTemplate: ("text",),
    Activity: ("summary", "outcome"),
    Consent: ("purpose", "source"),
}

# Per-request values a page may carry (CSRF tokens, CSP nonces, calendar files' stamps).
VOLATILE = re.compile(r"[A-Za-z0-9_-]{32,}|nonce=\"[^\"]*\"|DTSTAMP:[0-9TZ]+")


@pytest.fixture
def world(workspace, other_workspace, settings):
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    world = build_world(workspace, other_workspace)
    for model, fields in SECRET_FIELDS.items():
        model.objects.filter(workspace=workspace).update(
            **{name: f"{SECRET} {model.__name__}.{name}" for name in fields}
        )
    return world


def _partner_answers(world) -> dict[str, str]:
    """Every page (also as htmx fragment) and every API GET as the partner sees them."""
    answers = {}
    pages = world.prober("partner")
    for name, route, pattern in matrix_pages():
        if name.startswith("api:"):
            continue
        for variant, path in page_requests(world, name, route, pattern):
            if variant != "own":
                continue
            answers[f"GET {path}"] = pages.send("get", path, watch=False).body
            fragment = pages.send("get", path, headers={"HX-Request": "true"}, watch=False)
            answers[f"GET {path} (htmx)"] = fragment.body
    api = world.prober("partner", api=True)
    for operation_id, (method, path) in schema_operations_by_id().items():
        if method == "get":
            concrete = "/api/v1/" + path.format(**api_ids(world.own))
            answers[f"{operation_id} {concrete}"] = api.send("get", concrete, watch=False).body
    return answers


def test_partner_sees_no_secret_field(world):
    answers = _partner_answers(world)

    leaks = sorted(request for request, body in answers.items() if SECRET.lower() in body.lower())
    assert len(answers) > 300
    assert leaks == []


def _set_trust(workspace, value: int) -> None:
    Tie.objects.filter(workspace=workspace).update(trust=value)
    # The graph is cached per data version: a new version makes the pages read the new trust.
    network_changed(scope=Scope.system(workspace))


def test_partner_answers_do_not_depend_on_trust(world, workspace):
    _set_trust(workspace, 1)
    low = _partner_answers(world)
    _set_trust(workspace, 5)
    high = _partner_answers(world)

    differing = sorted(
        request
        for request in low
        if VOLATILE.sub("", low[request]) != VOLATILE.sub("", high.get(request, ""))
    )
    assert differing == [], "\n".join(differing)


def _page_writes(world) -> list[tuple[str, dict, dict]]:
    """(URL name, URL arguments, well-formed data) of the partner's attempts on the pages."""
    own = world.own
    return [
        ("contacts:person_note_create", {"pk": own["person"].pk}, {"text": "Partnernotiz"}),
        (
            "contacts:organisation_note_create",
            {"pk": own["organisation"].pk},
            {"text": "Partnernotiz"},
        ),
        ("contacts:note_delete", {"pk": own["note"].pk}, {}),
        (
            "contacts:person_update",
            {"pk": own["person"].pk},
            {"first_name": "A", "last_name": "B", "notes": "Partnernotiz"},
        ),
        (
            "network:tie_update",
            {"pk": own["tie"].pk},
            {"kind": "knows", "strength": "3", "trust": "5", "note": "Partnernotiz"},
        ),
        ("network:recommendation_delete", {"pk": own["recommendation"].pk}, {}),
        (
            "acquisition:dossier_update",
            {"pk": own["dossier"].pk},
            {"situation": "Partnerlage", "recent_events": ""},
        ),
        (
            "acquisition:research_note_create",
            {"pk": own["dossier"].pk},
            {"text": "Partnerrecherche", "source": "x"},
        ),
        (
            "acquisition:approach_update",
            {"pk": own["approach"].pk},
            {"benefit_statement": "Partnernutzen", "channel": "phone"},
        ),
        (
            "privacy:consent_create",
            {"pk": own["person"].pk},
            {"purpose": "Partnerzweck", "legal_basis": "consent", "given_on": "2026-03-02"},
        ),
        ("privacy:consent_withdraw", {"pk": own["consent"].pk}, {}),
    ]


def test_partner_writes_no_secret_field(world):
    routes = {name: route for name, route, _pattern in url_patterns()}
    pages = world.prober("partner")
    failures = []
    for name, arguments, data in _page_writes(world):
        path = fill_route(routes[name], arguments)
        outcome = pages.send("post", path, data)
        if outcome.status not in {403, 404} or outcome.changed:
            failures.append(f"POST {path} ({name}): {outcome.status} {outcome.changed}")
    own = world.own
    api = world.prober("partner", api=True)
    writes = [
        ("post", "notes", {"text": "Partnernotiz", "person": own["person"].pk}),
        ("patch", f"notes/{own['note'].pk}", {"text": "Partnernotiz"}),
        ("delete", f"notes/{own['note'].pk}", None),
        ("patch", f"ties/{own['tie'].pk}", {"kind": "knows", "strength": 3, "trust": 5}),
        ("patch", f"persons/{own['person'].pk}", {"notes": "Partnernotiz"}),
        ("patch", f"organisations/{own['organisation'].pk}", {"notes": "Partnernotiz"}),
        ("patch", f"recommendations/{own['recommendation'].pk}", {"outcome": "cooperation"}),
        ("delete", f"recommendations/{own['recommendation'].pk}", None),
    ]
    for method, path, body in writes:
        extra = {"content_type": "application/json"} if body is not None else {}
        outcome = api.send(method, f"/api/v1/{path}", body, **extra)
        if outcome.status not in {403, 404} or outcome.changed:
            failures.append(f"{method.upper()} {path}: {outcome.status} {outcome.changed}")

    assert not failures, "\n".join(failures)


def test_the_team_sees_what_partners_do_not(world, workspace):
    """The control: the planted secrets and trust values do show, to the team."""
    own = world.own
    Tie.objects.filter(workspace=workspace).update(trust=4)
    network_changed(scope=Scope.system(workspace))
    routes = {name: route for name, route, _pattern in url_patterns()}
    pages = world.prober("lead")
    shown = {
        name: pages.send("get", fill_route(routes[name], {"pk": own[kind].pk}), watch=False).body
        for name, kind in (
            ("contacts:person_detail", "person"),
            ("contacts:organisation_detail", "organisation"),
            ("acquisition:dossier_detail", "dossier"),
            ("acquisition:approach_detail", "approach"),
        )
    }
    api = world.prober("lead", api=True)
    tie = api.send("get", f"/api/v1/ties/{own['tie'].pk}", watch=False).body

    assert all(SECRET in body for body in shown.values())
    assert '"trust": 4' in tie
    assert SECRET in tie
