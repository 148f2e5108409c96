import json
import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.contacts.importing.enums import DuplicatePolicy
from netzwerkstatt.contacts.importing.errors import UnusableInputError
from netzwerkstatt.contacts.importing.mapping import mapping_problems
from netzwerkstatt.contacts.importing.reading import Source, read_source
from netzwerkstatt.contacts.importing.service import (
    PROGRESS_EVERY_ROWS,
    ImportResult,
    ImportStage,
    contacts_import,
)
from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope

EXIT_ERRORS = 1
EXIT_UNUSABLE = 2


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Import contacts from a CSV, Excel (.xlsx) or vCard file into a workspace. "
        "Exit code 0: imported; 1: errors stopped the import and nothing was written; "
        "2: the file or the options cannot be used."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV, .xlsx or .vcf file"))
        parser.add_argument("--workspace", required=True, help=_("workspace slug"))
        parser.add_argument(
            "--duplicates",
            choices=DuplicatePolicy.values,
            default=DuplicatePolicy.SKIP,
            help=_("what to do with contacts that exist already (default: skip)"),
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help=_("import the valid rows and report the invalid ones"),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("check and count, write nothing")
        )
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help=_("print the result as one JSON object"),
        )

    def handle(self, *args, file, workspace, duplicates, skip_invalid, dry_run, as_json, **options):
        try:
            scope = Scope.system(self.get_workspace(workspace))
        except CommandError as error:
            raise CommandError(str(error), returncode=EXIT_UNUSABLE) from None
        try:
            source = self._source(Path(file))
            result = contacts_import(
                scope=scope,
                source=source,
                duplicates=DuplicatePolicy(duplicates),
                skip_invalid=skip_invalid,
                dry_run=dry_run,
                progress=None if as_json else self._progress,
            )
        except OSError as error:
            self._fail(
                _("The file cannot be read: %(reason)s") % {"reason": error.strerror},
                as_json=as_json,
            )
        except UnusableInputError as error:
            self._fail(error.message, as_json=as_json)
        if as_json:
            self._print_json(result.as_dict())
        else:
            self._report(result, policy=DuplicatePolicy(duplicates))
        if result.stopped:
            sys.exit(EXIT_ERRORS)

    def _source(self, path: Path) -> Source:
        """The file's contacts; unusable if no column is recognised, as nobody can map them here."""
        source = read_source(path.read_bytes())
        if source.is_mappable and mapping_problems(source.suggested_mapping()):
            raise UnusableInputError(
                _(
                    "No column was recognised as a name, an e-mail address or a company "
                    "(the columns are: %(columns)s). Rename the columns, for example to "
                    "“Nachname”, “E-Mail-Adresse” and “Firma”, or import the file in the "
                    "browser, where you can assign the columns yourself."
                )
                % {"columns": ", ".join(source.columns)}
            )
        return source

    def _fail(self, message: str, *, as_json: bool) -> None:
        if as_json:
            self._print_json(
                {
                    **ImportResult().as_dict(),
                    "errors": [{"row": None, "column": "", "message": message}],
                }
            )
        else:
            self.stderr.write(message)
        sys.exit(EXIT_UNUSABLE)

    def _print_json(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False))

    def _progress(self, stage: ImportStage, done: int) -> None:
        if stage is ImportStage.READ:
            self.stderr.write(_("%(count)s rows read …") % {"count": done})
        elif done >= PROGRESS_EVERY_ROWS:
            self.stderr.write(_("Writing %(count)s rows to the database …") % {"count": done})

    def _report(self, result: ImportResult, *, policy: DuplicatePolicy) -> None:
        counts = [
            (_("Rows read"), result.rows_read),
            (_("Organisations created"), result.organisations_created),
            (_("Persons created"), result.persons_created),
            (
                _("Duplicates merged")
                if policy == DuplicatePolicy.MERGE
                else _("Duplicates skipped"),
                result.duplicates,
            ),
        ]
        self.write_import_report(
            result.errors, counts, stopped=result.stopped, dry_run=result.dry_run
        )
