"""The contact import: check every row, find duplicates, then write everything or nothing."""

import enum
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import transaction

from netzwerkstatt.core.database import planner_statistics_refresh
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..models import CONTACT_TABLES
from ..services import contacts_changed
from .enums import DuplicatePolicy
from .errors import RowError, UnusableInputError
from .mapping import mapping_problems
from .planning import ImportPlan
from .reading import Source
from .records import ContactRecord, build_record
from .writing import existing_contacts, plan_write

PROGRESS_EVERY_ROWS = 5000


class ImportStage(enum.Enum):
    READ = "read"  # `done` is the number of rows read so far
    WRITE = "write"  # `done` is the number of rows about to be written


ProgressCallback = Callable[[ImportStage, int], None]


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do).

    `duplicates` counts rows whose contact existed already, in the workspace or
    in an earlier row of the file: the person, or for a row without a person its
    organisation. Several persons at one organisation are not duplicates.
    `stopped` is true when errors kept the import from writing anything.
    """

    rows_read: int = 0
    organisations_created: int = 0
    persons_created: int = 0
    duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)
    stopped: bool = False
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {
            "organisations_created": self.organisations_created,
            "persons_created": self.persons_created,
            "duplicates": self.duplicates,
            "rows_read": self.rows_read,
            "errors": [error.as_dict() for error in self.errors],
        }


def contacts_import(
    *,
    scope: Scope,
    source: Source,
    mapping: Sequence[str] | None = None,
    duplicates: DuplicatePolicy = DuplicatePolicy.SKIP,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Import the source's contacts into the scope's workspace, atomically.

    Every row is checked before anything is written. With errors the import
    writes nothing, unless `skip_invalid` asks for the valid rows alone; the
    errors are reported either way. A dry run plans and counts but never writes.
    Raises PermissionDenied without the import permission and UnusableInputError
    when the mapping leaves nothing to import.
    """
    require(scope, "import_contacts")
    if source.is_mappable:
        mapping = list(mapping) if mapping is not None else source.suggested_mapping()
        if problems := mapping_problems(mapping):
            raise UnusableInputError(" ".join(problems))
    result = ImportResult(dry_run=dry_run)
    with nullcontext() if dry_run else transaction.atomic():
        # Rows are planned as they are read: only one record per contact stays in memory.
        plan = ImportPlan(existing=existing_contacts(scope=scope), duplicates=duplicates)
        valid_rows = 0
        for record in _checked_records(source, mapping or [], result, progress):
            plan.add(record)
            valid_rows += 1
        result.stopped = bool(result.errors) and not skip_invalid
        if result.stopped and not dry_run:
            return result
        result.organisations_created = len(plan.new_organisations)
        result.persons_created = len(plan.new_persons)
        result.duplicates = plan.duplicates
        if not dry_run:
            if progress is not None:
                progress(ImportStage.WRITE, valid_rows)
            plan_write(scope=scope, plan=plan)
            planner_statistics_refresh(*CONTACT_TABLES)
            contacts_changed(scope=scope)
            activity_record(
                scope=scope,
                action=Action.IMPORTED,
                details={
                    "format": source.format,
                    "duplicate_policy": duplicates,
                    "rows_read": result.rows_read,
                    "organisations_created": result.organisations_created,
                    "persons_created": result.persons_created,
                    "duplicates": result.duplicates,
                    "errors": len(result.errors),
                },
            )
    return result


def _checked_records(
    source: Source,
    mapping: Sequence[str],
    result: ImportResult,
    progress: ProgressCallback | None,
) -> Iterator[ContactRecord]:
    """The valid rows as records; rows read and errors are counted into `result`."""
    for item in source.mapped_rows(mapping):
        result.rows_read += 1
        if progress is not None and result.rows_read % PROGRESS_EVERY_ROWS == 0:
            progress(ImportStage.READ, result.rows_read)
        if isinstance(item, RowError):
            result.errors.append(item)
            continue
        record = build_record(*item)
        if isinstance(record, list):
            result.errors.extend(record)
        else:
            yield record
