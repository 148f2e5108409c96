"""The tie import: read, check every row, then write all of it (or nothing) through tie_save."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.importing.decoding import decode
from netzwerkstatt.contacts.importing.errors import RowError, UnusableInputError
from netzwerkstatt.contacts.importing.tabular import CsvTable, Table, XlsxTable
from netzwerkstatt.contacts.models import EmailAddress, Organisation, Person
from netzwerkstatt.core.database import planner_statistics_refresh
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import NodeType, Provenance, TieKind
from ..models import Tie
from ..services import tie_save
from .columns import Columns, recognise
from .rows import EndRef, TieRow, parsed_rows
from .values import kind_for_ends, kinds_between

PERMISSION = "change_network"
_CHUNK = 500  # ids per IN (…) query, well below SQLite's limit on parameters


@dataclass
class TieImportResult:
    """What an import did (or, for a dry run, would do).

    `ties_strengthened` counts rows whose tie existed already, in the workspace or
    in an earlier row of the file (tie_save strengthens it instead of adding one).
    `stopped` is true when errors kept the import from writing anything.
    """

    rows_read: int = 0
    ties_created: int = 0
    ties_strengthened: int = 0
    errors: list[RowError] = field(default_factory=list)
    stopped: bool = False
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {
            "ties_created": self.ties_created,
            "ties_strengthened": self.ties_strengthened,
            "rows_read": self.rows_read,
            "errors": [error.as_dict() for error in self.errors],
        }


@dataclass(frozen=True)
class _PlannedTie:
    row: TieRow
    kind: TieKind
    source: Person | Organisation
    target: Person | Organisation


def read_table(data: bytes) -> Table:
    """The file as a table: an Excel workbook (.xlsx) or CSV text in any encoding Excel writes."""
    if not data.strip():
        raise UnusableInputError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return XlsxTable(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnusableInputError(
            _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or as CSV.")
        )
    text, _encoding = decode(data)
    return CsvTable(text)


def ties_import(
    *, scope: Scope, data: bytes, dry_run: bool = False, skip_invalid: bool = False
) -> TieImportResult:
    """Import the file's ties into the scope's workspace, atomically.

    Every row is checked and both its ends are found before anything is written.
    With errors nothing is written, unless `skip_invalid` asks for the valid rows
    alone; the errors are reported either way. A dry run writes inside a
    transaction it rolls back, so its counts are exact. Raises PermissionDenied
    without the permission and UnusableInputError for a file that is no tie list.
    """
    if not scope.can(PERMISSION):
        raise PermissionDenied(PERMISSION)
    table = read_table(data)
    columns = recognise(table.headers)
    result = TieImportResult(dry_run=dry_run)
    rows: list[TieRow] = []
    for item in parsed_rows(table, columns):
        result.rows_read += 1
        if isinstance(item, list):
            result.errors.extend(item)
        else:
            rows.append(item)
    planned = _planned(scope, rows, columns, result.errors)
    if result.errors and not skip_invalid and not dry_run:
        return _stopped(result)
    with transaction.atomic():
        for tie in planned:
            _write(scope, tie, columns, result)
        result.stopped = bool(result.errors) and not skip_invalid
        if result.stopped or dry_run:
            transaction.set_rollback(True)
        else:
            activity_record(
                scope=scope,
                action=Action.IMPORTED,
                details={
                    "model": "network.tie",
                    "count": result.ties_created + result.ties_strengthened,
                    "format": "csv" if isinstance(table, CsvTable) else "xlsx",
                    "rows_read": result.rows_read,
                    "ties_created": result.ties_created,
                    "ties_strengthened": result.ties_strengthened,
                    "errors": len(result.errors),
                },
            )
            if result.ties_created:
                planner_statistics_refresh(Tie)
    return _stopped(result) if result.stopped and not dry_run else _sorted(result)


def _stopped(result: TieImportResult) -> TieImportResult:
    result.stopped = True
    result.ties_created = result.ties_strengthened = 0
    return _sorted(result)


def _sorted(result: TieImportResult) -> TieImportResult:
    result.errors.sort(key=lambda error: error.row or 0)
    return result


def _write(scope: Scope, tie: _PlannedTie, columns: Columns, result: TieImportResult) -> None:
    row = tie.row
    try:
        with transaction.atomic():
            _saved, created = tie_save(
                scope=scope,
                kind=tie.kind,
                source=tie.source,
                target=tie.target,
                strength=row.strength,
                trust=row.trust,
                since=row.since,
                last_contact=row.last_contact,
                provenance=Provenance.IMPORT,
                purpose=row.purpose,
                note=row.note,
            )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            result.errors.append(
                RowError(row.row, columns.heading.get(name, ""), " ".join(messages))
            )
        return
    if created:
        result.ties_created += 1
    else:
        result.ties_strengthened += 1


def _planned(
    scope: Scope, rows: list[TieRow], columns: Columns, errors: list[RowError]
) -> list[_PlannedTie]:
    """The rows whose ends are found and whose kind fits them; the others' errors go to `errors`."""
    ends = _Ends(scope, rows)
    found: list[tuple[TieRow, TieKind, tuple[NodeType, int], tuple[NodeType, int]]] = []
    for row in rows:
        row_errors = []
        source = ends.find(row.row, row.source, row_errors)
        target = ends.find(row.row, row.target, row_errors)
        kind = None
        if source and target:
            kind = kind_for_ends(row.kinds, source[0], target[0])
            if kind is None:
                row_errors.append(
                    RowError(row.row, columns.heading["kind"], _kind_message(row, source, target))
                )
            elif source == target:
                row_errors.append(RowError(row.row, "", _("A tie needs two different ends.")))
        if row_errors:
            errors.extend(row_errors)
        else:
            found.append((row, kind, source, target))
    nodes = _nodes(scope, [end for _row, _kind, *row_ends in found for end in row_ends])
    return [
        _PlannedTie(row, kind, nodes[source], nodes[target]) for row, kind, source, target in found
    ]


