"""Every route × every role × an own and a foreign object: 0 unexpected 2xx.

Generated from the URLconf and the API schema. `route_matrix.py` says which permission
each route needs; the rules in `core/rules.py` say which roles hold it. Then, for each
role (anonymous, partner, staff, lead):

- a role that may open a page gets 2xx or 3xx for GET on the own workspace's object
  (405 for pages that only take POST), never a redirect to the login;
- a role that may not, and every role for another workspace's object, gets 403, 404,
  405 or (anonymous) the login redirect, never 2xx, for GET and POST alike, and no row
  of any table changes;
- no answer is a server error, and no answer shows the other workspace's marker.

Pages with an id are asked with the own and with the foreign object; public pages
behind a token with the own token and an unknown one.
"""

import logging

import pytest

from tests.api.schema import schema_operations_by_id
from tests.routes import route_arguments
from tests.security.probe import (
    FOREIGN_MARKER,
    ROLES,
    Outcome,
    allowed_roles,
    api_ids,
    build_world,
    matrix_pages,
    page_requests,
)
from tests.security.route_matrix import API, GET_ANSWERS, PAGES
from tests.test_tenant_isolation import FOREIGN_OBJECT

log = logging.getLogger(__name__)

# What a request may carry: a form nobody expects, with the names many forms use.
FORM = {"text": "übernommen", "name": "übernommen", "last_name": "übernommen"}
REFUSED = {400, 403, 404, 405, 410, 429}
API_REFUSED = {401, 403, 404, 405, 422}


def test_every_route_has_an_entry():
    pages = {name for name, _route, _pattern in matrix_pages()}
    operations = set(schema_operations_by_id())

    missing = sorted(pages - set(PAGES)) + sorted(operations - set(API))
    stale = sorted(set(PAGES) - pages) + sorted(set(API) - operations)

    assert not missing, (
        f"Routes without an entry in tests/security/route_matrix.py: {missing}. Add each to "
        "PAGES (URL name) or API (operation id) with the permission from core/rules.py it "
        "needs, or PUBLIC / SIGNED_IN."
    )
    assert not stale, f"Entries in tests/security/route_matrix.py for no route: {stale}"


def _verdict(  # noqa: PLR0911 - one return per rule reads as the rules in the docstring
    outcome: Outcome, *, method: str, may: bool, refused: set[int], answers: set[int] = frozenset()
) -> str | None:
    """What is wrong with the outcome, or None."""
    if outcome.error:
        return outcome.error
    if outcome.status >= 500:
        return f"server error {outcome.status}"
    if FOREIGN_MARKER.lower() in outcome.body.lower():
        return "shows the other workspace's data"
    if may:
        if method == "get" and outcome.status in answers:
            return None
        if method == "get" and outcome.to_login:
            return "sends an allowed role to the login"
        if method == "get" and not (200 <= outcome.status < 400 or outcome.status == 405):
            return f"{outcome.status} for an allowed role"
        return None
    if 200 <= outcome.status < 300:
        return f"{outcome.status} for a role that may not"
    if 300 <= outcome.status < 400 and not outcome.to_login:
        return f"redirects to {outcome.location} a role that may not"
    if outcome.status >= 400 and outcome.status not in refused:
        return f"unexpected {outcome.status}"
    if outcome.changed:
        return f"changed {outcome.changed}"
    return None


@pytest.fixture
def world(workspace, other_workspace, settings):
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    return build_world(workspace, other_workspace)


@pytest.mark.parametrize("role", ROLES)
def test_page_matrix(world, role):
    prober = world.prober(role)
    failures = []
    for name, route, pattern in matrix_pages():
        permission = PAGES.get(name)
        if permission is None:
            continue  # test_every_route_has_an_entry names it
        if (route_arguments(pattern) - {"token", "file_format"}) and name not in FOREIGN_OBJECT:
            failures.append(f"{name}: takes an id; add it to FOREIGN_OBJECT (tenant isolation)")
            continue
        for variant, path in page_requests(world, name, route, pattern):
            may = role in allowed_roles(permission) and variant == "own"
            for method in ("get", "post"):
                outcome = prober.send(
                    method, path, FORM if method == "post" else None, watch=not may
                )
                problem = _verdict(
                    outcome,
                    method=method,
                    may=may,
                    refused=REFUSED,
                    answers=GET_ANSWERS.get(name, set()),
                )
                if problem:
                    failures.append(f"{method.upper()} {path} ({name}, {variant}): {problem}")
    log.info(
        "%s requests as %s, %s compared: %s; slowest: %s",
        prober.count,
        role,
        len(prober.compared),
        prober.compared[:40],
        prober.slowest(),
    )
    assert not failures, f"{len(failures)} of {prober.count} requests as {role}:\n" + "\n".join(
        failures
    )


API_BODY = {"text": "übernommen", "name": "übernommen", "last_name": "übernommen", "strength": 3}


@pytest.mark.parametrize("role", ROLES)
def test_api_matrix(world, role):
    prober = world.prober(role, api=True)
    failures = []
    for operation_id, (method, path) in schema_operations_by_id().items():
        permission = API.get(operation_id)
        if permission is None:
            continue  # test_every_route_has_an_entry names it
        variants = (
            [("own", world.own), ("foreign", world.foreign)]
            if "{" in path
            else [("own", world.own)]
        )
        for variant, objects in variants:
            concrete = "/api/v1/" + path.format(**api_ids(objects))
            may = role in allowed_roles(permission) and variant == "own"
            if method in {"get", "delete"}:
                outcome = prober.send(method, concrete, watch=not may)
            else:
                outcome = prober.send(
                    method, concrete, API_BODY, content_type="application/json", watch=not may
                )
            problem = _verdict(outcome, method=method, may=may, refused=API_REFUSED)
            if problem:
                failures.append(
                    f"{method.upper()} {concrete} ({operation_id}, {variant}): {problem}"
                )
    log.info(
        "%s requests as %s, %s compared: %s; slowest: %s",
        prober.count,
        role,
        len(prober.compared),
        prober.compared[:40],
        prober.slowest(),
    )
    assert not failures, f"{len(failures)} of {prober.count} requests as {role}:\n" + "\n".join(
        failures
    )


def test_probe_sees_and_undoes_a_write(world):
    """The matrix's "no row changed" rests on this: a write is seen, and rolled back."""
    organisation = world.own["organisation"]
    prober = world.prober("lead")

    outcome = prober.send("post", f"/kontakte/organisationen/{organisation.pk}/loeschen/")

    assert outcome.status == 302
    assert "contacts_organisation" in outcome.changed
    assert type(organisation).objects.filter(pk=organisation.pk).exists()
