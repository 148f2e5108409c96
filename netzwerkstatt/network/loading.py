"""The workspace's relationship graph from the database, and a per-process cache of it.

`network_data` reads persons, organisations, current functions (as EMPLOYMENT
edges), ties and the team through `scope.objects(...)` with five `values_list`
queries: no model instances and no query per row, so it stays fast at 100,000
persons and 1,000,000 ties. A partner's scope yields the graph of what is shared
with them: shared persons and organisations, ties and functions between shared
ends, no team (partners do not see the team list) and no trust values.

Building that graph takes seconds on a large workspace, so `cached_graph` keeps
it per process and per role visibility (team or partner) until `graph_version`
changes: the contacts and network data versions (raised by every write, see
`core.services.data_version_bump`) and today's date (recency decays and
functions end with time). Checking costs one small query. What is derived from a
graph (the warm-path index, the map's arrays) is cached with it
(`CachedGraph.derived`). A large graph is rebuilt in a background thread while
the previous version keeps answering, so no request waits the seconds a rebuild
takes at a million ties. The cache holds a few graphs at most (least recently
used out first); the cached objects are shared between requests and threads and
must not be changed.
"""

import gc
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.db.models import CharField, F, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from netzwerkstatt.contacts.models import Function, Organisation, Person
from netzwerkstatt.contacts.services import DATA_TOPIC as CONTACTS_TOPIC
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.selectors import data_versions

from .enums import TIE_RULES, NodeType
from .graph import EMPLOYMENT, EMPLOYMENT_STRENGTH, Edge, NetworkData, Node, node_key
from .models import Tie
from .selectors import team_person_ids
from .services import DATA_TOPIC as NETWORK_TOPIC

TOPICS = (CONTACTS_TOPIC, NETWORK_TOPIC)
logger = logging.getLogger(__name__)
CHUNK_SIZE = 20_000

TEAM_VISIBILITY = "team"
PARTNER_VISIBILITY = "partner"


def network_data(*, scope: Scope, today: date | None = None) -> NetworkData:
    """The graph of everything the scope sees; see the module docstring."""
    with _gc_paused():
        return _network_data(scope, today=today or timezone.localdate())


