"""Sending many requests at one planted database and telling whether any of them changed a row.

Each request runs in a savepoint that is rolled back afterwards, so every request sees
the same planted rows whatever the one before did (a lead's delete included), and one
database checksum taken at the start stays the baseline. Whether a request wrote
anything is read from a cheap counter of the connection's writes; only when that moved
are the tables compared with the baseline.
"""

import hashlib
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse
from django.test import Client
from django.test.utils import ContextList
from django.utils import timezone

from netzwerkstatt.api.models import ApiToken
from netzwerkstatt.api.services import api_token_issue
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Workspace
from netzwerkstatt.core.scoping import Scope
from tests.factories import MembershipFactory
from tests.planted import plant_everything
from tests.routes import fill_route, route_arguments, url_patterns
from tests.security.route_matrix import API, PUBLIC, QUERY_OBJECTS, SIGNED_IN, TOKENS
from tests.test_tenant_isolation import FIXED_ARGUMENTS, FOREIGN_OBJECT, NOT_TENANT_PAGES

ROLES = ("anonymous", "partner", "staff", "lead")
OWN_MARKER = "EIGENMARKER"
FOREIGN_MARKER = "FREMDMARKER"

# Tables a refused request may still write: the session (a message for the next page),
# the audit log (which may record the attempt), when an API token was last used and the
# login throttle's records.
BOOKKEEPING_TABLES = {"django_session", "audit_auditentry", "api_apitoken"}
BOOKKEEPING_PREFIXES = ("axes_",)


def _watched_models() -> list:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table not in BOOKKEEPING_TABLES
        and not model._meta.db_table.startswith(BOOKKEEPING_PREFIXES)
    ]


