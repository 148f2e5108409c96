"""CSRF: every state-changing request without a token is refused, and no view is exempt.

Pages: a client that enforces CSRF checks, signed in as the lead, POSTs to every URL
pattern (own objects, valid tokens for the public pages) without a token: 403 and no
row changed. Django's CsrfViewMiddleware refuses before the view runs, so this also
holds for views that take only GET; public forms (survey answers, event registration,
the login) are no exception.

The API: django-ninja marks its views csrf_exempt and checks CSRF itself only for
cookie-based authentication. Ours authenticates by bearer token alone, which a browser
never sends on its own to another site, so a forged cross-site request carries no
credentials. The tests pin both halves: the only exempt views are the API's, and a
signed-in browser session opens no API operation.
"""

from netzwerkstatt.api.api import api
from tests.api.schema import schema_operations_by_id
from tests.routes import url_patterns
from tests.security.probe import api_ids, build_world, matrix_pages, page_requests

FORM = {"text": "übernommen", "name": "übernommen", "last_name": "übernommen"}


def _is_api(pattern) -> bool:
    return getattr(pattern.callback, "__module__", "").startswith("ninja.")


def test_no_view_outside_the_api_is_csrf_exempt():
    exempt = [
        name or route
        for name, route, pattern in url_patterns()
        if getattr(pattern.callback, "csrf_exempt", False) and not _is_api(pattern)
    ]

    assert exempt == []


def test_the_api_authenticates_by_bearer_header_only():
    # ninja checks CSRF only for cookie-based schemes (APIKeyCookie, django_auth); none is used.
    schema = api.get_openapi_schema()
    schemes = schema["components"]["securitySchemes"]
    securities = [
        operation.get("security")
        for operations in schema["paths"].values()
        for operation in operations.values()
    ]

    assert schemes == {"ApiTokenAuth": {"type": "http", "scheme": "bearer"}}
    assert securities
    assert all(security == [{"ApiTokenAuth": []}] for security in securities)


def test_every_post_without_token_is_refused(workspace, other_workspace, settings):
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    world = build_world(workspace, other_workspace)
    prober = world.prober("lead", enforce_csrf_checks=True)
    failures = []
    for name, route, pattern in matrix_pages():
        if name.startswith("api:"):
            continue  # the API's own pages take GET; its operations are below
        for variant, path in page_requests(world, name, route, pattern):
            if variant != "own":
                continue
            outcome = prober.send("post", path, FORM)
            if outcome.status != 403 or outcome.changed or outcome.error:
                failures.append(f"POST {path} ({name}): {outcome.status} {outcome.changed}")

    assert prober.count > 100
    assert not failures, "\n".join(failures)


def test_a_signed_in_session_opens_no_api_operation(workspace, other_workspace, settings):
    world = build_world(workspace, other_workspace)
    prober = world.prober("lead", enforce_csrf_checks=True)  # session cookie, no bearer token
    failures = []
    for operation_id, (method, path) in schema_operations_by_id().items():
        concrete = "/api/v1/" + path.format(**api_ids(world.own))
        body = {"data": FORM, "content_type": "application/json"} if method != "get" else {}
        outcome = prober.send(method, concrete, body.pop("data", None), **body)
        if outcome.status != 401 or outcome.changed or outcome.error:
            failures.append(f"{method.upper()} {concrete} ({operation_id}): {outcome.status}")

    assert not failures, "\n".join(failures)