@contextmanager
def _gc_paused():
    """Creating a million edges would run the cyclic garbage collector over them again and
    again (they hold no cycles); pausing it halves the loading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _network_data(scope: Scope, *, today: date) -> NetworkData:
    data = NetworkData()
    person_nodes = _person_rows(scope)
    team = team_person_ids(scope=scope, on=today)
    organisation_keys: dict[int, str] = {}
    organisation_names: dict[int, str] = {}
    for pk, name, kind, shared in (
        scope.objects(Organisation)
        .order_by("pk")
        .values_list("pk", "name", "kind", "is_shared")
        .iterator(chunk_size=CHUNK_SIZE)
    ):
        key = node_key(NodeType.ORGANISATION, pk)
        organisation_keys[pk] = key
        organisation_names[pk] = name
        data.nodes.append(
            Node(
                key=key,
                type=NodeType.ORGANISATION,
                pk=pk,
                label=name,
                organisation_kind=kind,
                shared=shared,
            )
        )

    # Current functions: employment edges, and each person's first one as their
    # affiliation and role: open-ended before ending, then the newest (as the person
    # page lists them on SQLite, on every database).
    affiliation: dict[int, tuple[str, str]] = {}
    employment: dict[tuple[int, int], Edge] = {}
    for person_id, organisation_id, role, start_date in (
        scope.objects(Function)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .order_by(F("end_date").asc(nulls_first=True), F("start_date").desc(nulls_last=True), "pk")
        .values_list("person_id", "organisation_id", "role", "start_date")
        .iterator(chunk_size=CHUNK_SIZE)
    ):
        if person_id not in person_nodes or organisation_id not in organisation_keys:
            continue
        affiliation.setdefault(person_id, (organisation_names[organisation_id], role))
        pair = (person_id, organisation_id)
        if pair not in employment:
            employment[pair] = Edge(
                source=person_nodes[person_id][0],
                target=organisation_keys[organisation_id],
                kind=EMPLOYMENT,
                strength=EMPLOYMENT_STRENGTH,
                since=start_date,
                role=role,
            )

    for pk, (key, label, salutation, door_opener, shared) in person_nodes.items():
        organisation, role = affiliation.get(pk, ("", ""))
        data.nodes.append(
            Node(
                key=key,
                type=NodeType.PERSON,
                pk=pk,
                label=label,
                salutation=salutation,
                affiliation=organisation,
                role=role,
                team=pk in team,
                door_opener=door_opener,
                shared=shared,
            )
        )
    data.edges.extend(employment.values())
    data.edges.extend(
        _tie_edges(
            scope,
            person_keys={pk: row[0] for pk, row in person_nodes.items()},
            organisation_keys=organisation_keys,
        )
    )
    return data


def _person_rows(scope: Scope) -> dict[int, tuple[str, str, str, str, bool]]:
    """pk → (node key, label, salutation, door opener, shared), in pk order."""
    rows = {}
    for pk, salutation, title, first_name, last_name, door_opener, shared in (
        scope.objects(Person)
        .order_by("pk")
        .values_list(
            "pk", "salutation", "title", "first_name", "last_name", "door_opener", "is_shared"
        )
        .iterator(chunk_size=CHUNK_SIZE)
    ):
        label = " ".join(part for part in (title, first_name, last_name) if part)
        rows[pk] = (node_key(NodeType.PERSON, pk), label, salutation, door_opener, shared)
    return rows


def _tie_edges(
    scope: Scope, *, person_keys: dict[int, str], organisation_keys: dict[int, str]
) -> list[Edge]:
    directed = {kind.value: rule.directed for kind, rule in TIE_RULES.items()}
    with_trust = scope.can("view_trust")
    dates = _Dates()
    edges = []
    append = edges.append
    queryset = (
        scope.objects(Tie)
        .order_by("pk")
        .annotate(
            since_text=Cast("since", CharField()), contact_text=Cast("last_contact", CharField())
        )
        .values_list(
            "pk",
            "kind",
            "source_person_id",
            "source_organisation_id",
            "target_person_id",
            "target_organisation_id",
            "strength",
            "trust",
            "since_text",
            "contact_text",
        )
    )
    # The tightest loop of the loader: positional arguments, local names.
    for pk, kind, s_person, s_org, t_person, t_org, strength, trust, since, contact in _raw_rows(
        queryset
    ):
        source = person_keys.get(s_person) if s_org is None else organisation_keys.get(s_org)
        target = person_keys.get(t_person) if t_org is None else organisation_keys.get(t_org)
        if source is None or target is None or kind not in directed:
            continue
        append(
            Edge(
                source,
                target,
                kind,
                strength,
                trust if with_trust else None,
                dates[since],
                dates[contact],
                directed[kind],
                pk,
            )
        )
    return edges


class _Dates(dict):
    """Text dates ("2019-05-01", as the query casts them) parsed once per distinct day."""

    def __init__(self):
        super().__init__({None: None})

    def __missing__(self, text):
        value = self[text] = text if isinstance(text, date) else date.fromisoformat(text[:10])
        return value


def _raw_rows(queryset: QuerySet):
    """The rows of a `values_list` queryset without Django's per-value converters.

    Converting two dates per row costs several seconds at a million ties, so the
    query casts them to text (which also keeps SQLite's own converter away) and
    the caller parses them once per distinct day (`_Dates`). The SQL is the queryset's own,
    so the scope's filters apply unchanged.
    """
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    # A server-side cursor where the database has them (PostgreSQL), as `.iterator()` uses.
    with connections[queryset.db].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK_SIZE):
            yield from rows


# --- the per-process cache -------------------------------------------------------------


@dataclass
class CachedGraph:
    """One version of a scope's graph, with what is derived from it built on first use."""

    version: str
    today: date
    data: NetworkData
    _derived: dict = field(default_factory=dict)
    _builders: dict = field(default_factory=dict)
    _locks: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def derived(self, name: str, build: Callable[["CachedGraph"], Any]) -> Any:
        """`build(self)`, computed once per graph version (an index, a lookup table …)."""
        with self._lock:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:  # one build per name at a time; other names are not held up
            if name not in self._derived:
                self._derived[name] = build(self)
                self._builders[name] = build
            return self._derived[name]

    def builders(self) -> dict[str, Callable[["CachedGraph"], Any]]:
        """What was derived from this version so far, by name: a rebuild derives it anew."""
        with self._lock:
            return dict(self._builders)

    @property
    def path_graph(self):
        """The warm-path index (`paths.PathGraph`)."""
        from .paths import PathGraph

        return self.derived(
            "path_graph", lambda graph: PathGraph.build(graph.data, today=graph.today)
        )

    @property
    def nodes(self) -> dict[str, Node]:
        """The nodes by key."""
        return self.derived("nodes", lambda graph: {node.key: node for node in graph.data.nodes})


_cache: "OrderedDict[tuple[int, str], CachedGraph]" = OrderedDict()
_cache_lock = threading.Lock()


def graph_version(*, scope: Scope) -> str:
    """Changes whenever the workspace's graph may have: contacts or network data, or the day."""
    return _version(scope)[0]


def _version(scope: Scope) -> tuple[str, date]:
    today = timezone.localdate()
    contacts, network = data_versions(workspace=scope.workspace, topics=TOPICS)
    return f"{contacts}.{network}.{today.isoformat()}", today


def cached_graph(*, scope: Scope) -> CachedGraph:
    """The scope's graph, rebuilt when `graph_version` has changed. Read-only.

    A large graph (settings.NETZWERKSTATT_GRAPH_BACKGROUND_EDGES or more) is rebuilt in a background
    thread while the previous version keeps answering: for the seconds a rebuild takes
    at a million ties, pages see the graph as it was before the last change.
    """
    return _entry(scope)


def cached_network_data(*, scope: Scope) -> NetworkData:
    return _entry(scope).data


def cached_path_graph(*, scope: Scope):
    """The warm-path index (`paths.PathGraph`) of the cached graph."""
    return _entry(scope).path_graph


def graph_cache_clear() -> None:
    graph_cache_wait()
    with _cache_lock:
        _cache.clear()


def graph_cache_wait(timeout: float | None = None) -> None:
    """Wait for background rebuilds to finish (for tests and benchmarks)."""
    with _cache_lock:
        threads = list(_rebuilds.values())
    for thread in threads:
        thread.join(timeout)


_rebuilds: dict[tuple[int, str], threading.Thread] = {}


def _entry(scope: Scope) -> CachedGraph:
    key = (scope.workspace.pk, PARTNER_VISIBILITY if scope.is_partner else TEAM_VISIBILITY)
    # The version is read before the build: data written meanwhile raises it, and the
    # next call rebuilds.
    version, today = _version(scope)
    with _cache_lock:
        entry = _cache.get(key)
        if entry is not None and entry.version == version:
            _cache.move_to_end(key)
            return entry
        if entry is not None and len(entry.data.edges) >= _background_edges():
            if key not in _rebuilds:
                thread = threading.Thread(
                    target=_rebuild,
                    args=(key, scope, entry),
                    name=f"graph-rebuild-{key[0]}-{key[1]}",
                    daemon=True,
                )
                _rebuilds[key] = thread
                thread.start()
            return entry
    return _store(key, _build(scope, version=version, today=today))


def _build(scope: Scope, *, version: str, today: date) -> CachedGraph:
    return CachedGraph(version=version, today=today, data=network_data(scope=scope, today=today))


def _store(key: tuple[int, str], entry: CachedGraph) -> CachedGraph:
    with _cache_lock:
        _cache[key] = entry
        _cache.move_to_end(key)
        while len(_cache) > _cache_size():
            _cache.popitem(last=False)
    return entry


def _rebuild(key: tuple[int, str], scope: Scope, previous: CachedGraph) -> None:
    """Build the new version and what was derived from the previous one, then swap it in."""
    try:
        version, today = _version(scope)
        entry = _build(scope, version=version, today=today)
        for name, build in previous.builders().items():
            entry.derived(name, build)
        _store(key, entry)
    except Exception:
        logger.exception("Rebuilding the relationship graph of workspace %s failed", key[0])
    finally:
        with _cache_lock:
            _rebuilds.pop(key, None)
        connection.close()  # this thread's own database connection


def _cache_size() -> int:
    return max(1, settings.NETZWERKSTATT_GRAPH_CACHE_SIZE)


def _background_edges() -> int:
    return settings.NETZWERKSTATT_GRAPH_BACKGROUND_EDGES