def write_count() -> int:
    """How many rows the connection has inserted, updated or deleted so far (never goes down)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT total_changes()")
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0)"
                " FROM pg_stat_xact_all_tables"
            )
        else:  # pragma: no cover - other engines compare checksums every time
            return -1
        return int(cursor.fetchone()[0])


def checksum() -> dict[str, str]:
    """A digest of every row of every table but the bookkeeping ones, by table."""
    digests = {}
    for model in _watched_models():
        rows = model._base_manager.order_by("pk").values_list()
        digests[model._meta.db_table] = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return digests


def body_text(response: HttpResponse) -> str:
    """The response's body as text, streamed ones (files) read to the end.

    The test client closes a streamed response when its content is exhausted, with the
    signal that closes database connections held off; closing it again here would close
    the connection (PostgreSQL) in the middle of the test's transaction.
    """
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8", "replace")


def rendered_forms(response) -> list[BaseForm]:
    """The forms (and formsets' forms) in the contexts the response's templates rendered,
    also inside lists, dicts and plain objects such as the contact pages' panels."""
    found: dict[int, BaseForm] = {}

    def scan(value, depth: int) -> None:
        if isinstance(value, BaseForm):
            found.setdefault(id(value), value)
        elif isinstance(value, BaseFormSet):
            scan(value.management_form, depth)
            for form in value.forms:
                scan(form, depth)
        elif depth <= 0 or isinstance(value, str | bytes | int | float | Model | QuerySet):
            return
        elif isinstance(value, dict):
            for item in value.values():
                scan(item, depth - 1)
        elif isinstance(value, list | tuple):
            for item in value[:50]:
                scan(item, depth - 1)
        elif hasattr(value, "__dict__") and type(value).__module__.startswith("netzwerkstatt."):
            for item in vars(value).values():
                scan(item, depth - 1)

    contexts = response.context
    if contexts is None:
        return []
    for context in contexts if isinstance(contexts, ContextList) else [contexts]:
        for layer in context.dicts:
            scan(layer, 3)
    return list(found.values())


@dataclass
class Outcome:
    status: int | None
    location: str = ""
    body: str = ""
    changed: list[str] = field(default_factory=list)
    error: str = ""
    forms: list = field(default_factory=list)  # the forms the page rendered, when asked for

    @property
    def to_login(self) -> bool:
        return self.status == 302 and self.location.startswith("/anmelden/")


class Prober:
    """A client as one role that sends requests in rolled-back savepoints.

    `send` answers an `Outcome`: the status, the body, and which tables the request
    changed (before the rollback undid it). The client's cookies are put back after each
    request, so a request that signs out or rotates the session does not change the role
    of the next one.
    """

    def __init__(self, client: Client, *, api_token: str | None = None):
        self.client = client
        self.api_token = api_token
        self.cookies = SimpleCookie(client.cookies.output(header="", sep="\n"))
        self.baseline = checksum()
        self.count = 0
        self.compared: list[str] = []  # requests that wrote and so were compared by checksum
        self.seconds: dict[str, float] = {}  # per path, for finding what makes a run slow

    def send(
        self, method: str, path: str, data=None, *, watch: bool = True, forms: bool = False, **extra
    ) -> Outcome:
        """Send one request; with `watch`, also find the tables it changed (slower when it wrote)."""
        self.count += 1
        started = time.perf_counter()
        try:
            return self._send(method, path, data, watch=watch, forms=forms, **extra)
        finally:
            self.seconds[path] = self.seconds.get(path, 0) + time.perf_counter() - started

    def slowest(self, n: int = 10) -> list[tuple[str, float]]:
        return sorted(self.seconds.items(), key=lambda item: -item[1])[:n]

    def _send(self, method: str, path: str, data, *, watch: bool, forms: bool, **extra) -> Outcome:
        cache.clear()  # the token pages' throttle counts in the cache
        headers = extra.pop("headers", {})
        if self.api_token:
            headers["Authorization"] = f"Bearer {self.api_token}"
        with transaction.atomic():
            writes = write_count()
            try:
                response = getattr(self.client, method)(
                    path, data if data is not None else {}, headers=headers, **extra
                )
            except Exception as error:
                transaction.set_rollback(True)
                self._restore_cookies()
                return Outcome(status=None, error=f"{type(error).__name__}: {error}")
            changed = []
            if watch and write_count() != writes:
                self.compared.append(f"{method} {path}")
                now = checksum()
                changed = [table for table, digest in now.items() if self.baseline[table] != digest]
            transaction.set_rollback(True)
        self._restore_cookies()
        return Outcome(
            status=response.status_code,
            location=response.get("Location", ""),
            body=body_text(response),
            changed=changed,
            forms=rendered_forms(response) if forms else [],
        )

    def _restore_cookies(self) -> None:
        self.client.cookies = SimpleCookie(self.cookies.output(header="", sep="\n"))


@dataclass
class World:
    """The own workspace with one of everything shared with partners, the same in another one,
    and a user of each role in the own workspace."""

    workspace: object
    own: dict
    foreign: dict
    users: dict

    def prober(self, role: str, *, api: bool = False, **client_options) -> Prober:
        client = Client(**client_options)
        user = self.users.get(role)
        token = None
        if user is not None:
            if api:
                api_token, token = api_token_issue(user=user, workspace=self.workspace)
                # Used just now: requests within the next minute leave it alone and so write nothing.
                ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
            else:
                client.force_login(user)
        return Prober(client, api_token=token)


def build_world(workspace, other_workspace) -> World:
    own = plant_everything(workspace, OWN_MARKER)
    # Everything in the own workspace is shared, so partners see what they may see at all.
    Person.objects.filter(workspace=workspace).update(is_shared=True)
    Organisation.objects.filter(workspace=workspace).update(is_shared=True)
    foreign = plant_everything(other_workspace, FOREIGN_MARKER)
    users = {
        role: MembershipFactory(workspace=workspace, role=Role(role)).user
        for role in ROLES
        if role != "anonymous"
    }
    return World(workspace=workspace, own=own, foreign=foreign, users=users)


# ------------------------------------------------------------ routes and what they take


def allowed_roles(permission: str) -> set[str]:
    if permission == PUBLIC:
        return set(ROLES)
    if permission == SIGNED_IN:
        return set(ROLES) - {"anonymous"}
    return {
        role.value
        for role in Role
        if Scope(workspace=Workspace(), role=role).can(permission)  # rules read only the role
    }


def matrix_pages() -> list[tuple[str, str, object]]:
    return [
        (name, route, pattern)
        for name, route, pattern in url_patterns()
        if name is not None
        and name.split(":")[0] not in NOT_TENANT_PAGES
        and not (name.startswith("api:") and name.removeprefix("api:") in API)
    ]


def page_requests(world, name, route, pattern):
    """(variant, path) for the own object (or token) and, where a page takes one, a foreign one."""
    arguments = route_arguments(pattern) - set(FIXED_ARGUMENTS.get(name, {})) - {"token"}
    fixed = {key: value for key, value in FIXED_ARGUMENTS.get(name, {}).items() if key != "token"}
    if name in TOKENS:
        own_token = world.own["tokens"][TOKENS[name]]
        own = {"token": own_token} | fixed
        if arguments:
            kind = FOREIGN_OBJECT[name]
            yield "own", fill_route(route, own | dict.fromkeys(arguments, world.own[kind].pk))
            yield (
                "foreign",
                fill_route(route, own | dict.fromkeys(arguments, world.foreign[kind].pk)),
            )
        else:
            yield "own", fill_route(route, own)
            yield "foreign", fill_route(route, fixed | {"token": "unbekannt"})
    elif name in QUERY_OBJECTS:
        parameter, kind = QUERY_OBJECTS[name]
        path = fill_route(route, fixed)
        yield "own", f"{path}?{parameter}={world.own[kind].pk}"
        yield "foreign", f"{path}?{parameter}={world.foreign[kind].pk}"
    elif arguments:
        kind = FOREIGN_OBJECT[name]
        yield "own", fill_route(route, fixed | dict.fromkeys(arguments, world.own[kind].pk))
        yield "foreign", fill_route(route, fixed | dict.fromkeys(arguments, world.foreign[kind].pk))
    else:
        yield "own", fill_route(route, fixed)


def api_ids(objects: dict) -> dict:
    return {
        f"{kind}_id": objects[kind].pk
        for kind in ("organisation", "person", "note", "tie", "recommendation", "measure", "need")
    }