def _kind_message(row: TieRow, source: tuple[NodeType, int], target: tuple[NodeType, int]) -> str:
    types = {source[0], target[0]}
    if types == {NodeType.PERSON}:
        ends = _("two persons")
    elif types == {NodeType.ORGANISATION}:
        ends = _("two organisations")
    else:
        ends = _("a person and an organisation")
    return _("“%(value)s” is no tie between %(ends)s. Possible kinds: %(kinds)s.") % {
        "value": row.kind_text,
        "ends": ends,
        "kinds": ", ".join(str(kind.label) for kind in kinds_between(source[0], target[0])),
    }


class _Ends:
    """The persons and organisations a file's rows name, looked up in a few queries."""

    def __init__(self, scope: Scope, rows: list[TieRow]):
        refs = [ref for row in rows for ref in (row.source, row.target)]
        self.persons: dict[str, set[int]] = {}
        emails = {ref.email for ref in refs if ref.is_person}
        for chunk in _chunks(emails):
            for person_id, address in (
                scope.objects(EmailAddress)
                .filter(address_key__in=chunk)
                .values_list("person_id", "address_key")
            ):
                self.persons.setdefault(address, set()).add(person_id)
        self.organisations: dict[str, list[tuple[int, str]]] = {}
        keys = {ref.organisation_key for ref in refs if not ref.is_person}
        for chunk in _chunks(keys):
            for pk, key, postal_code in (
                scope.objects(Organisation)
                .filter(name_key__in=chunk)
                .values_list("pk", "name_key", "postal_code")
            ):
                self.organisations.setdefault(key, []).append((pk, postal_code))

    def find(self, row: int, ref: EndRef, errors: list[RowError]) -> tuple[NodeType, int] | None:
        if ref.is_person:
            matches = sorted(self.persons.get(ref.email, ()))
            if len(matches) == 1:
                return NodeType.PERSON, matches[0]
            message = (
                _("No person has the e-mail address “%(email)s”.")
                if not matches
                else _("Several persons have the e-mail address “%(email)s”; merge them first.")
            ) % {"email": ref.email}
            errors.append(RowError(row, ref.column, message))
            return None
        known = self.organisations.get(ref.organisation_key, [])
        if ref.postal_code:
            matches = [pk for pk, code in known if code == ref.postal_code] or [
                pk for pk, code in known if not code
            ]
        else:
            matches = [pk for pk, _code in known]
        if len(matches) == 1:
            return NodeType.ORGANISATION, matches[0]
        values = {"name": ref.organisation_name, "code": ref.postal_code}
        if not matches and ref.postal_code:
            message = _("No organisation “%(name)s” with the postal code %(code)s was found.")
        elif not matches:
            message = _("No organisation “%(name)s” was found.")
        elif ref.postal_code:
            message = _("Several organisations “%(name)s” have the postal code %(code)s.")
        else:
            message = _(
                "Several organisations are called “%(name)s”; add the postal code to tell them apart."
            )
        errors.append(RowError(row, ref.column, message % values))
        return None


def _nodes(
    scope: Scope, ends: Iterable[tuple[NodeType, int]]
) -> dict[tuple[NodeType, int], Person | Organisation]:
    wanted = {NodeType.PERSON: set(), NodeType.ORGANISATION: set()}
    for node_type, pk in ends:
        wanted[node_type].add(pk)
    nodes = {}
    for node_type, model in ((NodeType.PERSON, Person), (NodeType.ORGANISATION, Organisation)):
        for chunk in _chunks(wanted[node_type]):
            for pk, node in scope.objects(model).in_bulk(chunk).items():
                nodes[node_type, pk] = node
    return nodes


def _chunks(values: Iterable) -> Iterator[list]:
    iterator = iter(values)
    while chunk := list(islice(iterator, _CHUNK)):
        yield chunk
